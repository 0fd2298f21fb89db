package app.ascend.notify.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Reads one JSON object of a request field by field, recording every problem with its path
 * ({@code config.runbook_links}, {@code [1].risk_score}) instead of stopping at the first. Unknown
 * fields are errors, with a "did you mean" hint, so a typo such as {@code min_risk_scor} is never
 * silently ignored.
 */
public final class JsonFields {
    /** What a text field holding U+0000 is told: PostgreSQL cannot store it in text, so no database takes it. */
    public static final String NO_NUL = "must not contain the NUL character (\\u0000)";

    private final JsonNode node;
    private final String path;
    private final FieldErrors errors;

    private JsonFields(JsonNode node, String path, FieldErrors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** The object at {@code path}, or empty (with an error recorded) when the node is not an object. */
    public static Optional<JsonFields> object(JsonNode node, String path, FieldErrors errors) {
        if (node == null || !node.isObject()) {
            errors.add(path.isEmpty() ? "$" : path, "must be a JSON object");
            return Optional.empty();
        }
        return Optional.of(new JsonFields(node, path, errors));
    }

    public static String join(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    public String path(String field) {
        return join(path, field);
    }

    public String path() {
        return path;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /** Present and not JSON null. */
    /**
     * A required object field ({@code config}), or empty with its error: {@code whenMissing} when it is absent or
     * null (e.g. "is required: give config.url, …"), "must be a JSON object" when it is something else.
     */
    public Optional<JsonFields> requiredObject(String field, String whenMissing) {
        if (!hasValue(field)) {
            errors.add(path(field), whenMissing);
            return Optional.empty();
        }
        return object(get(field), path(field), errors);
    }

    public boolean hasValue(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public JsonNode get(String field) {
        return node.get(field);
    }

    public FieldErrors errors() {
        return errors;
    }

    public Optional<String> string(String field, boolean required, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(path(field), "is required");
            }
            return Optional.empty();
        }
        if (!value.isString()) {
            errors.add(path(field), "must be a string");
            return Optional.empty();
        }
        String text = value.stringValue();
        if (text.indexOf('\0') >= 0) {
            // PostgreSQL cannot store U+0000 in text (the insert fails); refuse it on every database alike.
            errors.add(path(field), NO_NUL);
            return Optional.empty();
        }
        if (required && text.isBlank()) {
            errors.add(path(field), "must not be blank");
            return Optional.empty();
        }
        // Counted in UTF-16 code units, as H2 counts a varchar's length (PostgreSQL counts code points): 200
        // emoji are 400 units, which H2's varchar(200) refuses at the insert, a 500 the fuzz suite found.
        if (text.length() > maxLength) {
            errors.add(path(field), "must be at most " + maxLength + " characters"
                    + (text.codePointCount(0, text.length()) <= maxLength ? " (an emoji or other character outside "
                            + "the Basic Multilingual Plane counts as two)" : ""));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    public Optional<Boolean> bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            errors.add(path(field), "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    public Optional<Integer> integer(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            errors.add(path(field), "must be a whole number between " + min + " and " + max);
            return Optional.empty();
        }
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            errors.add(path(field), "must be between " + min + " and " + max);
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }

    /** Records an error for every field not in {@code known}. */
    public void rejectUnknown(Collection<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(path(name), unknownFieldMessage(name, known));
            }
        }
    }

    public static String unknownFieldMessage(String name, Collection<String> known) {
        Set<String> sorted = new TreeSet<>(known);
        String hint = sorted.stream()
                .min(Comparator.comparingInt(k -> distance(k, name)))
                .filter(k -> distance(k, name) <= Math.max(2, name.length() / 4))
                .map(k -> " (did you mean \"" + k + "\"?)")
                .orElse("");
        return "unknown field" + hint + "; known fields: " + String.join(", ", sorted);
    }

    /** Every property of this object, for maps such as {@code routing_keys}. */
    public Iterable<Map.Entry<String, JsonNode>> properties() {
        return node.properties();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
