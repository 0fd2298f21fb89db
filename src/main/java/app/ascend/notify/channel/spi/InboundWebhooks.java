package app.ascend.notify.channel.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a channel type does with the webhooks its destination sends back about the incidents ASCEND opened
 * there ({@code POST /api/webhooks/{type}/{channel_id}}). The core reads the raw body (at most
 * {@link #maxBodyBytes()}), asks {@link #verifies} before anything is parsed, then {@link #read}s it, and
 * records what it says through the incident API; it never names a vendor.
 */
public interface InboundWebhooks {

    /** The largest body the destination sends; larger ones answer 413 unread. */
    int maxBodyBytes();

    /**
     * How long the destination keeps retrying a delivery: an older one (by when it happened) can only be a
     * replay of a delivery whose id is no longer held, and is ignored as stale.
     */
    java.time.Duration retriesFor();

    /**
     * Whether the delivery is authentic for a channel with these settings: false when the channel has no
     * secret to verify with. Runs before anything of the body is parsed; compares in constant time.
     * {@code headers} are keyed in lower case.
     */
    boolean verifies(ChannelSettings settings, Map<String, List<String>> headers, byte[] rawBody);

    /**
     * The verified delivery, read; or the field errors that make it unreadable (each names the field, e.g.
     * {@code event.occurred_at} or the header {@code X-Webhook-Id}).
     */
    InboundRead read(Map<String, List<String>> headers, byte[] rawBody);

    /** How to create the subscription at the destination that posts to {@code webhookUrl}, step by step. */
    List<String> setupSteps(String webhookUrl);

    /** Either a delivery or the errors that make it unreadable. */
    record InboundRead(Optional<InboundDelivery> delivery, Map<String, String> errors) {
        public static InboundRead of(InboundDelivery delivery) {
            return new InboundRead(Optional.of(delivery), Map.of());
        }

        public static InboundRead invalid(Map<String, String> errors) {
            return new InboundRead(Optional.empty(), Map.copyOf(errors));
        }
    }
}
