package app.ascend.notify.delivery;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Cuts what an attempt stores to its column sizes without breaking it: text never ends in half a
 * surrogate pair (PostgreSQL refuses such a string in UTF-8, and a reader would show garbage), and the
 * errors list stays a JSON array, cut element by element, whose last element says how many were left
 * out. A destination's 400 may list every problem of the message, so a long list is ordinary.
 */
final class StoredText {
    /** {@code delivery_attempts.message} and {@code deliveries.last_message}: varchar(4000). */
    static final int MESSAGE_MAX = 4000;
    /** {@code delivery_attempts.errors}: varchar(8000), a JSON array of strings. */
    static final int ERRORS_MAX = 8000;
    /** An error cut short ends with this. */
    private static final String CUT = "…";
    /** Below this much room, a cut error would say nothing: it is left out instead. */
    private static final int MIN_CUT_ERROR = 40;

    private StoredText() {
    }

    /**
     * At most {@code max} chars (UTF-16 units, so at most {@code max} code points too: within varchar
     * on H2 and PostgreSQL alike), never splitting a surrogate pair.
     */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * The errors as a JSON array of at most {@code max} chars: whole errors in order while they fit, the
     * next one cut if enough room is left, then one marker saying how many were left out.
     */
    static String errorsJson(JsonMapper json, List<String> errors, int max) {
        List<String> all = errors == null ? List.of() : errors;
        String whole = json.writeValueAsString(all);
        if (whole.length() <= max) {
            return whole;
        }
        // Room for the longest marker there can be, so whatever is kept, the marker still fits.
        int markerRoom = 1 + json.writeValueAsString(leftOut(all.size())).length();
        List<String> kept = new ArrayList<>();
        int used = 2; // []
        for (String error : all) {
            int separator = kept.isEmpty() ? 0 : 1;
            int room = max - used - separator - markerRoom;
            String quoted = json.writeValueAsString(error);
            if (quoted.length() <= room) {
                kept.add(error);
                used += separator + quoted.length();
                continue;
            }
            if (room >= MIN_CUT_ERROR) {
                kept.add(cutToFit(json, error, room));
            }
            break;
        }
        kept.add(leftOut(all.size() - kept.size()));
        return json.writeValueAsString(kept);
    }

    /** The error cut by code points, marked, so that it is at most {@code room} chars as a JSON string. */
    private static String cutToFit(JsonMapper json, String error, int room) {
        String cut = cut(error, room);
        // Escapes make the JSON longer than the text: shrink by the excess until it fits (a few rounds).
        while (true) {
            String candidate = cut + CUT;
            int excess = json.writeValueAsString(candidate).length() - room;
            if (excess <= 0) {
                return candidate;
            }
            cut = cut(cut, Math.max(0, cut.length() - excess));
        }
    }

    private static String leftOut(int count) {
        return "[" + count + (count == 1 ? " more error" : " more errors") + " not stored: the list is kept to "
                + ERRORS_MAX + " characters]";
    }
}
