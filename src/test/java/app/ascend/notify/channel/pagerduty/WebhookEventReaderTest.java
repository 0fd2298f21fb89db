package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.InboundDelivery;
import app.ascend.notify.channel.spi.InboundWebhooks.InboundRead;
import app.ascend.notify.channel.spi.RemoteChange;

/** How a v3 delivery (https://developer.pagerduty.com/docs/webhooks-overview) is read into a change. */
class WebhookEventReaderTest {
    private static final Map<String, List<String>> HEADERS = Map.of("x-webhook-id", List.of("wh-1"));
    private final WebhookEventReader reader = new WebhookEventReader();

    private static String incident(String eventType, String status) {
        return "{\"event\":{\"id\":\"01E\",\"event_type\":\"" + eventType + "\",\"resource_type\":\"incident\","
                + "\"occurred_at\":\"2026-12-06T16:02:07.123Z\",\"agent\":{\"summary\":\"Jane Doe\",\"type\":\"user_reference\"},"
                + "\"client\":null,\"data\":{\"id\":\"Q1\",\"type\":\"incident\",\"html_url\":\"https://acme.pagerduty.com/incidents/Q1\","
                + "\"status\":\"" + status + "\",\"incident_key\":\"ascend-act_1\","
                + "\"assignees\":[{\"summary\":\"Sam Roe\",\"type\":\"user_reference\"}]}}}";
    }

    private InboundDelivery read(String body) {
        InboundRead read = reader.read(HEADERS, body.getBytes(StandardCharsets.UTF_8));
        assertThat(read.errors()).isEmpty();
        return read.delivery().orElseThrow();
    }

    @Test
    void eachUnderstoodTypeMapsToItsChange() {
        Map<String, RemoteChange.Kind> expected = Map.of("incident.acknowledged", RemoteChange.Kind.ACKNOWLEDGED,
                "incident.unacknowledged", RemoteChange.Kind.UNACKNOWLEDGED, "incident.resolved", RemoteChange.Kind.RESOLVED,
                "incident.reopened", RemoteChange.Kind.REOPENED, "incident.reassigned", RemoteChange.Kind.UPDATED,
                "incident.escalated", RemoteChange.Kind.UPDATED, "incident.workflow.started", RemoteChange.Kind.NOT_UNDERSTOOD);
        expected.forEach((type, kind) -> assertThat(read(incident(type, "acknowledged")).change().kind()).as(type).isEqualTo(kind));
    }

    @Test
    void theIncidentKeyWhoWhenAndWhereAreRead() {
        InboundDelivery delivery = read(incident("incident.reassigned", "triggered"));

        assertThat(delivery.deliveryId()).isEqualTo("01E");
        assertThat(delivery.incidentKey()).isEqualTo("ascend-act_1");
        assertThat(delivery.remoteIncidentId()).isEqualTo("Q1");
        assertThat(delivery.occurredAt()).isEqualTo(Instant.parse("2026-12-06T16:02:07.123Z"));
        assertThat(delivery.change()).isEqualTo(new RemoteChange(RemoteChange.Kind.UPDATED, "triggered", "Jane Doe",
                "assigned to Sam Roe", "https://acme.pagerduty.com/incidents/Q1"));
    }

    @Test
    void anUnknownFutureTypeIsKeptNotUnderstood() {
        InboundDelivery delivery = read("{\"event\":{\"id\":\"01S\",\"event_type\":\"service.updated\",\"resource_type\":\"service\","
                + "\"occurred_at\":\"2026-12-06T16:02:07Z\",\"agent\":null,\"data\":{\"id\":\"PSVC\",\"type\":\"service\"}}}");

        assertThat(delivery.eventType()).isEqualTo("service.updated");
        assertThat(delivery.incidentKey()).isNull();
        assertThat(delivery.change().kind()).isEqualTo(RemoteChange.Kind.NOT_UNDERSTOOD);
        assertThat(delivery.change().actor()).isNull();
    }

    @Test
    void errorsNameTheField() {
        InboundRead read = reader.read(Map.of(), "{\"event\":{\"event_type\":5,\"occurred_at\":\"soon\"}}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(read.delivery()).isEmpty();
        assertThat(read.errors()).containsOnlyKeys("X-Webhook-Id", "event.id", "event.event_type", "event.occurred_at");
    }

    @Test
    void aDeliveryIsKnownAgainByItsSignedEventIdWhateverItsHeaderSays() {
        InboundDelivery first = read(incident("incident.acknowledged", "acknowledged"));
        InboundDelivery replayed = reader.read(Map.of("x-webhook-id", List.of("a-new-header-value")),
                incident("incident.acknowledged", "acknowledged").getBytes(StandardCharsets.UTF_8)).delivery().orElseThrow();

        assertThat(replayed.deliveryId()).isEqualTo(first.deliveryId()).isEqualTo("01E");
    }

    @Test
    void aNulInAnIdOrKeyIsRefusedNamingTheField() {
        String nul = "\\u0000";
        String body = incident("incident.acknowledged", "acknowledged").replace("\"01E\"", "\"01" + nul + "E\"")
                .replace("\"ascend-act_1\"", "\"ascend-" + nul + "act_1\"");
        InboundRead read = reader.read(HEADERS, body.getBytes(StandardCharsets.UTF_8));

        assertThat(read.delivery()).isEmpty();
        assertThat(read.errors()).containsOnlyKeys("event.id", "event.data.incident_key");
        assertThat(read.errors().get("event.id")).contains("NUL");

        InboundRead badType = reader.read(HEADERS, incident("incident.ack" + nul + "nowledged", "acknowledged")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(badType.errors()).containsOnlyKeys("event.event_type");
    }

    @Test
    void aNulInTheResponderStatusLinkOrNoteIsDroppedAndTheRestKept() {
        String nul = "\\u0000";
        String body = incident("incident.reassigned", "trig" + nul + "gered").replace("Jane Doe", "Jane" + nul + " Doe")
                .replace("Sam Roe", "Sam " + nul + "Roe").replace("/incidents/Q1", "/incidents/Q1" + nul)
                .replace("\"id\":\"Q1\"", "\"id\":\"Q" + nul + "1\"");

        InboundDelivery delivery = read(body);

        assertThat(delivery.change()).isEqualTo(new RemoteChange(RemoteChange.Kind.UPDATED, "triggered", "Jane Doe",
                "assigned to Sam Roe", "https://acme.pagerduty.com/incidents/Q1"));
        assertThat(delivery.remoteIncidentId()).as("an id is never altered: one with NUL finds nothing").isNull();
        assertThat(delivery.incidentKey()).isEqualTo("ascend-act_1");
    }

    @Test
    void aNulByteAfterTheBodyIsNotJson() {
        byte[] body = (incident("incident.acknowledged", "acknowledged") + "\0").getBytes(StandardCharsets.UTF_8);

        InboundRead read = reader.read(HEADERS, body);

        assertThat(read.delivery()).isEmpty();
        assertThat(read.errors()).containsOnlyKeys("body");
    }
}
