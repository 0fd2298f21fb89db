package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.ascend.notify.support.RsyslogServer;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;

/**
 * Reconnects lose nothing: after rsyslog is restarted, the connection kept from before is found closed before it is
 * written to and the records go on a new one; while rsyslog is down, records wait (retried) and all arrive once it
 * is back.
 */
class SyslogServerRestartIT extends SyslogApiTest {
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
    void aRestartedServerGetsEveryEventSentAfterIt() {
        Pipeline pipeline = newPipeline();
        createSyslog(pipeline, rsyslog, null);
        String before = Events.newActionId();
        pipeline.postEvent(Events.trigger("action.blocked", before, 70));
        eventually().until(() -> rsyslog.receivedWith(before).size() == 1);

        rsyslog.restart(); // the connection the service keeps is now closed by its peer
        List<String> after = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String actionId = Events.newActionId();
            after.add(actionId);
            eventIds.add(pipeline.postEvent(Events.trigger("anomaly.detected", actionId, 40 + i)));
        }

        for (String actionId : after) {
            eventually().until(() -> rsyslog.receivedWith(actionId).size() == 1);
        }
        // Found closed before writing: each went out on its first attempt, over a new connection.
        for (String id : eventIds) {
            eventually().until(() -> "delivered".equals(status(pipeline, id)));
            assertThat(pipeline.deliveryOf(id).get("attempt_count").asInt()).as("%s", pipeline.deliveryOf(id)).isEqualTo(1);
        }
    }

    @Test
    void eventsSentWhileTheServerIsDownArriveWhenItIsBack() {
        Pipeline pipeline = newPipeline();
        createSyslog(pipeline, rsyslog, null);
        String warmUp = Events.newActionId();
        pipeline.postEvent(Events.trigger("action.blocked", warmUp, 70));
        eventually().until(() -> rsyslog.receivedWith(warmUp).size() == 1);

        rsyslog.stop();
        List<String> actions = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String actionId = Events.newActionId();
            actions.add(actionId);
            eventIds.add(pipeline.postEvent(Events.trigger("auth.failed", actionId, 30 + i)));
        }
        eventually().until(() -> eventIds.stream().allMatch(id -> pipeline.deliveryOf(id).get("attempt_count").asInt() >= 1));
        assertThat(pipeline.deliveryOf(eventIds.get(0)).get("last_message").stringValue()).contains("refused the connection");
        rsyslog.restart();

        for (String actionId : actions) {
            eventually().until(() -> rsyslog.receivedWith(actionId).size() == 1);
        }
        for (String id : eventIds) {
            eventually().until(() -> "delivered".equals(status(pipeline, id)));
        }
    }
}
