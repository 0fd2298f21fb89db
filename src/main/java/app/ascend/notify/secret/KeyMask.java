package app.ascend.notify.secret;

/**
 * How keys appear in every response, log line and audit entry: {@code ****} plus the last 4
 * characters for keys of 16 characters or more (enough to tell keys apart, too few to use), {@code ****}
 * alone for shorter ones. The tail is 4 code points, so a key ending in an emoji never shows half of one (a lone
 * surrogate, which JSON writers replace or refuse).
 */
public final class KeyMask {
    public static final String MASK = "****";
    private static final int SHOW_TAIL_FROM_LENGTH = 16;

    private KeyMask() {
    }

    public static String mask(String key) {
        if (key == null) {
            return null;
        }
        if (key.length() < SHOW_TAIL_FROM_LENGTH) {
            return MASK;
        }
        return MASK + key.substring(key.offsetByCodePoints(key.length(), -4));
    }

    /** A value a client sent back as it read it, rather than a new key. */
    public static boolean isMasked(String value) {
        return value != null && value.startsWith(MASK);
    }
}
