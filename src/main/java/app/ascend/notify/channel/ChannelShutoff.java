package app.ascend.notify.channel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.ascend.notify.audit.AuditTrail;

/**
 * Disables a channel on the service's own account, in the caller's transaction, with the reason shown
 * on the channel and an audit entry by the service itself: a receiver that answered 410 Gone wants no
 * more messages (Standard Webhooks, "Delivery success and failure":
 * https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md).
 * A user enables it again with a PATCH, which clears the reason.
 */
@Component
public class ChannelShutoff {
    private static final Logger log = LoggerFactory.getLogger(ChannelShutoff.class);
    static final String ACTOR_ID = "system";
    static final String ACTOR_NAME = "ASCEND Notify";
    private final ChannelRepository channels;
    private final AuditTrail audit;

    public ChannelShutoff(ChannelRepository channels, AuditTrail audit) {
        this.channels = channels;
        this.audit = audit;
    }

    /** Disables the channel; false when it was deleted or is disabled already. */
    public boolean disable(String organizationId, String channelId, String reason, Instant at) {
        if (!channels.disable(organizationId, channelId, reason, at)) {
            return false;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("enabled", Map.of("before", true, "after", false));
        changes.put("disabled_reason", reason);
        audit.record(organizationId, ACTOR_ID, ACTOR_NAME, "channel.disabled", "channel", channelId, changes);
        log.warn("channel {} of org {} disabled: {}", channelId, organizationId, reason);
        return true;
    }
}
