package app.ascend.notify.channel.syslog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import app.ascend.notify.channel.spi.Truncation;

/**
 * One CEF event before escaping: {@code CEF:0|Device Vendor|Device Product|Device Version|Device Event Class ID|Name|
 * Severity|Extension} (FACTS.md §4; CEF:0 is what QRadar's Universal CEF DSM reads). Extension values are held with
 * the dictionary's length limit of their key and cut to it by code points ({@link Truncation}, "…" marks a cut);
 * {@link #shrunk()} halves the longest value to fit a message size.
 *
 * @param severity 0–10, 10 the most important (Sentinel's LogSeverity bands: 0–3 Low, 4–6 Medium, 7–8 High,
 *                 9–10 Very-High)
 */
record CefRecord(String vendor, String product, String version, String eventClassId, String name, int severity,
        List<Field> extension) {

    /** The shortest a value is halved down to before the next longest is cut instead. */
    static final int MIN_CUT_CODE_POINTS = 64;

    /** One {@code key=value} pair of the extension; {@code maxCodePoints} is the dictionary's limit for the key. */
    record Field(String key, String value, int maxCodePoints) {
        Field {
            value = Truncation.toCodePoints(value, maxCodePoints);
        }

        String escaped() {
            return key + "=" + CefEscaping.extension(value);
        }
    }

    CefRecord {
        if (severity < 0 || severity > 10) {
            throw new IllegalArgumentException("CEF severity is 0-10: " + severity);
        }
        extension = List.copyOf(extension);
    }

    /** The CEF line, escaped. */
    String line() {
        StringJoiner ext = new StringJoiner(" ");
        extension.forEach(f -> ext.add(f.escaped()));
        return "CEF:0|" + CefEscaping.header(vendor) + "|" + CefEscaping.header(product) + "|"
                + CefEscaping.header(version) + "|" + CefEscaping.header(eventClassId) + "|" + CefEscaping.header(name)
                + "|" + severity + "|" + ext;
    }

    /**
     * This record with its longest extension value (in escaped UTF-8 bytes) halved, or null when every value is
     * already at most {@link #MIN_CUT_CODE_POINTS} code points.
     */
    CefRecord shrunk() {
        int longest = -1;
        int longestBytes = 0;
        for (int i = 0; i < extension.size(); i++) {
            Field f = extension.get(i);
            int bytes = f.escaped().getBytes(StandardCharsets.UTF_8).length;
            if (f.value().codePointCount(0, f.value().length()) > MIN_CUT_CODE_POINTS && bytes > longestBytes) {
                longest = i;
                longestBytes = bytes;
            }
        }
        if (longest < 0) {
            return null;
        }
        List<Field> fields = new ArrayList<>(extension);
        Field f = fields.get(longest);
        int keep = Math.max(MIN_CUT_CODE_POINTS, f.value().codePointCount(0, f.value().length()) / 2);
        fields.set(longest, new Field(f.key(), f.value(), keep));
        return new CefRecord(vendor, product, version, eventClassId, name, severity, fields);
    }
}
