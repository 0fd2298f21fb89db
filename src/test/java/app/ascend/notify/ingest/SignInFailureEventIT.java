package app.ascend.notify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.PagerDutyInbox;
import app.ascend.notify.support.Pipeline;
import app.ascend.notify.support.PipelineChannels;
import tools.jackson.databind.JsonNode;

/**
 * A failed sign-in to ASCEND Notify itself is an {@code auth.failed} governance event of the user's
 * organization, routed like any other: security on-call sees password guessing.
 */
class SignInFailureEventIT extends ApiTest {

    @Test
    void aWrongPasswordBecomesAnAuthFailedEventThatPagesTheSubscribedChannel() {
        Pipeline org = newPipeline();
        String routingKey = newRoutingKey();
        String channel = org.createChannel(PipelineChannels.pagerDuty(routingKey, "auth.failed"));

        ApiResponse refused = anonymous().login(org.tenant().adminEmail(), "not-the-password");

        assertThat(refused.status()).isEqualTo(401);
        JsonNode event = authFailedEvents(org).get(0);
        assertThat(authFailedEvents(org)).hasSize(1);
        assertThat(event.get("user").stringValue()).isEqualTo(org.tenant().adminEmail());
        assertThat(event.get("summary").stringValue()).contains(org.tenant().adminEmail());
        assertThat(org.decision(event.get("id").stringValue(), channel).get("outcome").stringValue()).isEqualTo("queued");

        PagerDutyInbox pagerDuty = inbox(routingKey);
        eventually().until(() -> pagerDuty.accepted().size() == 1);
        JsonNode sent = pagerDuty.accepted().get(0);
        assertThat(sent.get("event_action").stringValue()).isEqualTo("trigger");
        assertThat(sent.get("dedup_key").stringValue()).isEqualTo(event.get("dedup_key").stringValue());
        assertThat(sent.get("payload").get("class").stringValue()).isEqualTo("auth.failed");
        assertThat(sent.get("payload").get("group").stringValue()).isEqualTo(org.organizationName());
        assertThat(sent.get("payload").get("summary").stringValue()).contains(org.tenant().adminEmail());
    }

    @Test
    void aFailedSignInIsAnEventOfTheUsersOrganizationOnly() {
        Pipeline org = newPipeline();
        Pipeline other = newPipeline();

        anonymous().login(org.tenant().adminEmail(), "not-the-password");

        assertThat(authFailedEvents(org)).hasSize(1);
        assertThat(authFailedEvents(other)).isEmpty();
    }

    @Test
    void aSuccessfulSignInIsNoEvent() {
        Pipeline org = newPipeline();

        ApiResponse signedIn = anonymous().login(org.tenant().adminEmail(), org.tenant().adminPassword());

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(authFailedEvents(org)).isEmpty();
    }

    private static List<JsonNode> authFailedEvents(Pipeline org) {
        ApiResponse page = org.admin().get("/api/events");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return StreamSupport.stream(page.json().get("items").spliterator(), false)
                .filter(e -> "auth.failed".equals(e.get("type").stringValue())).toList();
    }
}
