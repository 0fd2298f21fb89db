package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Splunk HTTP Event Collector stand-in on the simulator's server (shared/reference/splunk-hec/FACTS.md): collectors
 * reached at {@code <sim>/splunk/{collector}}, each with Splunk's paths under it ({@code /services/collector/event},
 * {@code /services/collector}, {@code …/event/1.0}, {@code /services/collector/ack}, {@code /services/collector/health};
 * {@link HecIntake}). It checks the token ({@code Authorization: Splunk <token>}: 401 code 2 or 3, 403 code 4 or 1),
 * the data channel when the token uses indexer acknowledgement (code 10, 11), and each event ({@link HecEventCheck}),
 * answering {@code {"text","code"}} with {@code invalid-event-number} and {@code ackId} as HEC does; it records the
 * events it took per collector and answers {@code /ack} per data channel (ackIds from 0; a true ack is forgotten once
 * reported, [C5]). Any token is enabled until a collector's tokens are set ({@link #setToken}); then only those.
 * Faults per collector ({@link HecFault}). Control routes: {@link HecControl}. Thread-safe.
 */
public final class HecStandIn {
    static final String INTAKE_PREFIX = "/splunk/";
    static final String CONTROL_PREFIX = "/_sim/splunk";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern GUID = Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Collector> collectors = new HashMap<>();

    HecStandIn(Clock clock) {
        this.clock = clock;
    }

    /** Mounts the stand-in on {@code server}: its intake and its control routes. */
    static HecStandIn mount(HttpServer server, Clock clock) {
        HecStandIn hec = new HecStandIn(clock);
        server.createContext(INTAKE_PREFIX, new HecIntake(hec));
        server.createContext(CONTROL_PREFIX, new HecControl(hec));
        return hec;
    }

    /** An answer: HTTP status, JSON body, headers. */
    record Answer(int status, String body, Map<String, String> headers) {
        static Answer of(HecCode code) {
            return new Answer(code.status, body(code).toString(), Map.of());
        }

        static ObjectNode body(HecCode code) {
            return JSON.createObjectNode().put("text", code.text).put("code", code.code);
        }
    }

    private static final class Collector {
        final Map<String, HecToken> tokens = new LinkedHashMap<>();
        final List<ReceivedHecEvent> events = new ArrayList<>();
        final List<HecRequestRecord> requests = new ArrayList<>();
        /** Per data channel: the next ackId, and ackId → polls left before it reads true (-1 never). */
        final Map<String, Long> nextAck = new HashMap<>();
        final Map<String, Map<Long, Integer>> pendingAcks = new HashMap<>();
        HecFault fault;
        int faultLeft;
    }

    static boolean isCollectorName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The token a request names, after the checks every endpoint makes; empty with the refusal otherwise. */
    private Optional<Answer> tokenRefusal(Collector collector, String authorization, String query) {
        if (query != null && query.matches("(.*&)?token=.*")) {
            return Optional.of(Answer.of(HecCode.QUERY_STRING_AUTH)); // allowQueryStringAuth is false by default
        }
        if (authorization == null || authorization.isBlank()) {
            return Optional.of(Answer.of(HecCode.TOKEN_REQUIRED));
        }
        if (!authorization.startsWith("Splunk ")) {
            return Optional.of(Answer.of(HecCode.INVALID_AUTHORIZATION));
        }
        HecToken token = token(collector, authorization.substring("Splunk ".length()).trim());
        if (token == null) {
            return Optional.of(Answer.of(HecCode.INVALID_TOKEN));
        }
        if (token.disabled()) {
            return Optional.of(Answer.of(HecCode.TOKEN_DISABLED));
        }
        return Optional.empty();
    }

    private static HecToken token(Collector collector, String value) {
        return collector.tokens.isEmpty() ? HecToken.ENABLED : collector.tokens.get(value);
    }

    private static Optional<Answer> channelRefusal(HecToken token, String channel) {
        if (!token.useAck()) {
            return Optional.empty();
        }
        if (channel == null || channel.isBlank()) {
            return Optional.of(Answer.of(HecCode.DATA_CHANNEL_MISSING));
        }
        return GUID.matcher(channel).matches() ? Optional.empty() : Optional.of(Answer.of(HecCode.INVALID_DATA_CHANNEL));
    }

    /** {@code POST …/services/collector/event}: the events, checked in order. */
    synchronized Answer receive(String name, String authorization, String channel, String query, byte[] body) {
        Collector collector = collectors.computeIfAbsent(name, n -> new Collector());
        long request = sequence.incrementAndGet();
        Optional<Answer> refused = tokenRefusal(collector, authorization, query);
        HecToken token = refused.isPresent() ? null : token(collector, authorization.substring(7).trim());
        if (refused.isEmpty()) {
            refused = channelRefusal(token, channel);
        }
        if (refused.isPresent()) {
            return recorded(collector, request, refused.get(), 0, 0, channel);
        }
        HecFault fault = collector.fault;
        if (fault != null && collector.faultLeft != HecFault.UNTIL_CLEARED && --collector.faultLeft == 0) {
            collector.fault = null;
        }
        if (fault != null && fault.code() != -1) {
            HecCode code = HecCode.of(fault.code());
            Map<String, String> headers = fault.retryAfter() == null ? Map.of() : Map.of("Retry-After", fault.retryAfter());
            return recorded(collector, request, new Answer(code.status, Answer.body(code).toString(), headers), 0, 0,
                    channel);
        }
        HecEventCheck.Result checked = HecEventCheck.check(body, token);
        List<HecEventCheck.Parsed> taken = checked.events();
        HecCode refusal = checked.refusal();
        Integer position = checked.position();
        int sent = taken.size() + (refusal == null ? 0 : 1);
        if (refusal == null && fault != null && fault.badEventAt() >= 0 && fault.badEventAt() < taken.size()) {
            refusal = HecCode.INVALID_DATA_FORMAT;
            position = fault.badEventAt();
            taken = taken.subList(0, position);
        }
        for (int i = 0; i < taken.size(); i++) {
            collector.events.add(new ReceivedHecEvent(sequence.incrementAndGet(), request, i, clock.instant(), channel,
                    taken.get(i).timeText(), taken.get(i).envelope()));
        }
        Long ackId = null;
        if (token.useAck() && !taken.isEmpty()) {
            ackId = collector.nextAck.merge(channel, 1L, Long::sum) - 1;
            int polls = fault == null ? 0 : fault.ackAfterPolls();
            collector.pendingAcks.computeIfAbsent(channel, c -> new HashMap<>()).put(ackId, polls);
        }
        ObjectNode answer = Answer.body(refusal == null ? HecCode.SUCCESS : refusal);
        if (position != null) {
            answer.put("invalid-event-number", position);
        }
        if (ackId != null) {
            answer.put("ackId", ackId);
        }
        int status = refusal == null ? 200 : refusal.status;
        return recorded(collector, request, new Answer(status, answer.toString(), Map.of()), sent, taken.size(), channel);
    }

    private Answer recorded(Collector collector, long request, Answer answer, int sent, int taken, String channel) {
        tools.jackson.databind.JsonNode body = JSON.readTree(answer.body());
        collector.requests.add(new HecRequestRecord(request, clock.instant(), answer.status(), body.get("code").asInt(),
                body.get("text").stringValue(),
                body.has("invalid-event-number") ? body.get("invalid-event-number").asInt() : null,
                body.has("ackId") ? body.get("ackId").asLong() : null, sent, taken, channel));
        return answer;
    }

    /** {@code POST …/services/collector/ack} with {@code {"acks":[…]}}: which ackIds of the channel are indexed. */
    synchronized Answer ack(String name, String authorization, String channel, String query, byte[] body) {
        Collector collector = collectors.computeIfAbsent(name, n -> new Collector());
        Optional<Answer> refused = tokenRefusal(collector, authorization, query);
        if (refused.isPresent()) {
            return refused.get();
        }
        HecToken token = token(collector, authorization.substring(7).trim());
        if (!token.useAck()) {
            return Answer.of(HecCode.ACK_DISABLED);
        }
        refused = channelRefusal(token, channel);
        if (refused.isPresent()) {
            return refused.get();
        }
        tools.jackson.databind.JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            return Answer.of(HecCode.INVALID_DATA_FORMAT);
        }
        if (request == null || !request.has("acks") || !request.get("acks").isArray()) {
            return Answer.of(HecCode.INVALID_DATA_FORMAT);
        }
        Map<Long, Integer> pending = collector.pendingAcks.computeIfAbsent(channel, c -> new HashMap<>());
        ObjectNode acks = JSON.createObjectNode();
        for (tools.jackson.databind.JsonNode id : request.get("acks").values()) {
            if (!id.isIntegralNumber()) {
                return Answer.of(HecCode.INVALID_DATA_FORMAT);
            }
            Integer left = pending.get(id.asLong());
            boolean indexed = left != null && left == 0;
            if (indexed) {
                pending.remove(id.asLong()); // reported true once, then forgotten ([C5])
            } else if (left != null && left > 0) {
                pending.put(id.asLong(), left - 1);
            }
            acks.put(Long.toString(id.asLong()), indexed);
        }
        return new Answer(200, JSON.createObjectNode().set("acks", acks).toString(), Map.of());
    }

    /** {@code GET …/services/collector/health}: 17, or 503 code 18 while a busy fault is set. */
    synchronized Answer health(String name) {
        Collector collector = collectors.get(name);
        boolean busy = collector != null && collector.fault != null && collector.fault.code() == HecCode.SERVER_BUSY.code;
        return Answer.of(busy ? HecCode.UNHEALTHY_QUEUES_FULL : HecCode.HEALTHY);
    }

    // ---- What tests and the control routes set and read

    /** Sets one token of the collector; from then on tokens not set are unknown (403 code 4). */
    public synchronized void setToken(String name, String token, HecToken state) {
        requireName(name);
        collectors.computeIfAbsent(name, n -> new Collector()).tokens.put(token, state);
    }

    /** Answers the next requests with {@code fault}, replacing any set before. */
    public synchronized void injectFault(String name, HecFault fault) {
        requireName(name);
        Collector collector = collectors.computeIfAbsent(name, n -> new Collector());
        collector.fault = fault;
        collector.faultLeft = fault.count();
    }

    public synchronized Optional<HecFault> fault(String name) {
        Collector collector = collectors.get(name);
        return collector == null ? Optional.empty() : Optional.ofNullable(collector.fault);
    }

    public synchronized void clearFaults(String name) {
        Collector collector = collectors.get(name);
        if (collector != null) {
            collector.fault = null;
        }
    }

    /** The events the collector took, in arrival order. */
    public synchronized List<ReceivedHecEvent> events(String name) {
        Collector collector = collectors.get(name);
        return collector == null ? List.of() : List.copyOf(collector.events);
    }

    /** Every request to the collector's event endpoint, refused ones too. */
    public synchronized List<HecRequestRecord> requests(String name) {
        Collector collector = collectors.get(name);
        return collector == null ? List.of() : List.copyOf(collector.requests);
    }

    public synchronized void forget(String name) {
        collectors.remove(name);
    }

    public synchronized void reset() {
        collectors.clear();
    }

    /** Events and requests per collector, for {@code GET /_sim/splunk}. */
    synchronized ObjectNode counts() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode all = root.putObject("collectors");
        collectors.forEach((name, collector) -> all.putObject(name).put("events", collector.events.size())
                .put("requests", collector.requests.size()));
        return root;
    }

    synchronized ObjectNode tokensView(String name) {
        ObjectNode root = JSON.createObjectNode().put("collector", name);
        ObjectNode tokens = root.putObject("tokens");
        Collector collector = collectors.get(name);
        if (collector != null) {
            collector.tokens.forEach((token, state) -> {
                ObjectNode node = tokens.putObject(token).put("disabled", state.disabled()).put("use_ack", state.useAck());
                ArrayNode indexes = node.putArray("indexes");
                state.indexes().forEach(indexes::add);
            });
        }
        return root;
    }

    private static void requireName(String name) {
        if (!isCollectorName(name)) {
            throw new IllegalArgumentException("A HEC collector name is 1 to 64 of A-Z a-z 0-9 _ -");
        }
    }
}
