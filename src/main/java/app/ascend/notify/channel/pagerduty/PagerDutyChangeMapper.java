package app.ascend.notify.channel.pagerduty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a change type ({@code policy.changed}, {@code agent.deployed}, {@code agent.permissions_changed}) into a
 * Change Events API event (FACTS.md §6, https://developer.pagerduty.com/docs/events-api-v2/send-change-events/), so
 * responders see "the Data Protection Policy changed" beside the incidents on the service. The summary is cut to
 * 1024 code points like a trigger's; the whole event is kept under 512 KB by shrinking {@code custom_details}, as
 * for triggers (the Change Events API has the same limits, [D3] "Responses and Limits").
 */
public final class PagerDutyChangeMapper {
    public static final String VIEW_LINK_TEXT = "View change in Ascend";
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @throws EventTooLargeException when even the smallest custom_details leave the event over the limit
     */
    public PagerDutyChangeEvent render(GovernanceEvent e, RenderOptions o) {
        String organization = hasText(o.organizationName()) ? o.organizationName() : e.organizationId();
        PagerDutyChangeEvent event = new PagerDutyChangeEvent(o.routingKey(), new PagerDutyChangeEvent.Payload(
                SummaryTemplates.summaryOf(e), e.occurredAt(), PagerDutyEventMapper.SOURCE,
                details(e, organization, o.includeMetadata())), links(e, o));
        return fit(event);
    }

    /** The JSON bytes to POST to {@code /v2/change/enqueue}. */
    public byte[] encode(PagerDutyChangeEvent event) {
        return json.writeValueAsBytes(event);
    }

    /** What changed (policy or agent) always; who, where and the rest with include_metadata. */
    static ObjectNode details(GovernanceEvent e, String organization, boolean includeMetadata) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("event_type", e.type().wireName());
        put(node, CustomDetails.POLICY_NAME, e.policyName());
        put(node, CustomDetails.AGENT_ID, e.agentId());
        if (!includeMetadata) {
            return node;
        }
        put(node, "user", e.user());
        put(node, CustomDetails.ACTION_ID, e.actionId());
        put(node, CustomDetails.ACTION_TYPE, e.actionType());
        put(node, CustomDetails.RESOURCE, e.resource());
        if (e.riskScore() != null) {
            node.put(CustomDetails.RISK_SCORE, e.riskScore().intValue());
        }
        put(node, CustomDetails.RISK_LEVEL, e.riskLevel());
        put(node, CustomDetails.ORGANIZATION, organization);
        if (e.details() != null) {
            node.set(CustomDetails.DETAILS, e.details().deepCopy());
        }
        return node;
    }

    /** "View change in Ascend" (the event in the console), then the channel's runbook for this type ([D3]: links). */
    private static List<PagerDutyLink> links(GovernanceEvent e, RenderOptions o) {
        List<PagerDutyLink> links = new ArrayList<>(2);
        if (o.publicUrl() != null) {
            links.add(new PagerDutyLink(o.publicUrl() + "/#/events/"
                    + URLEncoder.encode(e.id(), StandardCharsets.UTF_8), VIEW_LINK_TEXT));
        }
        String runbook = o.runbookLinks().get(e.type().wireName());
        if (hasText(runbook)) {
            links.add(new PagerDutyLink(runbook.strip(), PagerDutyEventMapper.RUNBOOK_LINK_TEXT));
        }
        return links;
    }

    /** As {@link PagerDutyEventCodec#fitToSizeLimit}: drop {@code details}, then keep only what changed. */
    private PagerDutyChangeEvent fit(PagerDutyChangeEvent event) {
        int size = encode(event).length;
        if (size <= PagerDutyLimits.MAX_EVENT_BYTES) {
            return event;
        }
        ObjectNode details = event.payload().customDetails().deepCopy();
        details.remove(CustomDetails.DETAILS);
        details.put(CustomDetails.DETAILS_TRUNCATED, "details removed: the change event was " + size
                + " bytes, over PagerDuty's " + PagerDutyLimits.MAX_EVENT_BYTES + "-byte (512 KB) event limit");
        PagerDutyChangeEvent smaller = event.withCustomDetails(details);
        int smallerSize = encode(smaller).length;
        if (smallerSize > PagerDutyLimits.MAX_EVENT_BYTES) {
            throw new EventTooLargeException(smallerSize);
        }
        return smaller;
    }

    private static void put(ObjectNode node, String key, String value) {
        if (hasText(value)) {
            node.put(key, value);
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
