package app.ascend.notify.simulator;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One post to a Teams flow, as the flow's run history would show it.
 *
 * @param sequence   arrival order over all flows, from 1
 * @param status     what the stand-in answered (202 when the flow ran)
 * @param message    the body parsed, or null when it was not JSON
 * @param bytes      the body's size
 * @param runStatus  {@code Succeeded} (the card was posted), {@code Failed} (the flow ran but Teams would not post
 *                   it: Workflows answers 202 anyway, FACTS.md §4) or {@code NotRun} (an injected fault answered)
 * @param problems   why the run failed, empty otherwise
 */
public record ReceivedTeamsPost(long sequence, String flow, Instant receivedAt, int status, JsonNode message, int bytes,
        String runStatus, List<String> problems) {

    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String NOT_RUN = "NotRun";

    /** The Adaptive Card posted, or null. */
    public JsonNode card() {
        return message == null ? null : message.path("attachments").path(0).get("content");
    }

    public boolean posted() {
        return SUCCEEDED.equals(runStatus);
    }
}
