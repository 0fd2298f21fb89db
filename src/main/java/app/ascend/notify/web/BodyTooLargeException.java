package app.ascend.notify.web;

import java.io.IOException;

/** Thrown while reading a body that grows past the limit; answered 413. */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
        super("The body is larger than " + limit + " bytes (1 MiB).");
    }
}
