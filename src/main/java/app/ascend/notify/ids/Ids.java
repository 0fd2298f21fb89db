package app.ascend.notify.ids;

import java.security.SecureRandom;

/**
 * Ids such as {@code chan_01jd8x3k9q...}: a type prefix, 48 bits of milliseconds and 80 random bits in
 * lower-case Crockford base32 (a ULID). Generated without a database round trip, unguessable, and
 * ordered by creation time, so "newest first" is an index scan on the id.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    private static long lastMillis;
    private static final byte[] LAST_RANDOM = new byte[10];
    /* Test-only: how far this process's wall clock is made wrong (ascend.test.clock-skew). */
    private static volatile long skewMillis;

    public static String newId(String prefix) {
        return prefix + "_" + next();
    }

    /**
     * Test-only ({@code ascend.test.clock-skew}): shifts the time inside new ids, as a host whose wall
     * clock is wrong would. Ids are never used for order across instances, so a skew only changes how
     * lists sort.
     */
    public static void shiftClock(java.time.Duration skew) {
        skewMillis = skew.toMillis();
    }

    /**
     * Monotonic within this process: ids made in the same millisecond increment the random part, so
     * the order of ids is the order they were made (deliveries of one action rely on it).
     */
    private static synchronized String next() {
        long millis = System.currentTimeMillis() + skewMillis;
        if (millis <= lastMillis) {
            millis = lastMillis;
            for (int i = LAST_RANDOM.length - 1; i >= 0; i--) {
                if (++LAST_RANDOM[i] != 0) {
                    break;
                }
            }
        } else {
            lastMillis = millis;
            RANDOM.nextBytes(LAST_RANDOM);
            LAST_RANDOM[0] &= 0x7f; // headroom, so incrementing within one millisecond never wraps
        }
        return ulid(millis, LAST_RANDOM);
    }

    static String ulid(long millis, byte[] random) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[9 - i] = ALPHABET[(int) ((millis >>> (i * 5)) & 31)];
        }
        // 80 random bits as 16 base32 characters.
        long hi = ((random[0] & 0xffL) << 32) | ((random[1] & 0xffL) << 24) | ((random[2] & 0xffL) << 16)
                | ((random[3] & 0xffL) << 8) | (random[4] & 0xffL);
        long lo = ((random[5] & 0xffL) << 32) | ((random[6] & 0xffL) << 24) | ((random[7] & 0xffL) << 16)
                | ((random[8] & 0xffL) << 8) | (random[9] & 0xffL);
        for (int i = 0; i < 8; i++) {
            out[10 + i] = ALPHABET[(int) ((hi >>> ((7 - i) * 5)) & 31)];
            out[18 + i] = ALPHABET[(int) ((lo >>> ((7 - i) * 5)) & 31)];
        }
        return new String(out);
    }
}
