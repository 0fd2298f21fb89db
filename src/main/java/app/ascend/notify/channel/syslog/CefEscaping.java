package app.ascend.notify.channel.syslog;

/**
 * ArcSight CEF's two escaping rules (shared/reference/syslog-cef/FACTS.md §4, from Elastic's CEF grammar
 * {@code cef.rl} and rsyslog's {@code cef_ext_escape()}): a header field escapes {@code \} and {@code |}; an
 * extension value escapes {@code \}, {@code =}, newline ({@code \n}) and carriage return ({@code \r}), and leaves
 * {@code |} alone. The backslash is escaped first, so an escape added for another character is never doubled.
 *
 * <p>No raw line break leaves here: a header field may not carry one at all (multi-line values are allowed only
 * in the extension), so there it becomes a space; other control characters (tab, C0, DEL) become a space
 * everywhere, since CEF defines no escape for them and a receiver such as rsyslog rewrites them (#011).
 */
final class CefEscaping {
    private CefEscaping() {
    }

    /** A header field (vendor, product, version, event class id, name). */
    static String header(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                default -> out.appendCodePoint(isControl(c) ? ' ' : c);
            }
        });
        return out.toString();
    }

    /** An extension value. */
    static String extension(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.appendCodePoint(isControl(c) ? ' ' : c);
            }
        });
        return out.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }
}
