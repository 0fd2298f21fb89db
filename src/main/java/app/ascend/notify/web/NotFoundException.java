package app.ascend.notify.web;

/** Answered as 404; also what another organization's id gets, so ids leak nothing. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super(what + " " + id + " not found");
    }
}
