package app.ascend.notify.channel.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The signing secrets a webhook channel generates: {@code whsec_} + base64 of 32 random bytes. Standard
 * Webhooks asks for 24 to 64 random bytes shown base64 with that prefix (spec "Signature scheme"); a
 * secret is generated, never chosen, so it always has that strength.
 */
final class WebhookSecret {
    static final String PREFIX = "whsec_";
    static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MASK = "****";

    private WebhookSecret() {
    }

    static String generate() {
        byte[] key = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code whsec_****} + the last 4 characters: enough to tell two secrets apart, too little to sign. */
    static String mask(String secret) {
        return PREFIX + MASK + secret.substring(secret.length() - 4);
    }

    /** The HMAC key: the base64 after {@code whsec_}, as the reference libraries decode it (FACTS.md §4). */
    static byte[] keyBytes(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length == 0) {
            throw new IllegalArgumentException("an empty webhook secret signs nothing");
        }
        return key;
    }
}
