package app.ascend.notify.web;

import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a request, so one answer names them all. */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Throws {@link InvalidRequestException} when anything was collected. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(list());
        }
    }
}
