package app.ascend.notify.simulator;

import com.sun.net.httpserver.Headers;

/**
 * The three Standard Webhooks headers of one request, each {@code null} when absent
 * (https://github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md "Webhook headers").
 *
 * @param id        {@code webhook-id}: the message id, the same on every retry of a message
 * @param timestamp {@code webhook-timestamp}: unix seconds of this attempt, as sent
 * @param signature {@code webhook-signature}: space-separated {@code v1,<base64>} entries
 */
public record WebhookHeaders(String id, String timestamp, String signature) {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    /** The JDK's {@link Headers} looks names up case-insensitively, as the reference libraries do. */
    static WebhookHeaders of(Headers headers) {
        return new WebhookHeaders(headers.getFirst(ID), headers.getFirst(TIMESTAMP), headers.getFirst(SIGNATURE));
    }

    boolean complete() {
        return id != null && timestamp != null && signature != null;
    }
}
