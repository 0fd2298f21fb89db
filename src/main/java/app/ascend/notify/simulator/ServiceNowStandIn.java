package app.ascend.notify.simulator;

import com.sun.net.httpserver.HttpServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ServiceNow stand-in on the simulator's server (shared/reference/servicenow/FACTS.md): the Table API's incident
 * table at {@code /servicenow/{instance}/api/now/table/incident} and the OAuth token endpoint at
 * {@code /servicenow/{instance}/oauth_token.do}, so a channel's {@code instance_url} is
 * {@code <sim>/servicenow/{instance}}. It answers as the docs describe (§1, §6, §8 "Simulator"): 201 with
 * {@code {"result":{…}}} and string values on create, 200 with {@code {"result":[…]}} (empty when nothing matches)
 * on a lookup, 404 for an unknown sys_id, 400 without {@code Accept} and {@code Content-Type} on a write, 401 with
 * the error body and {@code WWW-Authenticate} for bad credentials; {@code priority} derived from impact × urgency
 * (§4); {@code active} false in Closed (7) and Canceled (8) and true in Resolved (6), which FACTS.md §9.2 leaves
 * open; an encoded query's unknown parts ignored, as ServiceNow does by default (§2). Faults and policies per
 * instance come from {@link ServiceNowControl}. Every user and OAuth client is accepted unless credentials were
 * set. Thread-safe.
 */
public final class ServiceNowStandIn {
    static final String INTAKE_PREFIX = "/servicenow/";
    static final String CONTROL_PREFIX = "/_sim/servicenow/";
    static final String TABLE = "/api/now/table/incident";
    static final String TOKEN = "/oauth_token.do";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The base Priority Lookup Rules, impact → urgency → priority (§4, [PRIO]). */
    private static final String[][] PRIORITY = { { "1", "2", "3" }, { "2", "3", "4" }, { "3", "4", "5" } };
    private static final Map<String, Integer> LIMITS = Map.of("short_description", 160, "description", 4000,
            "close_notes", 4000, "work_notes", 4000, "comments", 4000, "correlation_id", 100, "correlation_display", 100);
    private static final Set<String> CHOICES_1_3 = Set.of("impact", "urgency");
    private static final DateTimeFormatter GLIDE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong numbers = new AtomicLong(10000);
    private final Map<String, Instance> instances = new HashMap<>();
    private final List<ServiceNowRequest> requests = new ArrayList<>();

    /** One instance's incidents (by sys_id, in creation order), credentials, tokens, faults and policies. */
    private static final class Instance {
        final Map<String, ObjectNode> incidents = new LinkedHashMap<>();
        final Map<String, List<String>> workNotes = new HashMap<>();
        final Map<String, Instant> tokens = new HashMap<>();
        final List<ServiceNowFault> faults = new ArrayList<>();
        final Map<ServiceNowFault, Integer> faultLeft = new HashMap<>();
        String username;
        String password;
        String clientId;
        String clientSecret;
        long tokenLifetimeSeconds = 1799;
        boolean requireCloseFields;
    }

    ServiceNowStandIn(Clock clock) {
        this.clock = clock;
    }

    static ServiceNowStandIn mount(HttpServer server, Clock clock) {
        ServiceNowStandIn standIn = new ServiceNowStandIn(clock);
        server.createContext(INTAKE_PREFIX, new ServiceNowIntake(standIn));
        server.createContext(CONTROL_PREFIX, new ServiceNowControl(standIn));
        return standIn;
    }

    /** An instance name: 1 to 64 of A-Z a-z 0-9 _ -. */
    public static boolean isInstanceName(String name) {
        return name != null && name.matches("[A-Za-z0-9_-]{1,64}");
    }

    // ---- What tests and the control routes set

    /** Only this user and password are accepted by {@code instance} from now on. */
    public synchronized void requireBasic(String instance, String username, String password) {
        Instance i = instance(instance);
        i.username = username;
        i.password = password;
    }

    /** Only this OAuth client is given tokens by {@code instance} from now on. */
    public synchronized void requireClient(String instance, String clientId, String clientSecret) {
        Instance i = instance(instance);
        i.clientId = clientId;
        i.clientSecret = clientSecret;
    }

    /** The {@code expires_in} of the tokens {@code instance} gives from now on. */
    public synchronized void setTokenLifetime(String instance, long seconds) {
        instance(instance).tokenLifetimeSeconds = seconds;
    }

    /** Every token {@code instance} gave stops working (a revocation, an expiry the client did not expect). */
    public synchronized void revokeTokens(String instance) {
        instance(instance).tokens.clear();
    }

    /** Whether a resolve or close without close_code and close_notes is refused, as a data policy would (§5, §9.1). */
    public synchronized void setRequireCloseFields(String instance, boolean require) {
        instance(instance).requireCloseFields = require;
    }

    public synchronized void injectFault(String instance, ServiceNowFault fault) {
        Instance i = instance(instance);
        i.faults.add(fault);
        i.faultLeft.put(fault, fault.count());
    }

    public synchronized void clearFaults(String instance) {
        Instance i = instance(instance);
        i.faults.clear();
        i.faultLeft.clear();
    }

    public synchronized void reset() {
        instances.clear();
        requests.clear();
    }

    // ---- What tests read

    /** The instance's incidents as they stand, in creation order. */
    public synchronized List<JsonNode> incidents(String instance) {
        return instance(instance).incidents.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    /** The incidents whose correlation_id is {@code correlationId}. */
    public List<JsonNode> incidentsWithCorrelationId(String instance, String correlationId) {
        return incidents(instance).stream().filter(n -> correlationId.equals(n.path("correlation_id").asString(""))).toList();
    }

    /** The work notes added to one incident, oldest first. */
    public synchronized List<String> workNotes(String instance, String sysId) {
        return List.copyOf(instance(instance).workNotes.getOrDefault(sysId, List.of()));
    }

    /** Every request to {@code instance}, in arrival order. */
    public synchronized List<ServiceNowRequest> requests(String instance) {
        return requests.stream().filter(r -> r.instance().equals(instance)).toList();
    }

    // ---- Intake

    /** How to answer: status, JSON body, extra headers, and whether to drop the connection mid-answer. */
    record Answer(int status, String body, Map<String, String> headers, boolean lose) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, JSON.writeValueAsString(body), Map.of(), false);
        }
    }

    synchronized Answer handle(String instanceName, String method, String rest, String rawQuery, Map<String, String> headers,
            byte[] raw) {
        Instance instance = instance(instanceName);
        if (rest.equals(TOKEN)) {
            return token(instanceName, instance, method, raw);
        }
        String sysId = null;
        if (!rest.equals(TABLE)) {
            if (!rest.startsWith(TABLE + "/") || !rest.substring(TABLE.length() + 1).matches("[0-9a-f]{32}|[^/]+")) {
                return record(instanceName, "unknown", method, rest, rawQuery, null, null, List.of(),
                        error(400, "Requested URI does not represent any resource", rest), Optional.empty());
            }
            sysId = rest.substring(TABLE.length() + 1);
        }
        String kind = switch (method) {
            case "GET" -> sysId == null ? "lookup" : "read";
            case "POST" -> "create";
            case "PATCH", "PUT" -> "update";
            default -> "unknown";
        };
        String who = authorized(instance, headers.get("authorization"));
        JsonNode body = parse(raw);
        if (who == null) {
            Answer refused = new Answer(401, JSON.writeValueAsString(errorBody("User Not Authenticated",
                    "Required to provide Auth information")), Map.of("WWW-Authenticate", "Basic realm=\"Service-now\""),
                    false);
            return record(instanceName, kind, method, rest, rawQuery, "(refused)", body, List.of(), refused,
                    Optional.empty());
        }
        Optional<ServiceNowFault> fault = takeFault(instance, kind);
        if (fault.isPresent() && !fault.get().loseAnswer()) {
            return record(instanceName, kind, method, rest, rawQuery, who, body, List.of(), faultAnswer(fault.get()), fault);
        }
        if ((sysId == null ? !method.equals("GET") && !method.equals("POST")
                : !method.equals("GET") && !method.equals("PATCH") && !method.equals("PUT"))) {
            return record(instanceName, kind, method, rest, rawQuery, who, body, List.of(),
                    error(405, "Method not Supported", "Method " + method + " not supported for this resource"), fault);
        }
        if (!method.equals("GET")) {
            String accept = headers.get("accept");
            String contentType = headers.get("content-type");
            if (accept == null || contentType == null) {
                // §1 [TAPI]: POST, PUT and PATCH require both Accept and Content-Type.
                return record(instanceName, kind, method, rest, rawQuery, who, body, List.of(),
                        error(400, "Invalid request", "Accept and Content-Type headers are required"), fault);
            }
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return record(instanceName, kind, method, rest, rawQuery, who, body, List.of(),
                        error(415, "Unsupported Media Type", "Content-Type " + contentType + " is not supported"), fault);
            }
            if (body == null || !body.isObject()) {
                return record(instanceName, kind, method, rest, rawQuery, who, body, List.of(),
                        error(400, "Exception while reading request", "The payload is not valid JSON."), fault);
            }
        }
        Map<String, String> params = query(rawQuery);
        List<String> problems = new ArrayList<>();
        Answer answer = switch (kind) {
            case "lookup" -> lookup(instance, params);
            case "read" -> read(instance, sysId, params);
            case "create" -> create(instance, (ObjectNode) body, params, problems);
            default -> update(instance, sysId, (ObjectNode) body, params, problems);
        };
        if (fault.isPresent() && fault.get().loseAnswer()) {
            answer = new Answer(answer.status(), answer.body(), answer.headers(), true);
        }
        return record(instanceName, kind, method, rest, rawQuery, who, body, problems, answer, fault);
    }

    private Answer token(String instanceName, Instance instance, String method, byte[] raw) {
        Map<String, String> form = query(new String(raw, StandardCharsets.UTF_8));
        ObjectNode shown = JSON.createObjectNode();
        shown.put("grant_type", form.get("grant_type"));
        shown.put("client_id", form.get("client_id")); // the secret is never recorded
        if (!method.equals("POST")) {
            return record(instanceName, "token", method, TOKEN, null, null, shown, List.of(),
                    error(405, "Method not Supported", "POST the token request"), Optional.empty());
        }
        Optional<ServiceNowFault> fault = takeFault(instance, "token");
        if (fault.isPresent() && !fault.get().loseAnswer()) {
            return record(instanceName, "token", method, TOKEN, null, null, shown, List.of(), faultAnswer(fault.get()), fault);
        }
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        boolean known = clientId != null && !clientId.isBlank() && secret != null && !secret.isBlank()
                && (instance.clientId == null || (instance.clientId.equals(clientId) && instance.clientSecret.equals(secret)));
        if (!"client_credentials".equals(form.get("grant_type")) || !known) {
            // OAuth 2.0's error shape (RFC 6749 §5.2); ServiceNow's exact body is not in FACTS.md.
            ObjectNode refused = JSON.createObjectNode().put("error_description", "access_denied").put("error",
                    "server_error");
            return record(instanceName, "token", method, TOKEN, null, null, shown, List.of(), Answer.json(401, refused),
                    fault);
        }
        String token = "simtok" + hex(24);
        instance.tokens.put(token, clock.instant().plusSeconds(instance.tokenLifetimeSeconds));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("access_token", token);
        answer.put("refresh_token", "");
        answer.put("scope", "useraccount");
        answer.put("token_type", "Bearer");
        answer.put("expires_in", instance.tokenLifetimeSeconds);
        Answer ok = Answer.json(200, answer);
        if (fault.isPresent()) {
            ok = new Answer(ok.status(), ok.body(), ok.headers(), true);
        }
        return record(instanceName, "token", method, TOKEN, null, "client " + clientId, shown, List.of(), ok, fault);
    }

    /** Who is calling ("user x", "bearer"), or null when the credentials are refused. */
    private String authorized(Instance instance, String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.startsWith("Basic ")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0 || colon == decoded.length() - 1) {
                return null;
            }
            String user = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            boolean ok = instance.username == null || (instance.username.equals(user) && instance.password.equals(password));
            return ok ? "user " + user : null;
        }
        if (authorization.startsWith("Bearer ")) {
            Instant until = instance.tokens.get(authorization.substring(7).trim());
            return until != null && clock.instant().isBefore(until) ? "bearer" : null;
        }
        return null;
    }

    private Answer lookup(Instance instance, Map<String, String> params) {
        List<String[]> conditions = new ArrayList<>();
        String orderBy = null;
        boolean descending = false;
        String query = params.getOrDefault("sysparm_query", "");
        for (String part : query.isEmpty() ? new String[0] : query.split("\\^")) {
            if (part.startsWith("ORDERBYDESC")) {
                orderBy = part.substring("ORDERBYDESC".length());
                descending = true;
            } else if (part.startsWith("ORDERBY")) {
                orderBy = part.substring("ORDERBY".length());
            } else if (part.contains("!=")) {
                conditions.add(new String[] { part.substring(0, part.indexOf("!=")), "!=", part.substring(part.indexOf("!=") + 2) });
            } else if (part.contains("=")) {
                conditions.add(new String[] { part.substring(0, part.indexOf('=')), "=", part.substring(part.indexOf('=') + 1) });
            }
            // Anything else is an invalid part, ignored as ServiceNow ignores it by default (§2).
        }
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode incident : instance.incidents.values()) {
            boolean match = true;
            for (String[] c : conditions) {
                if (!incident.has(c[0])) {
                    continue; // an unknown field: ignored (§2)
                }
                String value = incident.path(c[0]).asString("");
                match &= c[1].equals("=") == value.equals(c[2]);
            }
            if (match) {
                rows.add(incident);
            }
        }
        if (orderBy != null) {
            String field = orderBy;
            Comparator<ObjectNode> order = Comparator.comparing(n -> n.path(field).asString(""));
            order = order.thenComparing(n -> n.path("number").asString(""));
            rows.sort(descending ? order.reversed() : order);
        }
        int limit = parseLimit(params.get("sysparm_limit"));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode result = answer.putArray("result");
        rows.stream().limit(limit).forEach(row -> result.add(fields(row, params)));
        return Answer.json(200, answer);
    }

    private Answer read(Instance instance, String sysId, Map<String, String> params) {
        ObjectNode incident = instance.incidents.get(sysId);
        if (incident == null) {
            return notFound();
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("result", fields(incident, params));
        return Answer.json(200, answer);
    }

    private Answer create(Instance instance, ObjectNode body, Map<String, String> params, List<String> problems) {
        ObjectNode incident = JSON.createObjectNode();
        String sysId = hex(16);
        String now = GLIDE_TIME.format(clock.instant());
        incident.put("sys_id", sysId);
        incident.put("number", "INC" + String.format(Locale.ROOT, "%07d", numbers.incrementAndGet()));
        incident.put("state", "1");
        incident.put("incident_state", "1");
        incident.put("active", "true");
        incident.put("impact", "3");
        incident.put("urgency", "3");
        for (String field : List.of("short_description", "description", "correlation_id", "correlation_display",
                "assignment_group", "category", "caller_id", "close_code", "close_notes")) {
            incident.put(field, "");
        }
        incident.put("sys_created_on", now);
        incident.put("sys_updated_on", now);
        String workNote = apply(incident, body, problems);
        incident.put("priority", priority(incident));
        instance.incidents.put(sysId, incident);
        if (workNote != null) {
            instance.workNotes.computeIfAbsent(sysId, k -> new ArrayList<>()).add(workNote);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("result", fields(incident, params));
        return new Answer(201, JSON.writeValueAsString(answer), Map.of("Location",
                "/api/now/table/incident/" + sysId), false);
    }

    private Answer update(Instance instance, String sysId, ObjectNode body, Map<String, String> params, List<String> problems) {
        ObjectNode incident = instance.incidents.get(sysId);
        if (incident == null) {
            return notFound();
        }
        ObjectNode changed = incident.deepCopy();
        String workNote = apply(changed, body, problems);
        String state = changed.path("state").asString("");
        if (instance.requireCloseFields && (state.equals("6") || state.equals("7"))
                && (changed.path("close_code").asString("").isBlank() || changed.path("close_notes").asString("").isBlank())) {
            // A data policy's refusal (§5, §9.1: the exact answer is unconfirmed; 403 per §6 [CODES]).
            return error(403, "Operation Failed", "Data Policy Exception: \n Resolution code is mandatory\n"
                    + " Resolution notes are mandatory\n");
        }
        changed.put("incident_state", state);
        changed.put("active", state.equals("7") || state.equals("8") ? "false" : "true");
        changed.put("priority", priority(changed));
        changed.put("sys_updated_on", GLIDE_TIME.format(clock.instant()));
        instance.incidents.put(sysId, changed);
        if (workNote != null) {
            instance.workNotes.computeIfAbsent(sysId, k -> new ArrayList<>()).add(workNote);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("result", fields(changed, params));
        return Answer.json(200, answer);
    }

    /** Applies the sent fields as ServiceNow stores them (strings); answers the work note, which is a journal entry. */
    private static String apply(ObjectNode incident, ObjectNode body, List<String> problems) {
        String workNote = null;
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            String text = value.isNull() ? "" : value.isString() ? value.stringValue() : value.toString();
            if (!value.isString() && !value.isNull()) {
                problems.add(field + " was sent as " + value.getNodeType() + "; ServiceNow's values are strings");
            }
            Integer limit = LIMITS.get(field);
            if (limit != null && text.codePointCount(0, text.length()) > limit) {
                // What ServiceNow does with longer text is unconfirmed (§9.6): kept whole here, and noted.
                problems.add(field + " is " + text.codePointCount(0, text.length()) + " characters, over its " + limit);
            }
            if (field.startsWith("sys_") || field.equals("number") || field.equals("active")) {
                problems.add(field + " is not writable");
                continue;
            }
            if (field.equals("priority")) {
                problems.add("priority is derived from impact and urgency; it should not be sent");
            }
            if (CHOICES_1_3.contains(field) && !Set.of("1", "2", "3").contains(text)) {
                problems.add(field + " must be 1, 2 or 3, was " + text);
            }
            if (field.equals("work_notes") || field.equals("comments")) {
                if (field.equals("work_notes") && !text.isBlank()) {
                    workNote = text;
                }
                continue;
            }
            incident.put(field, text);
        }
        return workNote;
    }

    private static String priority(ObjectNode incident) {
        int impact = parseLevel(incident.path("impact").asString("3"));
        int urgency = parseLevel(incident.path("urgency").asString("3"));
        return PRIORITY[impact - 1][urgency - 1];
    }

    private static int parseLevel(String value) {
        return switch (value) {
            case "1" -> 1;
            case "2" -> 2;
            default -> 3;
        };
    }

    private static ObjectNode fields(ObjectNode incident, Map<String, String> params) {
        String wanted = params.get("sysparm_fields");
        if (wanted == null || wanted.isBlank()) {
            return incident.deepCopy();
        }
        ObjectNode some = JSON.createObjectNode();
        for (String field : wanted.split(",")) {
            if (incident.has(field.trim())) {
                some.set(field.trim(), incident.get(field.trim()).deepCopy()); // unknown names are ignored (§2)
            }
        }
        return some;
    }

    private static int parseLimit(String value) {
        try {
            return value == null ? 10000 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 10000;
        }
    }

    private Answer faultAnswer(ServiceNowFault fault) {
        if (fault.status() == 429) {
            long reset = clock.instant().getEpochSecond() + 3600;
            ObjectNode body = errorBody("Rate limit exceeded", "Rate limit of 100 requests per hour for Table API exceeded");
            return new Answer(429, JSON.writeValueAsString(body), Map.of("Retry-After",
                    Integer.toString(fault.retryAfterSeconds()), "X-RateLimit-Limit", "100", "X-RateLimit-Reset",
                    Long.toString(reset), "X-RateLimit-Rule", "f0c6b11fc0a8010e00e86a7e2fb9d6ab"), false);
        }
        String message = fault.message() != null ? fault.message() : switch (fault.status()) {
            case 401 -> "User Not Authenticated";
            case 403 -> "Operation Failed";
            case 404 -> "No Record found";
            case 400 -> "Invalid request";
            default -> "Internal server error";
        };
        String detail = fault.detail() != null ? fault.detail() : switch (fault.status()) {
            case 401 -> "Required to provide Auth information";
            case 403 -> "ACL Exception Insert Failed due to security constraints";
            case 404 -> "Record doesn't exist or ACL restricts the record retrieval";
            default -> "";
        };
        Answer answer = error(fault.status(), message, detail);
        return fault.status() == 401 ? new Answer(401, answer.body(), Map.of("WWW-Authenticate",
                "Basic realm=\"Service-now\""), false) : answer;
    }

    private static Answer notFound() {
        return error(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
    }

    private static Answer error(int status, String message, String detail) {
        return Answer.json(status, errorBody(message, detail));
    }

    private static ObjectNode errorBody(String message, String detail) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("detail", detail);
        body.put("status", "failure");
        return body;
    }

    private Answer record(String instance, String kind, String method, String path, String query, String who,
            JsonNode body, List<String> problems, Answer answer, Optional<ServiceNowFault> fault) {
        requests.add(new ServiceNowRequest(sequence.incrementAndGet(), clock.instant(), instance, kind, method, path,
                query, who, body == null ? null : body.deepCopy(), answer.status(), answer.lose(), List.copyOf(problems)));
        return answer;
    }

    private Optional<ServiceNowFault> takeFault(Instance instance, String kind) {
        for (ServiceNowFault fault : instance.faults) {
            if (fault.appliesTo(kind)) {
                int left = instance.faultLeft.getOrDefault(fault, 0);
                if (left == -1) {
                    return Optional.of(fault);
                }
                if (left > 0) {
                    instance.faultLeft.put(fault, left - 1);
                    return Optional.of(fault);
                }
            }
        }
        return Optional.empty();
    }

    private Instance instance(String name) {
        if (!isInstanceName(name)) {
            throw new IllegalArgumentException("An instance name is 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return instances.computeIfAbsent(name, n -> new Instance());
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static JsonNode parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }
}
