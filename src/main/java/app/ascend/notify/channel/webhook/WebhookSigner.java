package app.ascend.notify.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks' symmetric signature (spec 1.0.0, "Signature scheme",
 * https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
 * {@code v1,} + base64 of HMAC-SHA256 over {@code {webhook-id}.{webhook-timestamp}.{body}}, keyed with the
 * base64-decoded part of the {@code whsec_} secret. The body is signed as the exact bytes sent; several
 * secrets (during a rotation) give several entries, space-separated, and a receiver accepts any one.
 */
public final class WebhookSigner {
    static final String VERSION = "v1";

    private WebhookSigner() {
    }

    /** The {@code webhook-signature} header value: one {@code v1,…} entry per secret, in the order given. */
    public static String signatureHeader(List<String> secrets, String webhookId, long timestampSeconds, byte[] body) {
        StringJoiner header = new StringJoiner(" ");
        secrets.forEach(secret -> header.add(sign(secret, webhookId, timestampSeconds, body)));
        return header.toString();
    }

    /** One {@code v1,<base64>} entry for {@code secret} ({@code whsec_…}). */
    public static String sign(String secret, String webhookId, long timestampSeconds, byte[] body) {
        if (webhookId.indexOf('.') >= 0) {
            // The '.' delimits the signed parts: an id holding one could make two messages sign alike (spec, "Webhook headers").
            throw new IllegalArgumentException("a webhook-id must not contain '.'");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecret.keyBytes(secret), "HmacSHA256"));
            mac.update((webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
