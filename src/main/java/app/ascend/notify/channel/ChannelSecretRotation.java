package app.ascend.notify.channel;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.audit.AuditTrail;
import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.web.ConflictException;
import app.ascend.notify.web.NotFoundException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rotating a channel's generated secret (a webhook's signing secret): the type makes the new one and
 * keeps the old one valid for its grace period ({@link ChannelSettings#withRotatedSecret}); the answer
 * shows the new secret once, like the answer that created the channel. Within the caller's organization
 * (another's id is not found), audited as {@code channel.secret_rotated} with every secret masked.
 */
@Service
class ChannelSecretRotation {
    static final String AUDIT_ACTION = "channel.secret_rotated";
    private final ChannelRepository channels;
    private final ChannelViews views;
    private final AuditTrail audit;
    private final Clock clock;

    ChannelSecretRotation(ChannelRepository channels, ChannelViews views, AuditTrail audit, Clock clock) {
        this.channels = channels;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ObjectNode rotate(AscendPrincipal by, String id) {
        Channel stored = channels.find(by.organizationId(), id).orElseThrow(() -> new NotFoundException("channel", id));
        Instant now = clock.instant();
        ChannelSettings rotated = stored.settings().withRotatedSecret(now).orElseThrow(() -> new ConflictException("type",
                "a " + stored.type() + " channel has no secret the service generates; its keys are changed with PATCH"));
        Channel updated = new Channel(stored.id(), stored.organizationId(), stored.name(), stored.type(), stored.enabled(),
                stored.events(), stored.filters(), rotated, stored.createdAt(), now, stored.disabledReason());
        channels.update(updated);
        audit.record(by, AUDIT_ACTION, "channel", id, views.changes(stored, updated));
        return views.shownOnce(updated, channels.all(by.organizationId()));
    }
}
