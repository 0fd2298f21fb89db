package app.ascend.notify.channel.pagerduty;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Change Events API event, exactly as POSTed to {@code /v2/change/enqueue} (FACTS.md §6,
 * https://developer.pagerduty.com/docs/events-api-v2/send-change-events/): {@code routing_key},
 * {@code payload} ({@code summary} required, ≤ 1024 characters; {@code timestamp}, {@code source},
 * {@code custom_details} optional) and {@code links}. A change event has no {@code event_action} and no
 * {@code dedup_key} (changes are not correlated), and we send no {@code images}: the spec lists them but
 * the doc says "the Change Events API only supports links" (unconfirmed, FACTS.md §6, §11.8).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"routing_key", "payload", "links"})
public record PagerDutyChangeEvent(
        @JsonProperty("routing_key") String routingKey,
        @JsonProperty("payload") Payload payload,
        @JsonProperty("links") List<PagerDutyLink> links) {

    public PagerDutyChangeEvent {
        links = links == null || links.isEmpty() ? null : List.copyOf(links);
    }

    /** {@code ChangeEventPayload} of the spec: only {@code summary} is required. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"summary", "timestamp", "source", "custom_details"})
    public record Payload(
            @JsonProperty("summary") String summary,
            // ISO 8601 in UTC with milliseconds and "Z", as for alert events (FACTS.md §2 payload.timestamp).
            @JsonProperty("timestamp")
            @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", timezone = "UTC")
            Instant timestamp,
            @JsonProperty("source") String source,
            @JsonProperty("custom_details") ObjectNode customDetails) {
    }

    PagerDutyChangeEvent withCustomDetails(ObjectNode customDetails) {
        return new PagerDutyChangeEvent(routingKey, new Payload(payload.summary(), payload.timestamp(), payload.source(),
                customDetails), links);
    }
}
