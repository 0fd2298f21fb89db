package app.ascend.notify.channel.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An RFC 5424 message carrying a CEF record, and its RFC 5425 frame (https://www.rfc-editor.org/rfc/rfc5424 §6,
 * https://www.rfc-editor.org/rfc/rfc5425 §4.3; FACTS.md §1-2, §8):
 * {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME - MSGID - CEF:0|…}, framed {@code MSG-LEN SP SYSLOG-MSG} where MSG-LEN
 * counts the message's UTF-8 octets, with no trailer.
 *
 * <ul>
 * <li>PRI = facility × 8 + severity; the syslog severity follows the CEF one: 9–10 Critical (2), 7–8 Error (3), 4–6
 * Warning (4), 0–3 Informational (6). Sentinel's data collection rule filters on both (FACTS.md §5).</li>
 * <li>TIMESTAMP: the event's time in UTC with milliseconds ({@code T} and {@code Z} upper case, at most 6 fraction
 * digits), so a retry carries the same time.</li>
 * <li>PROCID and STRUCTURED-DATA are the NILVALUE {@code -}; MSGID is the CEF event class id (the event type, at
 * most 32 printable characters).</li>
 * <li>No BOM before {@code CEF:}: RFC 5424 lets MSG be MSG-ANY (octets of no declared encoding) and asks for the BOM
 * only when declaring UTF-8; a consumer matching the {@code CEF:} prefix may miss it behind a BOM (FACTS.md §8), and
 * CEF itself is UTF-8 per the vendors' guides. The text is ASCII unless an event's values are not.</li>
 * </ul>
 * A message is kept within {@link #MAX_BYTES}, below rsyslog's default {@code maxMessageSize} of 8 KiB and RFC 5425's
 * "should handle 8192": the longest extension value is halved until it fits ({@link CefRecord#shrunk()}).
 */
record SyslogMessage(int facility, String hostname, String appName, Instant time, CefRecord cef) {
    static final int MAX_BYTES = 8000;
    static final String NIL = "-";
    static final int MSGID_MAX = 32;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The RFC 5424 severity for a CEF severity (FACTS.md §8). */
    static int syslogSeverity(int cefSeverity) {
        if (cefSeverity >= 9) {
            return 2;
        }
        if (cefSeverity >= 7) {
            return 3;
        }
        if (cefSeverity >= 4) {
            return 4;
        }
        return 6;
    }

    int pri() {
        return facility * 8 + syslogSeverity(cef.severity());
    }

    /** The message text within {@link #MAX_BYTES}. */
    String text() {
        CefRecord current = cef;
        while (true) {
            String text = render(current);
            if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
                return text;
            }
            CefRecord smaller = current.shrunk();
            if (smaller == null) {
                return text; // cannot happen: every value at 64 code points is far below the limit
            }
            current = smaller;
        }
    }

    private String render(CefRecord record) {
        return "<" + pri() + ">1 " + TIMESTAMP.format(time) + " " + headerField(hostname, 255) + " "
                + headerField(appName, 48) + " " + NIL + " " + headerField(record.eventClassId(), MSGID_MAX) + " " + NIL
                + " " + record.line();
    }

    /** A header field: printable US-ASCII (33–126) only, within its length, or the NILVALUE. */
    static String headerField(String value, int max) {
        if (value == null) {
            return NIL;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            if (c >= 33 && c <= 126) {
                out.append(c);
            }
        }
        return out.isEmpty() ? NIL : out.toString();
    }

    /** The RFC 5425 frame of a message text: its octet count, a space, its UTF-8 octets. */
    static byte[] frame(String text) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        byte[] length = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[length.length + message.length];
        System.arraycopy(length, 0, frame, 0, length.length);
        System.arraycopy(message, 0, frame, length.length, message.length);
        return frame;
    }
}
