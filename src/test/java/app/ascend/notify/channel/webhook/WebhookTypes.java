package app.ascend.notify.channel.webhook;

import java.time.Clock;
import java.time.Duration;

import app.ascend.notify.outbound.NotifierMetrics;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.OutboundHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A webhook type outside Spring, for unit tests: real sender and address policy, its own metrics. */
final class WebhookTypes {
    private WebhookTypes() {
    }

    static WebhookChannelType withPolicy(String allow) {
        return withPolicy(allow, Duration.ofSeconds(2), Clock.systemUTC());
    }

    static WebhookChannelType withPolicy(String allow, Duration timeout, Clock clock) {
        OutboundHttp http = new OutboundHttp(new OutboundAddressPolicy(allow), new NotifierMetrics(new SimpleMeterRegistry()));
        return new WebhookChannelType(http, "https://pilot.owkai.app", timeout, Duration.ofHours(24), clock);
    }
}
