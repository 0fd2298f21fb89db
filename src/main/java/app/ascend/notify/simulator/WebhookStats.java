package app.ascend.notify.simulator;

import java.util.Map;

/**
 * Counters over the webhook requests recorded since start or the last reset.
 *
 * @param requests           requests received on {@code /webhooks/{endpoint}}
 * @param accepted           requests answered 2xx
 * @param verified           requests whose signature matched a registered secret
 * @param duplicates         requests whose {@code webhook-id} had already been accepted on that endpoint
 * @param byStatus           requests per HTTP status answered
 * @param acceptedByEndpoint accepted requests per endpoint
 */
public record WebhookStats(long requests, long accepted, long verified, long duplicates, Map<Integer, Long> byStatus,
        Map<String, Long> acceptedByEndpoint) {

    public WebhookStats {
        byStatus = Map.copyOf(byStatus);
        acceptedByEndpoint = Map.copyOf(acceptedByEndpoint);
    }
}
