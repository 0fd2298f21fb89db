package app.ascend.notify.simulator;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One request the ServiceNow stand-in received: what it was ({@code kind}: lookup, read, create, update, token),
 * the instance, method, path and query, the body (a token request's secret left out), the status answered, whether
 * the answer was dropped, and what ServiceNow would have frowned on ({@code problems}: a field over its length, a
 * {@code priority} sent, a value outside its choices; empty when the request is as ServiceNow documents it).
 */
public record ServiceNowRequest(long sequence, Instant at, String instance, String kind, String method, String path,
        String query, String authorization, JsonNode body, int status, boolean answerLost, List<String> problems) {
}
