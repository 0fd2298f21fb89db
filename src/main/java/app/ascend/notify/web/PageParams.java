package app.ascend.notify.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code limit} (default 50, at most 200) and {@code cursor} (opaque; the last id of the previous page).
 * Rows are read with {@code id < :before order by id desc limit :limit + 1}.
 */
public record PageParams(int limit, String before) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** Sorts after every id: ids are lower-case base32 after their prefix. */
    private static final String AFTER_ALL = "~";

    public static PageParams parse(String limit, String cursor) {
        FieldErrors errors = new FieldErrors();
        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                parsedLimit = Integer.parseInt(limit.trim());
                if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                    errors.add("limit", "must be between 1 and " + MAX_LIMIT);
                }
            } catch (NumberFormatException e) {
                errors.add("limit", "must be a whole number between 1 and " + MAX_LIMIT);
            }
        }
        String before = AFTER_ALL;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
                if (!before.matches("[a-z]+_[0-9a-z]{1,40}")) {
                    errors.add("cursor", "is not a cursor from a previous page");
                }
            } catch (IllegalArgumentException e) {
                errors.add("cursor", "is not a cursor from a previous page");
            }
        }
        errors.throwIfAny();
        return new PageParams(parsedLimit, before);
    }

    static String cursorFor(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /** How many rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
