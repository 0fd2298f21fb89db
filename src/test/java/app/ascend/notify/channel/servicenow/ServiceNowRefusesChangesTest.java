package app.ascend.notify.channel.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.ascend.notify.event.EventType;
import app.ascend.notify.outbound.NotifierMetrics;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.OutboundHttp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A change is not a ticket: the ServiceNow type refuses every change type (and the notices), and no other. */
class ServiceNowRefusesChangesTest {

    @Test
    void everyChangeTypeIsRefusedWithWhatToUseInstead() {
        ServiceNowChannelType type = new ServiceNowChannelType(new OutboundHttp(new OutboundAddressPolicy(""),
                new NotifierMetrics(new SimpleMeterRegistry())), "https://pilot.owkai.app", Duration.ofSeconds(1),
                Duration.ofSeconds(30), Clock.systemUTC());

        for (EventType eventType : EventType.values()) {
            if (eventType.action() == EventType.Action.CHANGE) {
                assertThat(type.refuses(eventType)).hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("a change is not a ticket").contains("paging"));
            } else if (eventType.action() == EventType.Action.NOTICE) {
                assertThat(type.refuses(eventType)).hasValueSatisfying(reason -> assertThat(reason)
                        .contains("does not take such notices"));
            } else {
                assertThat(type.refuses(eventType)).isEmpty();
            }
        }
    }
}
