package app.ascend.notify.channel.hec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.HecRequestRecord;
import app.ascend.notify.simulator.ReceivedHecEvent;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Base of the Splunk HEC integration tests: the service sends to the simulator's HEC stand-in on 127.0.0.1 (as an
 * operator allows a local collector with ASCEND_OUTBOUND_ALLOW), gives up on an answer after 2 s and on an
 * acknowledgement after 1 s. Each test has its own collector (its own URL, so its own batches) and organization.
 */
@TestPropertySource(properties = { "ascend.outbound.allow=127.0.0.0/8", "ascend.hec.timeout=2s",
        "ascend.hec.ack-timeout=1s" })
abstract class HecApiTest extends ApiTest {
    static final String CHANNELS = "/api/notifications/channels";
    static final String TOKEN = HecSettingsReaderTest.TOKEN;

    static String newCollector() {
        return "hec_" + UUID.randomUUID().toString().replace("-", "");
    }

    static Map<String, Object> hec(String collector, Map<String, Object> extra, List<String> events) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", PAGERDUTY.hecUrl(collector));
        config.put("token", TOKEN);
        config.put("index", "ascend");
        config.putAll(extra);
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("name", "Splunk " + UUID.randomUUID());
        channel.put("type", "splunk_hec");
        if (events != null) {
            channel.put("events", events);
        }
        channel.put("config", config);
        return channel;
    }

    /** Creates a HEC channel, expects 201, answers it. */
    static JsonNode createHec(Pipeline pipeline, String collector, Map<String, Object> extra) {
        ApiResponse created = pipeline.admin().post(CHANNELS, hec(collector, extra, null));
        assertThat(created.status()).as("creating a Splunk HEC channel: %s", created).isEqualTo(201);
        return created.json();
    }

    static List<ReceivedHecEvent> received(String collector) {
        return PAGERDUTY.hec().events(collector);
    }

    static List<HecRequestRecord> requests(String collector) {
        return PAGERDUTY.hec().requests(collector);
    }

    static String status(Pipeline pipeline, String eventId) {
        JsonNode delivery = pipeline.deliveryOf(eventId);
        return delivery == null ? "none" : delivery.get("status").stringValue();
    }
}
