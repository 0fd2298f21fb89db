package app.ascend.notify.channel.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.TestPropertySource;

import app.ascend.notify.simulator.ServiceNowRequest;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Base of the ServiceNow integration tests: the service talks to the simulator's ServiceNow stand-in on 127.0.0.1
 * (as an operator allows a local instance with ASCEND_OUTBOUND_ALLOW) and gives up on an answer after 2 s. Each test
 * has its own instance (its own incidents, credentials and faults) and organization.
 */
@TestPropertySource(properties = { "ascend.outbound.allow=127.0.0.0/8", "ascend.servicenow.timeout=2s" })
abstract class ServiceNowApiTest extends ApiTest {
    static final String CHANNELS = "/api/notifications/channels";
    static final String PASSWORD = "pw-" + UUID.randomUUID();

    static String newInstance() {
        return "inst_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static String urlOf(String instance) {
        return PAGERDUTY.serviceNowInstanceUrl(instance);
    }

    /** A channel body signing in with a user name and password. */
    static Map<String, Object> serviceNow(String instance, List<String> events) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("instance_url", urlOf(instance));
        config.put("username", "ascend.integration");
        config.put("password", PASSWORD);
        return channel(config, events);
    }

    static Map<String, Object> channel(Map<String, Object> config, List<String> events) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("name", "ServiceNow " + UUID.randomUUID());
        channel.put("type", "servicenow");
        if (events != null) {
            channel.put("events", events);
        }
        channel.put("config", config);
        return channel;
    }

    static JsonNode create(Pipeline pipeline, Map<String, Object> body) {
        ApiResponse created = pipeline.admin().post(CHANNELS, body);
        assertThat(created.status()).as("creating a ServiceNow channel: %s", created).isEqualTo(201);
        return created.json();
    }

    static List<JsonNode> incidents(String instance) {
        return PAGERDUTY.serviceNow().incidents(instance);
    }

    static List<ServiceNowRequest> requests(String instance) {
        return PAGERDUTY.serviceNow().requests(instance);
    }

    static List<String> kinds(String instance) {
        return requests(instance).stream().map(ServiceNowRequest::kind).toList();
    }

    static JsonNode delivery(Pipeline pipeline, String deliveryId) {
        return pipeline.admin().get("/api/notifications/deliveries/" + deliveryId).json();
    }

    static String status(Pipeline pipeline, String deliveryId) {
        return delivery(pipeline, deliveryId).get("status").stringValue();
    }
}
