package app.ascend.notify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Channels;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Base of the reconciliation ITs: a PagerDuty channel (no webhook secret: no webhook reaches ASCEND) with a REST
 * API token the simulator knows (or not), and actions paged through it.
 */
abstract class ReconciliationTest extends ApiTest {

    /** A channel and its routing key, and the token it holds (null: none). */
    record Reconciled(Pipeline pipeline, String channelId, String routingKey, String token) {
    }

    static String newToken() {
        return "pd-rest-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A channel with {@code token} ({@code null}: none); {@code known}: the simulator accepts it. */
    Reconciled channel(String token, boolean known) {
        Pipeline pipeline = newPipeline();
        String routingKey = newRoutingKey();
        Map<String, Object> channel = Channels.pagerDuty("On call", routingKey);
        if (token != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) channel.get("config");
            config.put("rest_api_token", token);
            if (known) {
                PAGERDUTY.restApi().addToken(token);
            }
        }
        return new Reconciled(pipeline, pipeline.createChannel(channel), routingKey, token);
    }

    /** Pages one action through the channel; answers its dedup key once the simulator's incident is open. */
    static String page(Reconciled reconciled) {
        String actionId = Events.newActionId();
        reconciled.pipeline().postEvent(Events.trigger("action.blocked", actionId, 90));
        String dedupKey = "ascend-" + actionId;
        eventually().until(() -> PAGERDUTY.openIncident(reconciled.routingKey(), dedupKey).isPresent());
        return dedupKey;
    }

    /**
     * The organization's one incident of the dedup key, whatever its status. The two listings are read one after
     * the other while the scheduler may resolve the incident in between, so the same id can appear in both: the
     * ids are a set.
     */
    static JsonNode incident(Pipeline pipeline, String dedupKey) {
        Set<String> ids = new LinkedHashSet<>();
        for (String status : List.of("open", "resolved")) {
            ApiResponse page = pipeline.admin().get("/api/incidents?status=" + status);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(i -> {
                if (dedupKey.equals(i.get("dedup_key").stringValue())) {
                    ids.add(i.get("id").stringValue());
                }
            });
        }
        assertThat(ids).as("incidents of %s", dedupKey).hasSize(1);
        return pipeline.admin().get("/api/incidents/" + ids.iterator().next()).json();
    }

    /** The simulator's REST API requests that asked about this dedup key. */
    static long restRequestsFor(String dedupKey) {
        return PAGERDUTY.restApi().requests().stream().filter(r -> r.pathAndQuery().contains("incident_key=" + dedupKey))
                .count();
    }

    static String path(Reconciled reconciled) {
        return Channels.PATH + "/" + reconciled.channelId();
    }
}
