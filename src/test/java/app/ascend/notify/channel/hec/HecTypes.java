package app.ascend.notify.channel.hec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.outbound.NotifierMetrics;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.OutboundHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A HEC type outside Spring, for unit tests against the simulator's stand-in: real sender, loopback allowed. */
final class HecTypes {
    static final String TOKEN = HecSettingsReaderTest.TOKEN;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HecTypes() {
    }

    static HecChannelType type(Duration ackTimeout) {
        OutboundHttp http = new OutboundHttp(new OutboundAddressPolicy("127.0.0.0/8"),
                new NotifierMetrics(new SimpleMeterRegistry()));
        return new HecChannelType(http, Duration.ofSeconds(5), ackTimeout, Clock.systemUTC());
    }

    static HecSettings settings(String url, boolean useAck) {
        return new HecSettings(url, TOKEN, "ascend", "ascend:notify:event", null, null, 1_000_000, 1000, 1000, useAck);
    }

    static GovernanceEvent event(String id, int score) {
        return new GovernanceEvent(id, "org_1", EventType.POLICY_VIOLATION, Instant.parse("2026-12-06T04:12:09.512Z"),
                "act_" + id, "agent-1", "data_export", "s3://bucket", score, null, "no-export", "jane@example.com",
                "203.0.113.7", "Agent tried to export", null, null);
    }

    /**
     * {@code count} messages as the dispatcher hands them over: payloads read back from stored JSON text, as the
     * database gives them (so {@code time} is a double again).
     */
    static List<Outgoing> messages(HecChannelType type, HecSettings settings, int count) {
        ChannelRef channel = new ChannelRef("chan_hec", "Splunk", "org_1", settings);
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode stored = JSON.readTree(type.render(channel, event("evt_" + i, 50 + i), "Acme").payload().toString());
            messages.add(new Outgoing("dlv_" + i, "org_1", "chan_hec", MessageKind.TRIGGER, settings.destination(), stored,
                    1, settings));
        }
        return messages;
    }
}
