package app.ascend.notify.channel.hec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.simulator.HecFault;
import app.ascend.notify.simulator.HecRequestRecord;
import app.ascend.notify.simulator.HecToken;
import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.ReceivedHecEvent;

/**
 * One batch against the simulator's HEC stand-in over real HTTP: one request of concatenated events with the token
 * and a data channel; a bad event refused while the others are delivered; busy retried; token errors refused with
 * what to fix; acknowledgement awaited, and a late one retried.
 */
class HecBatchSendTest {
    private static final PagerDutySimulator SIM = PagerDutySimulator.builder().port(0).start();
    private final HecChannelType type = HecTypes.type(Duration.ofMillis(400));
    private final String collector = "c_" + UUID.randomUUID().toString().replace("-", "");
    private final HecSettings settings = HecTypes.settings(SIM.hecUrl(collector), false);

    @AfterAll
    static void stop() {
        SIM.close();
    }

    @Test
    void aBatchIsOneRequestOfEventsWithTheTokenAPlainTimeAndTheDeliveryId() {
        List<SendResult> results = type.sendBatch(HecTypes.messages(type, settings, 3));

        assertThat(results).extracting(SendResult::outcome).containsOnly(Outcome.DELIVERED).hasSize(3);
        assertThat(SIM.hec().requests(collector)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.eventsTaken()).isEqualTo(3);
            assertThat(r.channel()).matches("[0-9a-f-]{36}");
        });
        List<ReceivedHecEvent> got = SIM.hec().events(collector);
        assertThat(got).extracting(ReceivedHecEvent::deliveryId).containsExactly("dlv_0", "dlv_1", "dlv_2");
        assertThat(got).extracting(ReceivedHecEvent::timeText).containsOnly("1796530329.512");
        ReceivedHecEvent first = got.get(0);
        assertThat(first.envelope().get("index").stringValue()).isEqualTo("ascend");
        assertThat(first.envelope().get("sourcetype").stringValue()).isEqualTo("ascend:notify:event");
        assertThat(first.event().get("event_type").stringValue()).isEqualTo("policy.violation");
        assertThat(first.event().get("risk_score").asInt()).isEqualTo(50);
        assertThat(first.event().get("delivery_id").stringValue()).isEqualTo("dlv_0");
    }

    @Test
    void aBadEventIsRefusedWithHecsTextAndTheEventsAfterItAreSentAgainAtOnce() {
        SIM.hec().injectFault(collector, HecFault.badEventAt(1, 1));

        List<SendResult> results = type.sendBatch(HecTypes.messages(type, settings, 4));

        assertThat(results).extracting(SendResult::outcome).containsExactly(Outcome.DELIVERED, Outcome.REJECTED,
                Outcome.DELIVERED, Outcome.DELIVERED);
        assertThat(results.get(1).message()).contains("Invalid data format (code 6, HTTP 400)").contains("number 1");
        assertThat(SIM.hec().events(collector)).extracting(ReceivedHecEvent::deliveryId)
                .containsExactly("dlv_0", "dlv_2", "dlv_3");
        assertThat(SIM.hec().requests(collector)).extracting(HecRequestRecord::invalidEventNumber)
                .containsExactly(1, null);
    }

    @Test
    void aBusyCollectorIsRetriedWithItsRetryAfter() {
        SIM.hec().injectFault(collector, new HecFault(9, "7", -1, 0, 1));

        List<SendResult> results = type.sendBatch(HecTypes.messages(type, settings, 2));

        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
            assertThat(r.httpStatus()).isEqualTo(503);
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            assertThat(r.message()).contains("Server is busy (code 9");
        });
        assertThat(SIM.hec().events(collector)).isEmpty();
    }

    @Test
    void anUnknownOrDisabledTokenIsRefusedForEveryEventWithWhatToFix() {
        SIM.hec().setToken(collector, UUID.randomUUID().toString(), HecToken.ENABLED); // ours is now unknown

        List<SendResult> unknown = type.sendBatch(HecTypes.messages(type, settings, 2));
        assertThat(unknown).extracting(SendResult::outcome).containsOnly(Outcome.REJECTED);
        assertThat(unknown.get(0).message()).contains("Invalid token (code 4, HTTP 403)").contains("config.token");

        SIM.hec().setToken(collector, HecTypes.TOKEN, new HecToken(true, false, List.of()));
        List<SendResult> disabled = type.sendBatch(HecTypes.messages(type, settings, 1));
        assertThat(disabled.get(0).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(disabled.get(0).message()).contains("Token disabled (code 1, HTTP 403)").contains("enable it");
    }

    @Test
    void anIndexTheTokenMayNotWriteToRefusesTheWholeBatch() {
        SIM.hec().setToken(collector, HecTypes.TOKEN, new HecToken(false, false, List.of("main")));

        List<SendResult> results = type.sendBatch(HecTypes.messages(type, settings, 3));

        assertThat(results).extracting(SendResult::outcome).containsOnly(Outcome.REJECTED);
        assertThat(results.get(2).message()).contains("Incorrect index (code 7").contains("config.index");
        assertThat(SIM.hec().requests(collector)).hasSize(1);
    }

    @Test
    void withAcknowledgementTheBatchIsDeliveredOnceIndexed() {
        HecSettings acked = HecTypes.settings(SIM.hecUrl(collector), true);
        SIM.hec().setToken(collector, HecTypes.TOKEN, HecToken.withAck());
        SIM.hec().injectFault(collector, HecFault.ackAfterPolls(2, 1));

        List<SendResult> results = type.sendBatch(HecTypes.messages(type, acked, 2));

        assertThat(results).extracting(SendResult::outcome).containsOnly(Outcome.DELIVERED);
        assertThat(results.get(0).message()).contains("Splunk indexed").contains("ackId 0");
    }

    @Test
    void anAcknowledgementThatNeverComesIsRetriedAsAPossibleDuplicate() {
        HecSettings acked = HecTypes.settings(SIM.hecUrl(collector), true);
        SIM.hec().setToken(collector, HecTypes.TOKEN, HecToken.withAck());
        SIM.hec().injectFault(collector, HecFault.ackAfterPolls(HecFault.NEVER, 1));

        List<Outgoing> messages = HecTypes.messages(type, acked, 2);
        List<SendResult> results = type.sendBatch(messages);

        assertThat(results).extracting(SendResult::outcome).containsOnly(Outcome.RETRY);
        assertThat(results.get(0).message()).contains("did not acknowledge").contains("ascend_delivery_id");
        assertThat(SIM.hec().events(collector)).hasSize(2);
    }

    @Test
    void aDeletedChannelIsRefusedWithoutARequest() {
        Outgoing message = HecTypes.messages(type, settings, 1).get(0);
        Outgoing deleted = new Outgoing(message.deliveryId(), message.organizationId(), message.channelId(), message.kind(),
                message.destination(), message.payload(), 1, null);

        assertThat(type.send(deleted).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(SIM.hec().requests(collector)).isEmpty();
    }
}
