package app.ascend.notify.channel.hec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.JsonNode;

/** A change is a HEC event like any other, with action "change" and a dedup key of its own. */
class HecChangeEventTest {

    @Test
    void aPermissionsChangeIsSearchableAsAChange() {
        HecChannelType type = HecTypes.type(java.time.Duration.ofSeconds(1));
        HecSettings settings = HecTypes.settings("https://127.0.0.1:8088", false);
        GovernanceEvent change = new GovernanceEvent("evt_3", "org_1", EventType.AGENT_PERMISSIONS_CHANGED,
                Instant.parse("2026-12-06T04:12:09.512Z"), null, "agent-1", null, "s3://bucket", null, null, null, "bob",
                null, "agent-1 may now write s3://bucket", null, null);

        RenderedMessage rendered = type.render(new ChannelRef("chan_hec", "Splunk", "org_1", settings), change, "Acme");
        JsonNode event = rendered.payload().get("event");

        assertThat(rendered.kind()).isEqualTo(MessageKind.CHANGE);
        assertThat(event.get("event_type").stringValue()).isEqualTo("agent.permissions_changed");
        assertThat(event.get("action").stringValue()).isEqualTo("change");
        assertThat(event.get("dedup_key").stringValue()).isEqualTo("ascend-evt_3");
        assertThat(event.get("summary").stringValue()).isEqualTo("agent-1 may now write s3://bucket");
    }
}
