package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.ascend.notify.support.RsyslogServer;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * The server's certificate is verified (RFC 5425 §4.2, §5.2): a certificate that does not chain to the channel's CA,
 * or does not name the channel's host, is refused at the handshake; the delivery waits (retried) with a message that
 * names the certificate problem and what to fix, and goes out once the channel's config is fixed, since a retry uses
 * the current settings. A CA that is not PEM is refused when saved, naming config.ca_certificate.
 */
class SyslogCertificateProblemsIT extends SyslogApiTest {
    static RsyslogServer rsyslog;

    @BeforeAll
    static void startRsyslog() {
        rsyslog = RsyslogServer.start();
    }

    @AfterAll
    static void stopRsyslog() {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedAndTheEventGoesOnceTheCaIsFixed() {
        Pipeline pipeline = newPipeline();
        String id = createSyslog(pipeline, "localhost", rsyslog.port(), rsyslog.otherCaCertificate(), null).get("id")
                .stringValue();
        String actionId = Events.newActionId();

        String eventId = pipeline.postEvent(Events.trigger("action.blocked", actionId, 80));

        eventually().until(() -> pipeline.deliveryOf(eventId).get("attempt_count").asInt() >= 1);
        JsonNode waiting = pipeline.deliveryOf(eventId);
        assertThat(waiting.get("status").stringValue()).isEqualTo("pending");
        assertThat(waiting.get("last_message").stringValue()).contains("is not trusted")
                .contains("config.ca_certificate");
        assertThat(rsyslog.receivedWith(actionId)).isEmpty();

        ApiResponse fixed = pipeline.admin().patch(CHANNELS + "/" + id,
                Map.of("config", Map.of("ca_certificate", rsyslog.caCertificate())));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);

        eventually().until(() -> rsyslog.receivedWith(actionId).size() == 1);
        eventually().until(() -> "delivered".equals(status(pipeline, eventId)));
    }

    @Test
    void aCertificateNotNamingTheHostIsRefusedAndTheEventGoesOnceTheHostIsFixed() {
        Pipeline pipeline = newPipeline();
        // The server's certificate names localhost only: 127.0.0.1 is the same server under a name it does not hold.
        String id = createSyslog(pipeline, "127.0.0.1", rsyslog.port(), rsyslog.caCertificate(), null).get("id")
                .stringValue();
        String actionId = Events.newActionId();

        String eventId = pipeline.postEvent(Events.trigger("policy.violation", actionId, 50));

        eventually().until(() -> pipeline.deliveryOf(eventId).get("attempt_count").asInt() >= 1);
        assertThat(pipeline.deliveryOf(eventId).get("last_message").stringValue())
                .contains("does not name 127.0.0.1").contains("config.host");
        assertThat(rsyslog.receivedWith(actionId)).isEmpty();

        assertThat(pipeline.admin().patch(CHANNELS + "/" + id, Map.of("config", Map.of("host", "localhost"))).status())
                .isEqualTo(200);

        eventually().until(() -> rsyslog.receivedWith(actionId).size() == 1);
        eventually().until(() -> "delivered".equals(status(pipeline, eventId)));
    }

    @Test
    void aCaThatIsNotPemIsRefusedWhenSaved() {
        Pipeline pipeline = newPipeline();

        ApiResponse answer = pipeline.admin().post(CHANNELS,
                syslog("Bad CA", "localhost", rsyslog.port(), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----",
                        List.of("action.blocked")));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.fieldErrors()).containsOnlyKeys("config.ca_certificate");
        assertThat(pipeline.admin().get(CHANNELS).itemIds()).isEmpty();
    }
}
