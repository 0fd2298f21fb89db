package app.ascend.notify.channel.pagerduty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An Events API v2 alert event, exactly as POSTed to {@code /v2/enqueue} (FACTS.md §2).
 *
 * <p>Acknowledge and resolve events carry only {@code routing_key}, {@code event_action} and
 * {@code dedup_key}; nulls are omitted so they serialize like the product page's Resolve Event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"routing_key", "event_action", "dedup_key", "payload", "links", "client", "client_url"})
public record PagerDutyEvent(
        @JsonProperty("routing_key") String routingKey,
        @JsonProperty("event_action") String eventAction,
        @JsonProperty("dedup_key") String dedupKey,
        @JsonProperty("payload") PagerDutyPayload payload,
        @JsonProperty("links") List<PagerDutyLink> links,
        @JsonProperty("client") String client,
        @JsonProperty("client_url") String clientUrl) {

    public static final String TRIGGER = "trigger";
    public static final String ACKNOWLEDGE = "acknowledge";
    public static final String RESOLVE = "resolve";

    public PagerDutyEvent {
        links = links == null || links.isEmpty() ? null : List.copyOf(links);
    }

    /** An acknowledge or resolve event: PagerDuty needs only the key to find the open alert ([D2]). */
    public static PagerDutyEvent followUp(String routingKey, String eventAction, String dedupKey) {
        return new PagerDutyEvent(routingKey, eventAction, dedupKey, null, null, null, null);
    }
}
