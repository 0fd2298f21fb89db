package app.ascend.notify.channel.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.simulator.ServiceNowFault;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * What ServiceNow's answers do to a delivery (FACTS.md §6): 401 and 403 are refused once, saying what to fix; a
 * field error is refused with ServiceNow's message and detail as it wrote them; a 429 waits for its Retry-After; a
 * 5xx is retried, and the retried create still makes one incident.
 */
class ServiceNowAnswersIT extends ServiceNowApiTest {

    @Test
    void wrongCredentialsAreRefusedOnceWithWhatToFix() {
        String instance = newInstance();
        PAGERDUTY.serviceNow().requireBasic(instance, "ascend.integration", "another-password");
        Sent sent = sendOneTrigger(instance);

        eventually().until(() -> status(sent.pipeline(), sent.deliveryId()).equals("failed"));
        JsonNode attempt = onlyAttempt(sent);
        assertThat(attempt.get("http_status").asInt()).isEqualTo(401);
        assertThat(attempt.get("message").stringValue()).contains("refused the credentials")
                .contains("check config.username and config.password");
        assertThat(attempt.get("errors").toString()).contains("User Not Authenticated: Required to provide Auth information");
        assertThat(incidents(instance)).isEmpty();
    }

    @Test
    void aForbiddenCreateIsRefusedNamingTheRole() {
        String instance = newInstance();
        PAGERDUTY.serviceNow().injectFault(instance, ServiceNowFault.status("create", 403, -1));
        Sent sent = sendOneTrigger(instance);

        eventually().until(() -> status(sent.pipeline(), sent.deliveryId()).equals("failed"));
        JsonNode attempt = onlyAttempt(sent);
        assertThat(attempt.get("http_status").asInt()).isEqualTo(403);
        assertThat(attempt.get("message").stringValue()).contains("itil");
        assertThat(attempt.get("errors").toString()).contains("ACL Exception Insert Failed due to security constraints");
        PAGERDUTY.serviceNow().clearFaults(instance);
    }

    @Test
    void aFieldErrorIsShownAsServiceNowWroteIt() {
        String instance = newInstance();
        PAGERDUTY.serviceNow().injectFault(instance, ServiceNowFault.fieldError("create", 400, "Invalid field value",
                "category: 'nonsense' is not a valid choice"));
        Sent sent = sendOneTrigger(instance);

        eventually().until(() -> status(sent.pipeline(), sent.deliveryId()).equals("failed"));
        JsonNode attempt = onlyAttempt(sent);
        assertThat(attempt.get("errors").get(0).stringValue())
                .isEqualTo("Invalid field value: category: 'nonsense' is not a valid choice");
        assertThat(attempt.get("message").stringValue()).contains("ServiceNow refused the create (400)");
    }

    @Test
    void a429sRetryAfterIsWaitedOut() {
        String instance = newInstance();
        PAGERDUTY.serviceNow().injectFault(instance, ServiceNowFault.rateLimited("lookup", 1, 1));
        Sent sent = sendOneTrigger(instance);

        eventually().until(() -> status(sent.pipeline(), sent.deliveryId()).equals("delivered"));
        JsonNode attempts = delivery(sent.pipeline(), sent.deliveryId()).get("attempts");
        assertThat(attempts.get(0).get("outcome").stringValue()).isEqualTo("rate_limited");
        assertThat(attempts.get(0).get("http_status").asInt()).isEqualTo(429);
        assertThat(kinds(instance)).containsExactly("lookup", "lookup", "create");
        assertThat(incidents(instance)).hasSize(1);
    }

    @Test
    void a5xxIsRetriedAndStillMakesOneIncident() {
        String instance = newInstance();
        PAGERDUTY.serviceNow().injectFault(instance, ServiceNowFault.status("create", 503, 1));
        Sent sent = sendOneTrigger(instance);

        eventually().until(() -> status(sent.pipeline(), sent.deliveryId()).equals("delivered"));
        JsonNode attempts = delivery(sent.pipeline(), sent.deliveryId()).get("attempts");
        assertThat(attempts.get(0).get("message").stringValue()).contains("will retry");
        assertThat(kinds(instance)).containsExactly("lookup", "create", "lookup", "create");
        assertThat(incidents(instance)).hasSize(1);
    }

    private Sent sendOneTrigger(String instance) {
        Pipeline pipeline = newPipeline();
        create(pipeline, serviceNow(instance, List.of("action.blocked")));
        String eventId = pipeline.postEvent(Events.trigger("action.blocked", Events.newActionId(), 40));
        eventually().until(() -> !pipeline.deliveriesOf(eventId).isEmpty());
        return new Sent(pipeline, pipeline.deliveryOf(eventId).get("id").stringValue());
    }

    private static JsonNode onlyAttempt(Sent sent) {
        JsonNode attempts = delivery(sent.pipeline(), sent.deliveryId()).get("attempts");
        assertThat(attempts).hasSize(1);
        return attempts.get(0);
    }

    private record Sent(Pipeline pipeline, String deliveryId) {
    }
}
