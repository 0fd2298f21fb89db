package app.ascend.notify.channel.pagerduty;

import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.GovernanceEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a governance event into the Events API v2 event of the product page ("Event Format"):
 * risky types trigger an alert, approved/resolved resolve it, acknowledged acknowledges it, all under
 * the same {@code dedup_key} so they land on one alert ([D2], FACTS.md §3).
 */
public final class PagerDutyEventMapper {

    /** {@code payload.source}, the page's value; PagerDuty rejects a blank one ([I6]). */
    public static final String SOURCE = "ascend-governance";
    /** {@code client}, shown by PagerDuty with {@code client_url} on trigger events ([SPEC]). */
    public static final String CLIENT = "ASCEND";
    public static final String VIEW_LINK_TEXT = "View in Ascend";
    public static final String RUNBOOK_LINK_TEXT = "Runbook";

    private final PagerDutyEventCodec codec;

    public PagerDutyEventMapper() {
        this(new PagerDutyEventCodec());
    }

    public PagerDutyEventMapper(PagerDutyEventCodec codec) {
        this.codec = codec;
    }

    /**
     * The event to send. Triggers are kept within PagerDuty's 512 KB by shrinking custom_details
     * (see {@link PagerDutyEventCodec#fitToSizeLimit}).
     *
     * @throws EventTooLargeException when a trigger cannot be made to fit
     */
    public PagerDutyEvent render(GovernanceEvent event, RenderOptions options) {
        return renderEncoded(event, options).event();
    }

    /** As {@link #render}, with the event's JSON (as {@link #encode} writes it), encoded once. */
    public PagerDutyEventCodec.Encoded renderEncoded(GovernanceEvent event, RenderOptions options) {
        String dedupKey = DedupKeys.forEvent(event);
        return switch (event.type().action()) {
            // The page's Resolve Event is just these three fields; PagerDuty's docs send no payload
            // with acknowledge/resolve either ([D2] examples).
            case RESOLVE -> encoded(PagerDutyEvent.followUp(options.routingKey(), PagerDutyEvent.RESOLVE, dedupKey));
            case ACKNOWLEDGE -> encoded(PagerDutyEvent.followUp(options.routingKey(), PagerDutyEvent.ACKNOWLEDGE, dedupKey));
            case TRIGGER -> codec.fit(trigger(event, options, dedupKey));
            // Never routed here: PagerDutyChannelType.refuses every notice (PagerDuty is where they come from).
            case NOTICE -> throw new IllegalArgumentException(event.type() + " is never sent to PagerDuty");
            case CHANGE -> throw new IllegalArgumentException(
                    "a change goes to the Change Events API: render it with PagerDutyChangeMapper");
        };
    }

    private PagerDutyEventCodec.Encoded encoded(PagerDutyEvent event) {
        return new PagerDutyEventCodec.Encoded(event, codec.encode(event));
    }

    /** The JSON bytes to POST to {@code /v2/enqueue}. */
    public byte[] encode(PagerDutyEvent event) {
        return codec.encode(event);
    }

    private static PagerDutyEvent trigger(GovernanceEvent e, RenderOptions o, String dedupKey) {
        // The page's group and "organization" are the organization's name ("Acme Corp"); its id is
        // the fallback so content-based grouping by organization still works without a name.
        String organization = hasText(o.organizationName()) ? o.organizationName() : blankToNull(e.organizationId());
        PagerDutyPayload payload = new PagerDutyPayload(
                SummaryTemplates.summaryOf(e),
                SeverityMapper.severityOf(e, o.severityMapping()),
                SOURCE,
                blankToNull(e.agentId()),
                organization,
                e.type().wireName(),
                e.occurredAt(),
                CustomDetails.of(e, organization, o.includeMetadata()));
        return new PagerDutyEvent(o.routingKey(), PagerDutyEvent.TRIGGER, dedupKey, payload, links(e, o),
                CLIENT, o.publicUrl());
    }

    /** "View in Ascend" for the action, then the channel's runbook for this type ([D2]: href required). */
    private static List<PagerDutyLink> links(GovernanceEvent e, RenderOptions o) {
        List<PagerDutyLink> links = new ArrayList<>(2);
        if (o.publicUrl() != null && hasText(e.actionId())) {
            String href = o.publicUrl() + "/actions/" + pathSegment(e.actionId());
            links.add(new PagerDutyLink(href, VIEW_LINK_TEXT));
        }
        String runbook = o.runbookLinks().get(e.type().wireName());
        if (hasText(runbook)) {
            links.add(new PagerDutyLink(runbook.strip(), RUNBOOK_LINK_TEXT));
        }
        return links;
    }

    /** Ids like {@code act_xyz789} pass unchanged; anything else cannot break out of the path. */
    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return hasText(s) ? s : null;
    }
}
