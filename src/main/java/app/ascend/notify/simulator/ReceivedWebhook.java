package app.ascend.notify.simulator;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One request received on {@code POST /webhooks/{endpoint}}, as answered, refused ones included.
 *
 * @param sequence     1-based arrival order across all endpoints
 * @param receivedAt   the simulator's clock when the request was handled
 * @param headers      the three {@code webhook-*} headers as sent
 * @param rawBody      the body decoded as UTF-8
 * @param json         the parsed body, or {@code null} when it is not JSON
 * @param bodyBytes    the body's length in bytes
 * @param verified     a {@code v1} signature matched a registered secret
 * @param verification why verified or not, e.g. "no secret registered for this endpoint"
 * @param status       the status answered (204 accepted, 200 for a stalled body, or the refusal or fault)
 * @param duplicate    an earlier request with this {@code webhook-id} was already accepted on this endpoint: a
 *                     retry the sender should not have made after a 2xx (Standard Webhooks: the id is the
 *                     receiver's idempotency key)
 */
public record ReceivedWebhook(
        long sequence,
        String endpoint,
        Instant receivedAt,
        WebhookHeaders headers,
        String rawBody,
        JsonNode json,
        int bodyBytes,
        boolean verified,
        String verification,
        int status,
        boolean duplicate) {

    /** Answered 2xx: the message was received, whatever a fault did to the answer's timing. */
    public boolean accepted() {
        return status >= 200 && status <= 299;
    }
}
