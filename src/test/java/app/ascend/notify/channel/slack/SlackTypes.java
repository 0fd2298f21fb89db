package app.ascend.notify.channel.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.outbound.NotifierMetrics;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.OutboundHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A Slack type outside Spring, and events to render, for unit tests. */
final class SlackTypes {
    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    private SlackTypes() {
    }

    static SlackChannelType against(String apiBase) {
        OutboundHttp http = new OutboundHttp(new OutboundAddressPolicy("127.0.0.0/8"),
                new NotifierMetrics(new SimpleMeterRegistry()));
        return new SlackChannelType(http, "https://pilot.owkai.app", apiBase, Duration.ofSeconds(2), Clock.systemUTC());
    }

    static ChannelRef channel(SlackSettings settings) {
        return new ChannelRef("chan_slack_1", "Slack #alerts", "org_1", settings);
    }

    static SlackSettings bot(String channel) {
        return new SlackSettings(null, "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", channel,
                Map.of("action.blocked", "https://wiki.example.com/runbooks/blocked"));
    }

    static SlackSettings webhook(String url) {
        return new SlackSettings(url, null, null, Map.of());
    }

    static GovernanceEvent blocked(String actionId, String summary) {
        return new GovernanceEvent("evt_1", "org_1", EventType.ACTION_BLOCKED, AT, actionId, "customer-service-agent",
                "database_query", "customer_database", 85, null, "PII access policy", "svc-account", "10.0.0.5", summary,
                null, null);
    }

    static GovernanceEvent approved(String actionId, String user) {
        return new GovernanceEvent("evt_2", "org_1", EventType.ACTION_APPROVED, AT.plusSeconds(60), actionId, null, null,
                null, null, null, null, user, null, null, null, null);
    }
}
