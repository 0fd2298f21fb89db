package app.ascend.notify.channel.hec;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for the OpenAPI description ({@code ChannelType.apiExamples()}). */
final class HecApiExamples {
    private HecApiExamples() {
    }

    static final Map<String, Map<String, String>> EXAMPLES = Map.of(
            "POST /api/notifications/channels", ordered(
                    "Splunk HTTP Event Collector", """
                            {"name": "Splunk SIEM", "type": "splunk_hec",
                             "config": {"url": "https://splunk.example.com:8088",
                                        "token": "12345678-90ab-cdef-1234-567890abcdef",
                                        "index": "ascend", "sourcetype": "ascend:notify:event"}}""",
                    "Splunk HEC with indexer acknowledgement", """
                            {"name": "Splunk SIEM (acknowledged)", "type": "splunk_hec",
                             "config": {"url": "https://splunk.example.com:8088",
                                        "token": "12345678-90ab-cdef-1234-567890abcdef",
                                        "index": "ascend", "source": "ascend-notify", "host": "ascend-prod",
                                        "batch_max_bytes": 500000, "batch_max_wait_ms": 2000, "batch_max_events": 200,
                                        "use_ack": true}}"""));

    private static Map<String, String> ordered(String... namesAndBodies) {
        Map<String, String> examples = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            examples.put(namesAndBodies[i], namesAndBodies[i + 1]);
        }
        return examples;
    }
}
