package app.ascend.notify.channel.servicenow;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.HttpAnswer;
import app.ascend.notify.outbound.HttpSender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Table API calls one send makes, on one instance with one channel's credentials (FACTS.md §1-3):
 * find an incident by {@code correlation_id}, create one, update one. Every request carries {@code Accept} and
 * {@code Content-Type: application/json} (POST and PATCH answer 400 without both, §1) and Basic or Bearer
 * authorization. With OAuth, the token comes from {@code /oauth_token.do} and is kept ({@link OAuthTokens}); a 401
 * with a kept token drops it and the request is made once more with a new one.
 */
final class ServiceNowClient {
    static final String TABLE = "/api/now/table/incident";
    static final String TOKEN_PATH = "/oauth_token.do";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A Table API answer: the result, and the {@code result} of the body when delivered. */
    record Reply(SendResult result, JsonNode body) {
        boolean ok() {
            return result.delivered();
        }
    }

    /** An incident as the lookup returns it. */
    record Found(String sysId, String number, String state) {
    }

    private final HttpSender sender;
    private final OAuthTokens tokens;
    private final Clock clock;
    private final String channelId;
    private final String instanceUrl;
    private final ServiceNowAuth auth;
    private final long started = System.nanoTime();
    private final java.time.Duration startBy;

    /**
     * {@code startBy}: how long after this client is made a request may still start. A send makes up to five
     * requests (token, lookup, a new token after a 401, lookup again, create); each may take the sender's whole
     * timeout, and the delivery's claim (its lease) is not extended while it runs. Past {@code startBy} the send
     * stops and is retried: the retry's lookup finds whatever this one created, so stopping early never makes a
     * second ticket, while running past the lease could let another instance send the same delivery at once.
     */
    ServiceNowClient(HttpSender sender, OAuthTokens tokens, Clock clock, String channelId, String instanceUrl,
            ServiceNowAuth auth, java.time.Duration startBy) {
        this.sender = sender;
        this.tokens = tokens;
        this.clock = clock;
        this.channelId = channelId;
        this.instanceUrl = instanceUrl;
        this.auth = auth;
        this.startBy = startBy;
    }

    /** The result of a request not started because the send ran out of time (see the constructor). */
    private SendResult outOfTime(String what) {
        java.time.Duration spent = java.time.Duration.ofNanos(System.nanoTime() - started);
        return spent.compareTo(startBy) <= 0 ? null : SendResult.noAnswer(Outcome.RETRY, "ServiceNow answered slowly: "
                + what + " was not started after " + spent.toMillis() + " ms, within the delivery's lease; will retry "
                + "(the retry looks the incident up first)", spent.toMillis());
    }

    String instanceUrl() {
        return instanceUrl;
    }

    /**
     * The newest active incident whose {@code correlation_id} is {@code correlationId} and whose state is not
     * {@code excludedState} (the resolve state: a Resolved incident stays active until it is closed, §4 and §8, and
     * is not reopened by a new alert; a new ticket is opened). The returned record's correlation id is checked,
     * since ServiceNow ignores a query part it cannot read and would match unrelated incidents (§2).
     */
    Lookup find(String correlationId, String excludedState) {
        String query = "correlation_id=" + correlationId + "^active=true^state!=" + excludedState
                + "^ORDERBYDESCsys_created_on";
        String url = instanceUrl + TABLE + "?sysparm_query=" + encode(query)
                + "&sysparm_fields=sys_id,number,state,correlation_id&sysparm_limit=1&sysparm_no_count=true"
                + "&sysparm_exclude_reference_link=true";
        Reply reply = call("GET", url, null, "the lookup of correlation_id " + correlationId);
        if (!reply.ok()) {
            return new Lookup(reply.result(), null);
        }
        JsonNode rows = reply.body();
        if (rows == null || !rows.isArray()) {
            return new Lookup(SendResult.noAnswer(Outcome.RETRY, "ServiceNow's answer to the lookup had no result list; "
                    + "will retry", reply.result().latencyMillis()), null);
        }
        for (JsonNode row : rows) {
            String sysId = ServiceNowTicket.text(row, "sys_id");
            if (correlationId.equals(ServiceNowTicket.text(row, "correlation_id")) && sysId != null) {
                return new Lookup(reply.result(), new Found(sysId, ServiceNowTicket.text(row, "number"),
                        ServiceNowTicket.text(row, "state")));
            }
        }
        return new Lookup(reply.result(), null);
    }

    /** A lookup's result, and the incident when one was found. */
    record Lookup(SendResult result, Found found) {
    }

    Reply create(ObjectNode fields) {
        return call("POST", instanceUrl + TABLE + "?sysparm_exclude_reference_link=true&sysparm_fields="
                + "sys_id,number,state,correlation_id", JSON.writeValueAsBytes(fields), "the create");
    }

    Reply update(String sysId, ObjectNode fields, String what) {
        // sysparm_exclude_reference_link is not documented for PATCH (§2, §9.4), so not sent; only strings are read.
        return call("PATCH", instanceUrl + TABLE + "/" + sysId + "?sysparm_fields=sys_id,number,state",
                JSON.writeValueAsBytes(fields), what);
    }

    private Reply call(String method, String url, byte[] body, String what) {
        String tokenKey = auth.oauth() ? OAuthTokens.key(channelId, instanceUrl, auth) : null;
        boolean fresh = false;
        String token = null;
        if (auth.oauth()) {
            token = tokens.current(tokenKey);
            if (token == null) {
                TokenReply got = fetchToken(tokenKey);
                if (got.token() == null) {
                    return new Reply(got.result(), null);
                }
                token = got.token();
                fresh = true;
            }
        }
        Reply reply = exchange(method, url, body, what, token);
        if (auth.oauth() && !fresh && reply.result().httpStatus() != null && reply.result().httpStatus() == 401) {
            // The kept token was revoked or expired early: one new token, one more try (FACTS.md §8 "Auth").
            tokens.drop(tokenKey, token);
            TokenReply got = fetchToken(tokenKey);
            if (got.token() == null) {
                return new Reply(got.result(), null);
            }
            reply = exchange(method, url, body, what, got.token());
        }
        return reply;
    }

    private Reply exchange(String method, String url, byte[] body, String what, String bearer) {
        SendResult late = outOfTime(what);
        if (late != null) {
            return new Reply(late, null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.put("Authorization", bearer != null ? "Bearer " + bearer : basic());
        JsonNode[] result = new JsonNode[1];
        SendResult sent = sender.exchange(method, URI.create(url), headers, body, answer -> {
            SendResult classified = ServiceNowAnswers.classify(answer, clock, what, auth.oauth());
            if (classified.delivered()) {
                result[0] = resultOf(answer);
                if (result[0] == null) {
                    return new SendResult(Outcome.RETRY, answer.status(), "ServiceNow's answer to " + what + " was not "
                            + "its JSON {\"result\": …} (" + answer.status() + "); will retry", List.of(), null,
                            answer.latencyMillis(), answer.bodyExcerpt(ServiceNowAnswers.BODY_EXCERPT));
                }
            }
            return classified;
        });
        return new Reply(sent, result[0]);
    }

    private static JsonNode resultOf(HttpAnswer answer) {
        try {
            JsonNode node = JSON.readTree(answer.body());
            return node != null && node.has("result") ? node.get("result") : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((auth.username() + ":" + auth.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private record TokenReply(SendResult result, String token) {
    }

    /**
     * {@code POST /oauth_token.do} with {@code grant_type=client_credentials} (FACTS.md §3, [CC]): the answer is
     * {@code {"access_token", "expires_in", "token_type": "Bearer", …}}. A 400 or 401 is refused (wrong client, or
     * the grant is not enabled on the instance: {@code glide.oauth.inbound.client.credential.grant_type.enabled},
     * [CC-PROP]); 429 and 5xx wait and retry.
     */
    private TokenReply fetchToken(String tokenKey) {
        SendResult late = outOfTime("the OAuth token request");
        if (late != null) {
            return new TokenReply(late, null);
        }
        String form = "grant_type=client_credentials&client_id=" + encode(auth.clientId()) + "&client_secret="
                + encode(auth.clientSecret());
        String[] token = new String[1];
        SendResult result = sender.post(URI.create(instanceUrl + TOKEN_PATH), Map.of("Content-Type",
                "application/x-www-form-urlencoded", "Accept", "application/json"), form.getBytes(StandardCharsets.UTF_8),
                answer -> {
                    SendResult classified = ServiceNowAnswers.classify(answer, clock, "the OAuth token request", true);
                    if (answer.status() == 400 || answer.status() == 401) {
                        return new SendResult(Outcome.REJECTED, answer.status(), "ServiceNow refused the OAuth client "
                                + "credentials (" + answer.status() + "): check config.client_id and config.client_secret, "
                                + "and that the instance allows the client credentials grant "
                                + "(glide.oauth.inbound.client.credential.grant_type.enabled = true, with an OAuth "
                                + "Application User on the client)", tokenErrors(answer.body()), null,
                                answer.latencyMillis(), null);
                    }
                    if (!classified.delivered()) {
                        return classified;
                    }
                    try {
                        JsonNode body = JSON.readTree(answer.body());
                        String access = ServiceNowTicket.text(body, "access_token");
                        if (access != null && !access.isBlank()) {
                            long expiresIn = body.path("expires_in").asLong(1800);
                            tokens.keep(tokenKey, access, expiresIn);
                            token[0] = access;
                            return classified;
                        }
                    } catch (RuntimeException notJson) {
                        // below
                    }
                    return new SendResult(Outcome.RETRY, answer.status(), "ServiceNow's token answer had no "
                            + "access_token; will retry", List.of(), null, answer.latencyMillis(), null);
                });
        return new TokenReply(result, token[0]);
    }

    /** The token endpoint's {@code error} and {@code error_description} (OAuth 2.0's error shape), never the token. */
    private static List<String> tokenErrors(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            String error = ServiceNowTicket.text(node, "error");
            String description = ServiceNowTicket.text(node, "error_description");
            if (error == null && description == null) {
                return ServiceNowAnswers.said(body);
            }
            return List.of(ServiceNowTicket.cut((error == null ? "" : error) + (description == null ? ""
                    : (error == null ? "" : ": ") + description), 1000));
        } catch (RuntimeException notJson) {
            return List.of();
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
