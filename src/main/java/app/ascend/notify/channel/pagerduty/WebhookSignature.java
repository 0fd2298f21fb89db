package app.ascend.notify.channel.pagerduty;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PagerDuty's v3 webhook signature (https://developer.pagerduty.com/docs/verifying-signatures): the
 * {@code X-PagerDuty-Signature} header holds comma-separated {@code v1=<hex>} entries (several during a
 * zero-downtime secret rotation); each is HMAC-SHA256 of the raw, unaltered body keyed with the
 * subscription's secret. The delivery is authentic when at least one entry matches, compared in constant
 * time. As go-pagerduty's webhookv3 does, entries that are not {@code v1=} or not hex are skipped.
 */
final class WebhookSignature {
    static final String HEADER = "x-pagerduty-signature";
    private static final String V1 = "v1=";

    private WebhookSignature() {
    }

    /** Whether any {@code v1=} entry of the header values is the body's HMAC with {@code secret}. */
    static boolean verifies(String secret, List<String> headerValues, byte[] rawBody) {
        if (secret == null || secret.isEmpty() || headerValues == null || headerValues.isEmpty()) {
            return false;
        }
        byte[] expected = sign(secret, rawBody);
        boolean any = false;
        for (String value : headerValues) {
            for (String entry : value.split(",")) {
                String trimmed = entry.trim();
                if (!trimmed.startsWith(V1)) {
                    continue;
                }
                byte[] given;
                try {
                    given = HexFormat.of().parseHex(trimmed.substring(V1.length()));
                } catch (IllegalArgumentException notHex) {
                    continue;
                }
                // Every entry is compared (no early return), so the time taken says nothing of which matched.
                any |= MessageDigest.isEqual(expected, given);
            }
        }
        return any;
    }

    /** HMAC-SHA256 of the body with the secret (its UTF-8 bytes) as key. */
    static byte[] sign(String secret, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** {@code v1=<hex>}: the header value PagerDuty sends for this body and secret. */
    static String header(String secret, byte[] rawBody) {
        return V1 + HexFormat.of().formatHex(sign(secret, rawBody));
    }
}
