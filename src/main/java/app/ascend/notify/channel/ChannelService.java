package app.ascend.notify.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.audit.AuditTrail;
import app.ascend.notify.identity.AscendPrincipal;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creating, reading, changing and deleting channels, each within the caller's organization (another
 * organization's id is simply not found), each change audited with its keys masked.
 */
@Service
public class ChannelService {
    private final ChannelRepository channels;
    private final ChannelDocumentReader reader;
    private final ChannelViews views;
    private final AuditTrail audit;
    private final Clock clock;

    ChannelService(ChannelRepository channels, ChannelDocumentReader reader, ChannelViews views, AuditTrail audit,
            Clock clock) {
        this.channels = channels;
        this.reader = reader;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ObjectNode create(AscendPrincipal by, JsonNode body) {
        ChannelDocumentReader.Draft draft = reader.read(body, null);
        Instant now = clock.instant();
        Channel channel = new Channel(Ids.newId("chan"), by.organizationId(), draft.name(), draft.type(), draft.enabled(),
                draft.events(), draft.filters(), draft.settings(), now, now, null);
        channels.insert(channel);
        audit.record(by, "channel.created", "channel", channel.id(), views.auditable(channel));
        return views.shownOnce(channel, channels.all(by.organizationId()));
    }

    public ObjectNode get(AscendPrincipal by, String id) {
        return views.view(find(by, id), channels.all(by.organizationId()));
    }

    public Page<ObjectNode> list(AscendPrincipal by, PageParams page) {
        List<Channel> all = channels.all(by.organizationId());
        return Page.of(channels.page(by.organizationId(), page), page, Channel::id).map(c -> views.view(c, all));
    }

    /** PATCH: a JSON merge patch (RFC 7386) onto the stored channel; omitted or masked keys are kept. */
    @Transactional
    public ObjectNode patch(AscendPrincipal by, String id, JsonNode patch) {
        Channel stored = find(by, id);
        JsonNode document = patch != null && patch.isObject()
                ? MergePatch.apply(views.document(stored), withoutReadOnly((ObjectNode) patch))
                : patch;
        return replace(by, stored, reader.read(document, stored));
    }

    /** PUT: the body is the whole channel; masked keys sent back are kept, omitted ones are gone. */
    @Transactional
    public ObjectNode put(AscendPrincipal by, String id, JsonNode body) {
        Channel stored = find(by, id);
        return replace(by, stored, reader.read(body, stored));
    }

    @Transactional
    public void delete(AscendPrincipal by, String id) {
        Channel stored = find(by, id);
        channels.delete(by.organizationId(), id);
        audit.record(by, "channel.deleted", "channel", id, views.auditable(stored));
    }

    private ObjectNode replace(AscendPrincipal by, Channel stored, ChannelDocumentReader.Draft draft) {
        Channel updated = new Channel(stored.id(), stored.organizationId(), draft.name(), stored.type(), draft.enabled(),
                draft.events(), draft.filters(), draft.settings(), stored.createdAt(), clock.instant(),
                draft.enabled() && !stored.enabled() ? null : stored.disabledReason());
        channels.update(updated);
        audit.record(by, "channel.updated", "channel", stored.id(), views.changes(stored, updated));
        return views.view(updated, channels.all(by.organizationId()));
    }

    private Channel find(AscendPrincipal by, String id) {
        return channels.find(by.organizationId(), id).orElseThrow(() -> new NotFoundException("channel", id));
    }

    private static ObjectNode withoutReadOnly(ObjectNode patch) {
        ObjectNode copy = patch.deepCopy();
        ChannelDocumentReader.READ_ONLY.forEach(copy::remove);
        return copy;
    }
}
