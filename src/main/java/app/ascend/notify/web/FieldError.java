package app.ascend.notify.web;

/** One bad field of a request: {@code field} is a path such as {@code config.runbook_links.action.blocked}. */
public record FieldError(String field, String message) {
}
