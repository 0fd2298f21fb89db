package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;

/** A change's webhook: type ascend.policy.changed, action "change", its own dedup key, a link to the event. */
class WebhookChangePayloadTest {

    @Test
    void aPolicyChangeHasTheChangeActionAndItsOwnKey() {
        GovernanceEvent change = new GovernanceEvent("evt_5", "org_1", EventType.POLICY_CHANGED,
                Instant.parse("2026-12-06T05:00:00Z"), "act_1", null, null, null, null, null, "Data Protection Policy",
                "alice", null, null, null, null);

        RenderedMessage rendered = WebhookTypes.withPolicy("").render(WebhookPayloadTest.CHANNEL, change, "Acme");
        JsonNode payload = rendered.payload();

        assertThat(rendered.kind()).isEqualTo(MessageKind.CHANGE);
        assertThat(payload.get("type").stringValue()).isEqualTo("ascend.policy.changed");
        assertThat(payload.at("/data/action").stringValue()).isEqualTo("change");
        assertThat(payload.at("/data/dedup_key").stringValue()).isEqualTo("ascend-evt_5"); // not ascend-act_1
        assertThat(payload.at("/data/summary").stringValue()).isEqualTo("Policy changed: Data Protection Policy by alice");
        assertThat(payload.at("/data/links/0/href").stringValue()).isEqualTo("https://pilot.owkai.app/#/events/evt_5");
    }
}
