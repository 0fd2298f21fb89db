package app.ascend.notify.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing of secrets at rest. Each value gets a fresh 96-bit nonce; the stored form is
 * {@code v1:} + base64(nonce || ciphertext || tag), so a key rotation can add {@code v2} later.
 */
public final class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKey key;
    private static final int CACHE_LIMIT = 4096;
    private final SecureRandom random = new SecureRandom();
    /* Destinations repeat on every delivery and incident row of a channel: seal each once, open each once. */
    private final Map<String, String> sealedRows = new ConcurrentHashMap<>();
    private final Map<String, String> opened = new ConcurrentHashMap<>();

    public SecretBox(SecretKey key) {
        this.key = key;
    }

    public String seal(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Seals a value stored on many rows (a routing key on each of its deliveries and incidents): the
     * same plaintext gets the same sealed form within this process, so the outbox does not pay an AES
     * pass and a random nonce per row. Channel configs use {@link #seal}, a fresh nonce each time.
     */
    public String sealRepeated(String plaintext) {
        String sealed = sealedRows.get(plaintext);
        if (sealed == null) {
            sealed = seal(plaintext);
            remember(sealedRows, plaintext, sealed);
        }
        return sealed;
    }

    /** {@link #open}, remembering recent answers: the dispatcher opens the same few destinations all day. */
    public String openRepeated(String stored) {
        String plaintext = opened.get(stored);
        if (plaintext == null) {
            plaintext = open(stored);
            remember(opened, stored, plaintext);
        }
        return plaintext;
    }

    private static void remember(Map<String, String> cache, String key, String value) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // bounded without bookkeeping; refills with the destinations in use
        }
        cache.put(key, value);
    }

    /** @throws SecretKeyMismatchException when the value was sealed with another key or was altered */
    public String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new SecretKeyMismatchException("not a sealed value");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretKeyMismatchException("sealed with another key, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret key cannot open what was sealed: a wrong ASCEND_SECRET_KEY or a tampered row. */
    public static final class SecretKeyMismatchException extends RuntimeException {
        SecretKeyMismatchException(String message) {
            super(message);
        }
    }
}
