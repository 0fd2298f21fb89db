package app.ascend.notify.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import app.ascend.notify.web.JsonFields;

/** The password and email rules of every place that sets them. */
final class Passwords {
    static final int MIN_LENGTH = 12;
    /** BCrypt reads at most 72 bytes; Spring Security refuses longer passwords rather than ignore the rest. */
    static final int MAX_BYTES = 72;

    private Passwords() {
    }

    static Optional<String> password(JsonFields fields, String field) {
        Optional<String> password = fields.string(field, true, 200);
        password.ifPresent(p -> {
            if (p.codePointCount(0, p.length()) < MIN_LENGTH) {
                fields.errors().add(fields.path(field), "must be at least " + MIN_LENGTH + " characters");
            } else if (p.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                fields.errors().add(fields.path(field), "must be at most " + MAX_BYTES + " bytes in UTF-8");
            }
        });
        return password;
    }

    static Optional<String> email(JsonFields fields, String field) {
        Optional<String> email = fields.string(field, true, 320).map(e -> e.trim().toLowerCase(Locale.ROOT));
        email.ifPresent(e -> {
            if (!e.matches("[^@\\s]+@[^@\\s]+")) {
                fields.errors().add(fields.path(field), "must be an email address");
            }
        });
        return email;
    }

    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
