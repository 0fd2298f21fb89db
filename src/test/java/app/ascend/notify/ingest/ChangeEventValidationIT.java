package app.ascend.notify.ingest;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;

/**
 * A change names what changed ({@code policy_name} for a policy, {@code agent_id} for an agent, unless a summary
 * says it), needs no {@code action_id}, and takes no {@code dedup_key}: every bad field is named, nothing is stored.
 */
class ChangeEventValidationIT extends ApiTest {

    @Test
    void aPolicyChangeNamingNoPolicyIsRefused() {
        ApiResponse answer = newPipeline().post(Events.event("policy.changed").put("user", "alice"));

        assertThat(assertInvalidField(answer, "policy_name")).contains("policy.changed").contains("summary");
    }

    @Test
    void everyBadFieldOfEveryChangeInABatchIsNamedAndNothingIsStored() {
        Pipeline org = newPipeline();
        String action = Events.newActionId();

        ApiResponse answer = org.post(Events.batch(Events.trigger("action.blocked", action, 90),
                Events.event("agent.deployed").put("dedup_key", "ascend-x"),
                Events.event("agent.permissions_changed").put("agent_id", "agent-7").put("details", "wider")));

        assertThat(assertInvalidField(answer, "[1].agent_id")).contains("agent.deployed");
        assertThat(assertInvalidField(answer, "[1].dedup_key")).contains("no dedup key");
        assertThat(assertInvalidField(answer, "[2].details")).contains("object");
        assertThat(answer.fieldErrors()).doesNotContainKey("[2].action_id");
        assertThat(org.eventsOfAction(action)).isEmpty();
    }

    @Test
    void aChangeNeedsNoActionIdAndASummaryMayNameWhatChanged() {
        Pipeline org = newPipeline();

        assertThat(org.post(Events.event("agent.deployed").put("summary", "checkout-agent 3.1 deployed")).status())
                .isEqualTo(202);
        assertThat(org.post(Events.event("policy.changed").put("policy_name", "PII Policy")).status()).isEqualTo(202);
    }
}
