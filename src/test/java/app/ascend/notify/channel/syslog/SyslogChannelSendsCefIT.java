package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.ascend.notify.support.RsyslogServer;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A syslog channel through RFC 5425 TLS to a real rsyslog: each event arrives as one RFC 5424 message carrying CEF,
 * framed by its octet count and escaped exactly (a value with {@code =}, {@code \}, {@code |}, a newline and
 * non-ASCII text); approvals arrive too (every subscribed event is a record); many events arrive whole and in order
 * per action; a huge event is cut below rsyslog's default 8 KiB message size, and the delivery log shows the record.
 */
class SyslogChannelSendsCefIT extends SyslogApiTest {
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
    void anEventArrivesFramedAndEscapedExactly() {
        Pipeline pipeline = newPipeline();
        JsonNode channel = createSyslog(pipeline, rsyslog, null);
        String actionId = Events.newActionId();
        ObjectNode event = Events.trigger("action.blocked", actionId, 95).put("occurred_at", "2026-03-04T05:06:07.089Z")
                .put("agent_id", "agent=7").put("action_type", "db|delete").put("resource", "C:\\prod\\users")
                .put("policy_name", "Zürich — 日本 policy").put("user", "alice").put("source_ip", "203.0.113.9")
                .put("summary", "a=b \\ c | d\nline two\r\n é");

        String eventId = pipeline.postEvent(event);

        eventually().until(() -> rsyslog.receivedWith(actionId).size() == 1);
        String expected = "<162>1 2026-03-04T05:06:07.089Z ascend.test ascend-notify - action.blocked - "
                + "CEF:0|Ascend|Ascend Notify|unknown|action.blocked|Action blocked|9|rt=1772600767089 cat=trigger "
                + "act=db|delete suser=agent\\=7 duser=alice src=203.0.113.9 msg=a\\=b \\\\ c | d\\nline two\\r\\n é "
                + "externalId=" + eventId + " request=https://pilot.owkai.app/actions/" + actionId
                + " cn1=95 cn1Label=Risk Score cs1=C:\\\\prod\\\\users cs1Label=Resource cs2=Zürich — 日本 policy "
                + "cs2Label=Policy cs3=critical cs3Label=Risk Level cs4=" + actionId + " cs4Label=Action ID cs5=ascend-"
                + actionId + " cs5Label=Dedup Key flexString1=" + pipeline.organizationName()
                + " flexString1Label=Organization";
        assertThat(rsyslog.receivedWith(actionId)).containsExactly(expected);
        eventually().until(() -> "delivered".equals(status(pipeline, eventId)));
        JsonNode delivery = pipeline.deliveryOf(eventId);
        assertThat(delivery.get("payload").get("syslog_message").stringValue()).isEqualTo(expected);
        assertThat(delivery.get("destination").stringValue()).isEqualTo("localhost:" + rsyslog.port());
        assertThat(delivery.get("last_message").stringValue()).contains("written to localhost:" + rsyslog.port());
        assertThat(channel.get("config").get("ca_certificate_sha256").stringValue()).hasSize(64);
    }

    @Test
    void approvalsArriveAsRecordsOfTheirOwnInOrderPerAction() {
        Pipeline pipeline = newPipeline();
        createSyslog(pipeline, rsyslog, null);
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            actions.add(Events.newActionId());
        }
        ObjectNode[] batch = new ObjectNode[40];
        for (int i = 0; i < 20; i++) {
            batch[i] = Events.trigger("policy.violation", actions.get(i), 10 + i);
            batch[20 + i] = Events.approval(actions.get(i)).put("user", "reviewer");
        }
        pipeline.postBatch(Events.batch(batch));

        for (String action : actions) {
            eventually().until(() -> rsyslog.receivedWith(action).size() == 2);
            List<String> got = rsyslog.receivedWith(action);
            assertThat(got.get(0)).contains("|policy.violation|Policy violation|").contains(" cat=trigger ");
            assertThat(got.get(1)).startsWith("<166>1 ").contains("|action.approved|Action approved|1|")
                    .contains(" cat=resolve ").contains(" duser=reviewer ");
        }
    }

    @Test
    void aHugeEventIsCutBelowEightKibAndArrivesWhole() {
        Pipeline pipeline = newPipeline();
        createSyslog(pipeline, rsyslog, null);
        String actionId = Events.newActionId();
        ObjectNode event = Events.trigger("anomaly.detected", actionId, 60).put("summary", "Ω".repeat(9_000))
                .put("resource", "r".repeat(900));
        event.putObject("details").put("trace", "frame ".repeat(3_000));

        String eventId = pipeline.postEvent(event);

        eventually().until(() -> rsyslog.receivedWith(actionId).size() == 1);
        String line = rsyslog.receivedWith(actionId).get(0);
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SyslogMessage.MAX_BYTES);
        assertThat(line).endsWith("flexString1Label=Organization").contains("msg=ΩΩ").contains("…");
        eventually().until(() -> "delivered".equals(status(pipeline, eventId)));
        assertThat(pipeline.deliveryOf(eventId).get("payload").get("syslog_message").stringValue()).isEqualTo(line);
    }
}
