package app.ascend.notify.ingest;

import static app.ascend.notify.support.Problems.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Events;
import app.ascend.notify.support.Pipeline;

/**
 * {@code "action_id": ""} (or blanks) names no action: a resolve with it would be accepted and close
 * nothing, a trigger would get a key of its own that nothing can follow up. Both are refused with a
 * field error, and a resolve naming neither an action nor a dedup key still is.
 */
class BlankActionIdRefusedIT extends ApiTest {

    @Test
    void aResolveWithAnEmptyActionIdIsRefusedNamingTheField() {
        Pipeline org = newPipeline();

        ApiResponse answer = org.post(Events.event("action.approved").put("action_id", ""));

        assertThat(assertInvalidField(answer, "action_id")).contains("blank");
    }

    @Test
    void aTriggerWithABlankActionIdIsRefusedToo() {
        Pipeline org = newPipeline();

        ApiResponse answer = org.post(Events.batch(Events.trigger("action.blocked", Events.newActionId(), 90),
                Events.trigger("action.blocked", "   ", 90)));

        assertInvalidField(answer, "[1].action_id");
    }

    @Test
    void aResolveWithNeitherActionIdNorDedupKeyIsRefused() {
        Pipeline org = newPipeline();

        ApiResponse answer = org.post(Events.event("action.resolved"));

        assertThat(assertInvalidField(answer, "action_id")).contains("dedup_key");
    }
}
