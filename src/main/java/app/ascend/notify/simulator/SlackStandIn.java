package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack stand-in on the simulator's server (shared/reference/slack/FACTS.md): incoming webhooks on
 * {@code POST /slack/webhooks/{name}} and the Web API's {@code chat.postMessage} and {@code chat.update} on
 * {@code POST /slack/api/{method}} (so {@code ASCEND_SLACK_API_URL=<sim>/slack/api}). It checks what it gets
 * against Slack's limits ({@link SlackBlockCheck}), keeps it ({@link #posts()}, {@code GET /_sim/slack/messages}),
 * answers as Slack does (webhook: 200 {@code ok} or a status with an error code; Web API: HTTP 200 with
 * {@code ok:false} and an error, {@code ts} values that only grow), rate-limits each channel to about one message a
 * second with a short burst (Slack publishes no burst size, FACTS.md §3: {@link #DEFAULT_BURST}), and takes faults
 * and channel, token and webhook states ({@link SlackControl}). Every bot token is valid and every channel exists
 * unless set otherwise. Thread-safe.
 */
public final class SlackStandIn {
    static final String INTAKE_PREFIX = "/slack/";
    static final String CONTROL_PREFIX = "/_sim/slack/";
    /** Messages a channel may take at once before the one-per-second pace holds. */
    public static final int DEFAULT_BURST = 3;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final List<SlackPost> posts = new ArrayList<>();
    /** Per channel id: ts → the message as it stands (updates replace it), in posting order. */
    private final Map<String, Map<String, ObjectNode>> messagesByChannel = new HashMap<>();
    private final Map<String, String> postedBy = new HashMap<>();
    private final Map<String, String> channelStates = new HashMap<>();
    private final Map<String, String> tokenStates = new HashMap<>();
    private final Map<String, String> webhookStates = new HashMap<>();
    private final List<SlackFault> faults = new ArrayList<>();
    private final Map<SlackFault, Integer> faultLeft = new HashMap<>();
    private final Map<String, double[]> buckets = new HashMap<>();
    private int burst = DEFAULT_BURST;
    private long lastTsMicros;

    SlackStandIn(Clock clock) {
        this.clock = clock;
    }

    /** Mounts the stand-in on {@code server}: its intake and its control routes. */
    static SlackStandIn mount(HttpServer server, Clock clock) {
        SlackStandIn slack = new SlackStandIn(clock);
        server.createContext(INTAKE_PREFIX, new SlackIntake(slack));
        server.createContext(CONTROL_PREFIX, new SlackControl(slack));
        return slack;
    }

    // ---- What tests and the control routes set

    /** {@code ok}, {@code archived} ({@code is_archived}), {@code not_found}, {@code not_in_channel}. */
    public synchronized void setChannelState(String channel, String state) {
        requireState(state, List.of("ok", "archived", "not_found", "not_in_channel"));
        channelStates.put(channel, state);
    }

    /** {@code ok}, {@code invalid_auth}, {@code token_revoked}, {@code account_inactive}, {@code missing_scope}. */
    public synchronized void setTokenState(String token, String state) {
        requireState(state, List.of("ok", "invalid_auth", "token_revoked", "account_inactive", "missing_scope"));
        tokenStates.put(token, state);
    }

    /** {@code ok}, {@code archived} (410 channel_is_archived), {@code removed} (404 no_service). */
    public synchronized void setWebhookState(String name, String state) {
        requireState(state, List.of("ok", "archived", "removed"));
        webhookStates.put(name, state);
    }

    public synchronized void injectFault(SlackFault fault) {
        faults.add(fault);
        faultLeft.put(fault, fault.count());
    }

    public synchronized void clearFaults() {
        faults.clear();
        faultLeft.clear();
    }

    /** Messages a channel may take at once before the one-per-second pace holds ({@code 0}: no rate limit). */
    public synchronized void setBurst(int burst) {
        if (burst < 0) {
            throw new IllegalArgumentException("burst must be >= 0");
        }
        this.burst = burst;
        buckets.clear();
    }

    public synchronized void reset() {
        posts.clear();
        messagesByChannel.clear();
        postedBy.clear();
        channelStates.clear();
        tokenStates.clear();
        webhookStates.clear();
        clearFaults();
        buckets.clear();
        burst = DEFAULT_BURST;
    }

    // ---- What tests read

    /** Every request, in arrival order. */
    public synchronized List<SlackPost> posts() {
        return List.copyOf(posts);
    }

    public synchronized List<SlackPost> posts(Predicate<SlackPost> filter) {
        return posts.stream().filter(filter).toList();
    }

    /** The requests to one webhook name or channel id, in arrival order. */
    public List<SlackPost> postsTo(String target) {
        return posts(post -> target.equals(post.target()));
    }

    /** A channel's message as it stands now (after any update), by its ts. */
    public synchronized Optional<JsonNode> message(String channel, String ts) {
        return Optional.ofNullable(messagesByChannel.getOrDefault(channel, Map.of()).get(ts)).map(ObjectNode::deepCopy);
    }

    // ---- Intake

    /** {@code POST /slack/webhooks/{name}}: FACTS.md §2. */
    synchronized Answer webhook(String name, String contentType, byte[] raw) {
        JsonNode body = parse(raw);
        Optional<SlackFault> fault = takeFault(name);
        if (fault.isPresent() && fault.get().ratelimited()) {
            return record("webhook", name, null, null, null, body, rateLimited(fault.get().retryAfterSeconds(), false), fault);
        }
        if (fault.isPresent() && fault.get().status() != 0) {
            String error = fault.get().error() == null ? "injected" : fault.get().error();
            return record("webhook", name, null, null, null, body, new Answer(fault.get().status(), error, null, 0),
                    fault);
        }
        String state = webhookStates.getOrDefault(name, "ok");
        if (state.equals("archived")) {
            return record("webhook", name, null, null, null, body, Answer.text(410, "channel_is_archived"), fault);
        }
        if (state.equals("removed")) {
            return record("webhook", name, null, null, null, body, Answer.text(404, "no_service"), fault);
        }
        if (body == null || !body.isObject() || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return record("webhook", name, null, null, null, body, Answer.text(400, "invalid_payload"), fault);
        }
        String[] why = new String[1];
        String problem = SlackBlockCheck.check(body, why);
        if (problem != null) {
            return record("webhook", name, null, null, null, body,
                    Answer.text(400, problem.equals("no_text") ? "no_text" : "invalid_blocks"), fault);
        }
        if (!takeSlot("webhook:" + name)) {
            return record("webhook", name, null, null, null, body, rateLimited(1, false), fault);
        }
        return record("webhook", name, null, null, null, body, Answer.text(200, "ok"), fault);
    }

    /** {@code POST /slack/api/{method}}: FACTS.md §4. */
    synchronized Answer api(String method, String authorization, String contentType, byte[] raw) {
        JsonNode body = parse(raw);
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).trim() : null;
        String channel = body != null && body.path("channel").isString() ? body.path("channel").stringValue() : null;
        String target = channel == null ? "(none)" : channel;
        if (!method.equals("chat.postMessage") && !method.equals("chat.update") && !method.equals("auth.test")) {
            return record(method, target, null, null, token, body, Answer.api(404, "unknown_method"), Optional.empty());
        }
        Optional<SlackFault> fault = takeFault(target);
        if (fault.isPresent() && fault.get().ratelimited()) {
            return record(method, target, null, null, token, body, rateLimited(fault.get().retryAfterSeconds(), true), fault);
        }
        if (fault.isPresent() && fault.get().status() != 0) {
            return record(method, target, null, null, token, body, new Answer(fault.get().status(),
                    "{\"ok\":false,\"error\":\"" + (fault.get().error() == null ? "injected" : fault.get().error()) + "\"}",
                    null, 0), fault);
        }
        if (fault.isPresent() && fault.get().error() != null) {
            return record(method, target, null, null, token, body, Answer.api(200, fault.get().error()), fault);
        }
        if (token == null) {
            return record(method, target, null, null, null, body, Answer.api(200, "not_authed"), fault);
        }
        String tokenState = tokenStates.getOrDefault(token, token.startsWith("xoxb-") ? "ok" : "not_allowed_token_type");
        if (!tokenState.equals("ok")) {
            return record(method, target, null, null, token, body, Answer.api(200, tokenState), fault);
        }
        if (method.equals("auth.test")) {
            return record(method, target, null, null, token, body, new Answer(200,
                    "{\"ok\":true,\"team_id\":\"T0SIMULATOR\",\"user_id\":\"U0SIMBOT\",\"bot_id\":\"B0SIMBOT\"}", null, 0),
                    fault);
        }
        if (body == null || !body.isObject() || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return record(method, target, null, null, token, body, Answer.api(200, "invalid_json"), fault);
        }
        if (channel == null) {
            return record(method, target, null, null, token, body, Answer.api(200, "channel_not_found"), fault);
        }
        String channelState = channelStates.getOrDefault(channel, "ok");
        if (!channelState.equals("ok")) {
            String error = switch (channelState) {
                case "archived" -> "is_archived";
                case "not_found" -> "channel_not_found";
                default -> "not_in_channel";
            };
            return record(method, target, null, null, token, body, Answer.api(200, error), fault);
        }
        String[] why = new String[1];
        String problem = SlackBlockCheck.check(body, why);
        if (problem != null) {
            return record(method, target, null, null, token, body, Answer.api(200, problem), fault);
        }
        Map<String, ObjectNode> messages = messagesByChannel.computeIfAbsent(channel, c -> new LinkedHashMap<>());
        if (method.equals("chat.update")) {
            String ts = body.path("ts").asString(null);
            if (ts == null || !messages.containsKey(ts)) {
                return record(method, target, ts, null, token, body, Answer.api(200, "message_not_found"), fault);
            }
            if (!token.equals(postedBy.get(channel + "/" + ts))) {
                return record(method, target, ts, null, token, body, Answer.api(200, "cant_update_message"), fault);
            }
            ObjectNode message = messages.get(ts);
            if (body.has("blocks")) {
                message.set("blocks", body.get("blocks").deepCopy());
            } else if (body.has("text")) {
                message.remove("blocks"); // text without blocks removes them (chat.update, FACTS.md §4)
            }
            if (body.has("text")) {
                message.set("text", body.get("text").deepCopy());
            }
            message.put("edited", true);
            return record(method, target, ts, null, token, body, Answer.ok(channel, ts, message), fault);
        }
        String threadTs = body.path("thread_ts").asString(null);
        if (threadTs != null && !messages.containsKey(threadTs)) {
            return record(method, target, null, threadTs, token, body, Answer.api(200, "thread_not_found"), fault);
        }
        if (!takeSlot("channel:" + channel)) {
            return record(method, target, null, threadTs, token, body, rateLimited(1, true), fault);
        }
        String ts = nextTs();
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "message");
        message.put("ts", ts);
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        if (body.has("text")) {
            message.set("text", body.get("text").deepCopy());
        }
        if (body.has("blocks")) {
            message.set("blocks", body.get("blocks").deepCopy());
        }
        messages.put(ts, message);
        postedBy.put(channel + "/" + ts, token);
        return record(method, target, ts, threadTs, token, body, Answer.ok(channel, ts, message), fault);
    }

    // ---- Parts

    private Answer record(String via, String target, String ts, String threadTs, String token, JsonNode body,
            Answer answer, Optional<SlackFault> fault) {
        String error = answer.error();
        posts.add(new SlackPost(sequence.incrementAndGet(), clock.instant(), via, target, error == null ? ts : null,
                threadTs, token, body == null ? null : body.deepCopy(), answer.status(), error));
        long delay = fault.map(f -> f.delay().toMillis()).orElse(0L);
        return delay > 0 ? new Answer(answer.status(), answer.body(), answer.retryAfter(), delay) : answer;
    }

    private Optional<SlackFault> takeFault(String target) {
        for (SlackFault fault : faults) {
            if (fault.appliesTo(target)) {
                int left = faultLeft.getOrDefault(fault, 0);
                if (left == -1) {
                    return Optional.of(fault);
                }
                if (left > 0) {
                    faultLeft.put(fault, left - 1);
                    return Optional.of(fault);
                }
            }
        }
        return Optional.empty();
    }

    /** A token bucket per channel: {@link #burst} at once, refilled at one a second (FACTS.md §3). */
    private boolean takeSlot(String key) {
        if (burst == 0) {
            return true;
        }
        long now = System.nanoTime();
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] { burst, now });
        double tokens = Math.min(burst, bucket[0] + (now - (long) bucket[1]) / 1e9);
        bucket[1] = now;
        if (tokens < 1) {
            bucket[0] = tokens;
            return false;
        }
        bucket[0] = tokens - 1;
        return true;
    }

    private static Answer rateLimited(int retryAfterSeconds, boolean api) {
        return new Answer(429, api ? "{\"ok\":false,\"error\":\"ratelimited\"}" : "rate_limited",
                Integer.toString(Math.max(retryAfterSeconds, 0)), 0);
    }

    /** Slack's ts: epoch seconds, a dot and six digits; unique and growing here ([D4] "Response"). */
    private String nextTs() {
        long micros = clock.instant().toEpochMilli() * 1000;
        lastTsMicros = Math.max(micros, lastTsMicros + 1);
        return String.format(Locale.ROOT, "%d.%06d", lastTsMicros / 1_000_000, lastTsMicros % 1_000_000);
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return JSON.readTree(raw);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static void requireState(String state, List<String> known) {
        if (!known.contains(state)) {
            throw new IllegalArgumentException("state must be one of " + String.join(", ", known) + ", was " + state);
        }
    }

    /**
     * How to answer: {@code body} is JSON for the Web API, plain text for webhooks; {@code retryAfter} a header
     * value or null.
     */
    record Answer(int status, String body, String retryAfter, long delayMillis) {

        static Answer text(int status, String body) {
            return new Answer(status, body, null, 0);
        }

        static Answer api(int status, String error) {
            return new Answer(status, "{\"ok\":false,\"error\":\"" + error + "\"}", null, 0);
        }

        static Answer ok(String channel, String ts, JsonNode message) {
            ObjectNode body = JSON.createObjectNode();
            body.put("ok", true);
            body.put("channel", channel);
            body.put("ts", ts);
            body.set("message", message.deepCopy());
            return new Answer(200, JSON.writeValueAsString(body), null, 0);
        }

        /** The error code answered, or null when accepted. */
        String error() {
            if (status == 200 && ("ok".equals(body) || body.startsWith("{\"ok\":true"))) {
                return null;
            }
            if (body.startsWith("{")) {
                JsonNode node = JSON.readTree(body);
                return node.path("error").asString("error");
            }
            return body;
        }
    }
}
