package app.ascend.notify.channel.pagerduty;

import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Renders, encodes and parses back, so tests assert on the JSON PagerDuty would receive. */
final class Rendered {

    static final PagerDutyEventMapper MAPPER = new PagerDutyEventMapper();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PAGE_ROUTING_KEY = "your-routing-key";
    static final String PAGE_PUBLIC_URL = "https://pilot.owkai.app";
    static final RenderOptions PAGE_OPTIONS = RenderOptions.of(PAGE_ROUTING_KEY, "Acme Corp", PAGE_PUBLIC_URL);

    private Rendered() {
    }

    static JsonNode json(GovernanceEvent event, RenderOptions options) {
        return parse(MAPPER.encode(MAPPER.render(event, options)));
    }

    static JsonNode json(GovernanceEvent event) {
        return json(event, PAGE_OPTIONS);
    }

    static JsonNode parse(byte[] bytes) {
        return JSON.readTree(bytes);
    }
}
