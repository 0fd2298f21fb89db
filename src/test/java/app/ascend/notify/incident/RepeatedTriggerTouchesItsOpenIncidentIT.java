package app.ascend.notify.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ascend.notify.db.SqlTime;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;

/**
 * One open incident per action and routing key: a trigger for an action whose incident is open touches that
 * incident (its last event time moves on) rather than opening a second, and once the approval has resolved it,
 * the next trigger opens a new one. Ingest opens an incident with its insert first and touches only the keys
 * already open (IncidentRepository.openOrTouchAll).
 */
class RepeatedTriggerTouchesItsOpenIncidentIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRepeatedTriggerTouchesTheOpenIncidentAndATriggerAfterTheResolveOpensANewOne() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        org.createChannel(PipelineChannels.pagerDuty(routingKey));
        String action = Events.newActionId();
        String dedupKey = "ascend-" + action;

        org.postEvent(Events.trigger("action.blocked", action, 95));
        List<OpenIncident> first = open(org, dedupKey);
        assertThat(first).hasSize(1);
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        jdbc.sql("update incidents set last_event_at = ? where id = ?").params(SqlTime.of(longAgo), first.get(0).id())
                .update();

        org.postEvent(Events.trigger("action.blocked", action, 95));

        List<OpenIncident> touched = open(org, dedupKey);
        assertThat(touched).extracting(OpenIncident::id).containsExactly(first.get(0).id());
        assertThat(touched.get(0).lastEventAt()).isAfter(longAgo.plus(Duration.ofHours(1)));

        org.postEvent(Events.approval(action));
        eventually().until(() -> open(org, dedupKey).isEmpty());
        org.postEvent(Events.trigger("action.blocked", action, 95));

        List<OpenIncident> reopened = open(org, dedupKey);
        assertThat(reopened).hasSize(1);
        assertThat(reopened.get(0).id()).isNotEqualTo(first.get(0).id());
        assertThat(jdbc.sql("select count(*) from incidents where org_id = ? and dedup_key = ?")
                .params(org.tenant().organizationId(), dedupKey).query(Integer.class).single()).isEqualTo(2);
    }

    private record OpenIncident(String id, Instant lastEventAt) {
    }

    private List<OpenIncident> open(Pipeline org, String dedupKey) {
        return jdbc.sql("select id, last_event_at from incidents where org_id = ? and dedup_key = ? and open_key is not null")
                .params(org.tenant().organizationId(), dedupKey)
                .query((rs, row) -> new OpenIncident(rs.getString(1), SqlTime.read(rs, "last_event_at"))).list();
    }
}
