package app.ascend.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * Routing keeps an organization's channels in memory between events (channel.RoutingChannels), and every change to
 * them routes the very next event: a channel created, disabled, re-subscribed, replaced or deleted between two
 * events is routed by what was saved, never by the list the previous event used.
 */
class ChannelChangesRouteTheNextEventIT extends ApiTest {

    @Test
    void eachChangeToAChannelRoutesTheNextEvent() {
        Pipeline org = newPipeline();
        String first = org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        String before = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 85));
        assertThat(channelsDecided(org, before)).containsExactly(first);
        assertThat(org.decision(before, first).get("outcome").stringValue()).isEqualTo("queued");
        String unchanged = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 85)); // the kept list
        assertThat(channelsDecided(org, unchanged)).containsExactly(first);

        String second = org.createChannel(PipelineChannels.pagerDuty(newRoutingKey()));
        String afterCreate = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 85));
        assertThat(channelsDecided(org, afterCreate)).containsExactlyInAnyOrder(first, second);

        assertThat(org.admin().patch(Channels.PATH + "/" + first, Map.of("enabled", false)).status()).isEqualTo(200);
        String afterDisable = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 85));
        assertThat(org.decision(afterDisable, first).get("outcome").stringValue()).isEqualTo("disabled");
        assertThat(org.decision(afterDisable, second).get("outcome").stringValue()).isEqualTo("queued");

        assertThat(org.admin().patch(Channels.PATH + "/" + first,
                Map.of("enabled", true, "events", List.of("auth.failed"))).status()).isEqualTo(200);
        String afterResubscribe = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 85));
        assertThat(org.decision(afterResubscribe, first).get("outcome").stringValue()).isEqualTo("not_subscribed");

        String newKey = newRoutingKey();
        assertThat(org.admin().put(Channels.PATH + "/" + first, PipelineChannels.pagerDuty(newKey)).status())
                .isEqualTo(200);
        String afterReplace = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 85));
        JsonNode replaced = org.decision(afterReplace, first);
        assertThat(replaced.get("outcome").stringValue()).isEqualTo("queued");
        assertThat(replaced.get("routing_key").stringValue()).isEqualTo("****" + newKey.substring(28));

        assertThat(org.admin().delete(Channels.PATH + "/" + second).status()).isEqualTo(204);
        String afterDelete = org.postEvent(Events.trigger("action.blocked", Events.newActionId(), 85));
        assertThat(channelsDecided(org, afterDelete)).containsExactly(first);
    }

    private static List<String> channelsDecided(Pipeline org, String eventId) {
        return org.explain(eventId).get("decisions").valueStream().map(d -> d.get("channel_id").stringValue()).toList();
    }
}
