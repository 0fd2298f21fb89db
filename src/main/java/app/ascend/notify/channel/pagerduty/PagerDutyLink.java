package app.ascend.notify.channel.pagerduty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of {@code links[]}: {@code href} is required, {@code text} optional (FACTS.md §2, [D2]). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"href", "text"})
public record PagerDutyLink(
        @JsonProperty("href") String href,
        @JsonProperty("text") String text) {
}
