package app.ascend.notify.channel.pagerduty;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code payload} of a trigger event (Events API v2, FACTS.md §2). {@code summary}, {@code severity}
 * and {@code source} are required by PagerDuty for triggers; the rest is optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"summary", "severity", "source", "component", "group", "class", "timestamp",
        "custom_details"})
public record PagerDutyPayload(
        @JsonProperty("summary") String summary,
        @JsonProperty("severity") String severity,
        @JsonProperty("source") String source,
        @JsonProperty("component") String component,
        @JsonProperty("group") String group,
        @JsonProperty("class") String eventClass,
        // ISO 8601 ([SPEC] format: date-time), always UTC with milliseconds and "Z", like the
        // official Python client's "...isoformat()+'Z'" (FACTS.md §2 payload.timestamp).
        @JsonProperty("timestamp")
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", timezone = "UTC")
        Instant timestamp,
        @JsonProperty("custom_details") ObjectNode customDetails) {
}
