package app.ascend.notify.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's Standard Webhooks signature as a receiver does (https://github.com/standard-webhooks/
 * standard-webhooks, spec/standard-webhooks.md; shared/reference/
 * standard-webhooks/FACTS.md §3 to §5), written apart from the reference libraries so that the tests can use those
 * as an independent signer. In order: all three headers present (else 400), the timestamp an integer within
 * {@link #TOLERANCE} of this clock either way (else 401), then any {@code v1} entry matching any registered secret
 * in constant time (else 401). Entries of other versions ({@code v1a}, unknown) are skipped, as the libraries do.
 */
final class WebhookSignatureVerifier {

    /** The spec names no number; every reference library uses 5 minutes both ways (FACTS.md §5). */
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,18}");

    private final Clock clock;

    WebhookSignatureVerifier(Clock clock) {
        this.clock = clock;
    }

    WebhookVerification verify(List<WebhookSecret> secrets, WebhookHeaders headers, byte[] body) {
        if (secrets.isEmpty()) {
            return WebhookVerification.noSecretRegistered();
        }
        if (!headers.complete()) {
            return WebhookVerification.missingHeaders();
        }
        if (!UNIX_SECONDS.matcher(headers.timestamp()).matches()) {
            return WebhookVerification.refused("webhook-timestamp is not an integer of unix seconds");
        }
        long skew = Long.parseLong(headers.timestamp()) - clock.instant().getEpochSecond();
        if (Math.abs(skew) > TOLERANCE.toSeconds()) {
            return WebhookVerification.refused("webhook-timestamp is " + Math.abs(skew) + " s "
                    + (skew < 0 ? "behind" : "ahead of") + " the receiver's clock, more than the tolerated "
                    + TOLERANCE.toSeconds() + " s");
        }
        for (int i = 0; i < secrets.size(); i++) {
            byte[] expected = (VERSION + "," + signature(secrets.get(i).key(), headers.id(), headers.timestamp(), body))
                    .getBytes(StandardCharsets.US_ASCII);
            for (String entry : headers.signature().trim().split(" +")) {
                // Constant time, so that timing reveals nothing of the expected signature (spec; FACTS.md §5).
                if (MessageDigest.isEqual(expected, entry.getBytes(StandardCharsets.UTF_8))) {
                    return WebhookVerification.matched(i + 1, secrets.size());
                }
            }
        }
        return WebhookVerification.refused("signature does not match");
    }

    /**
     * The base64 HMAC-SHA256, keyed with the decoded secret, of {@code id.timestamp.body}: the exact body bytes
     * received, never a re-serialization of them (spec "Signature scheme"; FACTS.md §3).
     */
    static String signature(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
