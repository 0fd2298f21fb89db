package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.support.RsyslogServer;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Base of the syslog integration tests: the service sends to a real rsyslog ({@link RsyslogServer}) on 127.0.0.1,
 * reached as {@code localhost} (the name its certificate holds), which an operator allows with ASCEND_OUTBOUND_ALLOW;
 * a connection gives up after 2 s. Each test has its own organization and action ids, and finds its records in the
 * server's output by them.
 */
@TestPropertySource(properties = { "ascend.outbound.allow=127.0.0.0/8,localhost", "ascend.syslog.timeout=2s" })
abstract class SyslogApiTest extends ApiTest {
    static final String CHANNELS = "/api/notifications/channels";
    static final String HOSTNAME = "ascend.test";

    static Map<String, Object> syslog(String name, String host, int port, String ca, List<String> events) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("host", host);
        config.put("port", port);
        config.put("ca_certificate", ca);
        config.put("hostname", HOSTNAME);
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("name", name);
        channel.put("type", "syslog");
        if (events != null) {
            channel.put("events", events);
        }
        channel.put("config", config);
        return channel;
    }

    /** Creates a syslog channel to {@code rsyslog} as {@code localhost}, trusting its CA; answers it. */
    static JsonNode createSyslog(Pipeline pipeline, RsyslogServer rsyslog, List<String> events) {
        return createSyslog(pipeline, "localhost", rsyslog.port(), rsyslog.caCertificate(), events);
    }

    static JsonNode createSyslog(Pipeline pipeline, String host, int port, String ca, List<String> events) {
        ApiResponse created = pipeline.admin().post(CHANNELS, syslog("Syslog " + UUID.randomUUID(), host, port, ca, events));
        assertThat(created.status()).as("creating a syslog channel: %s", created).isEqualTo(201);
        return created.json();
    }

    static String status(Pipeline pipeline, String eventId) {
        return pipeline.deliveryOf(eventId).get("status").stringValue();
    }
}
