package app.ascend.notify.support.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON document under construction that may be wrong in any way a client could make it wrong:
 * duplicate keys, raw tokens ({@code NaN}, {@code 1e999}, a lone {@code \ud800} escape), nesting
 * thousands deep. Values are {@link Obj}, {@link Arr}, {@link String} (written with the usual escapes)
 * or {@link Raw} (written verbatim). {@link #write} never recurses deeper than the tree itself; deep
 * nesting is a {@link Raw} built without recursion.
 */
public final class Doc {
    private Doc() {
    }

    /** Text written into the document exactly as given. */
    public record Raw(String text) {
    }

    /** A key/value pair of an object; the key is raw JSON text when {@code rawKey}. */
    public static final class Entry {
        String key;
        boolean rawKey;
        Object value;

        Entry(String key, boolean rawKey, Object value) {
            this.key = key;
            this.rawKey = rawKey;
            this.value = value;
        }
    }

    /** An object that keeps its order and may hold a key twice. */
    public static final class Obj {
        final List<Entry> entries = new ArrayList<>();

        public Obj put(String key, Object value) {
            for (Entry e : entries) {
                if (!e.rawKey && e.key.equals(key)) {
                    e.value = value;
                    return this;
                }
            }
            entries.add(new Entry(key, false, value));
            return this;
        }

        public Obj add(String key, boolean rawKey, Object value) {
            entries.add(new Entry(key, rawKey, value));
            return this;
        }

        public Object get(String key) {
            return entries.stream().filter(e -> !e.rawKey && e.key.equals(key)).map(e -> e.value).findFirst().orElse(null);
        }
    }

    /** An array. */
    public static final class Arr {
        final List<Object> items = new ArrayList<>();

        public Arr add(Object value) {
            items.add(value);
            return this;
        }
    }

    public static Raw number(long n) {
        return new Raw(Long.toString(n));
    }

    public static Raw bool(boolean b) {
        return new Raw(Boolean.toString(b));
    }

    public static final Raw NULL = new Raw("null");

    /** The document as JSON text (or as nearly-JSON text, when it holds raw mistakes). */
    public static String write(Object value) {
        return write(value, Integer.MAX_VALUE);
    }

    /** The first {@code limit} characters or so of the text: writing stops once past them. */
    public static String write(Object value, int limit) {
        StringBuilder out = new StringBuilder();
        write(value, out, limit);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int limit) {
        if (out.length() > limit) {
            return;
        }
        if (value instanceof Obj obj) {
            out.append('{');
            for (int i = 0; i < obj.entries.size(); i++) {
                Entry e = obj.entries.get(i);
                if (i > 0) {
                    out.append(',');
                }
                if (e.rawKey) {
                    out.append(e.key);
                } else {
                    quote(e.key, out);
                }
                out.append(':');
                write(e.value, out, limit);
            }
            out.append('}');
        } else if (value instanceof Arr arr) {
            out.append('[');
            for (int i = 0; i < arr.items.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(arr.items.get(i), out, limit);
            }
            out.append(']');
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String text) {
            quote(text, out);
        } else {
            throw new IllegalArgumentException("not a document value: " + value);
        }
    }

    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
