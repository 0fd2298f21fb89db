package app.ascend.notify.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The Teams stand-in: Workflows flows ("Post to a channel when a webhook request is received"), each reached at
 * {@code POST /teams/workflows/{flow}}. Like Power Automate (shared/reference/teams/FACTS.md §4, §7) a post is
 * answered {@code 202 Accepted} with no body as soon as the flow runs, whether or not the card can be posted; the
 * card is then checked as Teams would ({@link TeamsCardCheck}) and the run recorded as Succeeded or Failed, the
 * failure visible only here (the flow's run history). A flow in strict mode answers a failed check with 400 and
 * the problems instead, for tests that want the sender to see it. Faults per flow ({@link TeamsFault}). Thread-safe.
 */
public final class TeamsWorkflows {
    private static final Pattern FLOW = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Flow> flows = new HashMap<>();

    TeamsWorkflows(Clock clock) {
        this.clock = clock;
    }

    /** How to answer one post. */
    record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
    }

    private static final class Flow {
        final List<ReceivedTeamsPost> posts = new ArrayList<>();
        TeamsFault fault;
        int faultLeft;
        boolean strict;
    }

    static boolean isFlowName(String name) {
        return name != null && FLOW.matcher(name).matches();
    }

    /** Runs the flow for one post: an injected fault, or 202 with the card checked (400 in strict mode). */
    Answer receive(String name, byte[] body) {
        requireName(name);
        synchronized (this) {
            Flow flow = flows.computeIfAbsent(name, n -> new Flow());
            TeamsFault fault = flow.fault;
            if (fault != null && flow.faultLeft != TeamsFault.UNTIL_CLEARED && --flow.faultLeft == 0) {
                flow.fault = null;
            }
            long delay = fault == null ? 0 : fault.delay().toMillis();
            if (fault != null && fault.status() != 0) {
                Map<String, String> headers = fault.retryAfter() == null ? Map.of() : Map.of("Retry-After", fault.retryAfter());
                record(flow, name, fault.status(), body, ReceivedTeamsPost.NOT_RUN, List.of("injected " + fault.status()));
                return new Answer(fault.status(), fault.answerBody(), headers, delay);
            }
            List<String> problems = TeamsCardCheck.problems(body);
            if (problems.isEmpty()) {
                record(flow, name, 202, body, ReceivedTeamsPost.SUCCEEDED, List.of());
                return new Answer(202, null, Map.of(), delay);
            }
            if (flow.strict) {
                record(flow, name, 400, body, ReceivedTeamsPost.NOT_RUN, problems);
                return new Answer(400, "{\"error\":{\"code\":\"InvalidCard\",\"message\":\""
                        + String.join("; ", problems).replace("\"", "'") + "\"}}", Map.of(), delay);
            }
            record(flow, name, 202, body, ReceivedTeamsPost.FAILED, problems);
            return new Answer(202, null, Map.of(), delay);
        }
    }

    private void record(Flow flow, String name, int status, byte[] body, String runStatus, List<String> problems) {
        List<String> parseProblems = new ArrayList<>();
        flow.posts.add(new ReceivedTeamsPost(sequence.incrementAndGet(), name, clock.instant(), status,
                TeamsCardCheck.parse(body, parseProblems), body.length, runStatus, List.copyOf(problems)));
    }

    /** Every post to the flow, in arrival order, faults and failed runs too. */
    public synchronized List<ReceivedTeamsPost> posts(String name) {
        Flow flow = flows.get(name);
        return flow == null ? List.of() : List.copyOf(flow.posts);
    }

    /** The cards the flow posted to its channel (runs that succeeded), in arrival order. */
    public synchronized List<ReceivedTeamsPost> messages(String name) {
        return posts(name).stream().filter(ReceivedTeamsPost::posted).toList();
    }

    /** Answers the next posts with {@code fault}, replacing any fault set before. */
    public synchronized void injectFault(String name, TeamsFault fault) {
        requireName(name);
        Flow flow = flows.computeIfAbsent(name, n -> new Flow());
        flow.fault = fault;
        flow.faultLeft = fault.count();
    }

    public synchronized Optional<TeamsFault> fault(String name) {
        Flow flow = flows.get(name);
        return flow == null ? Optional.empty() : Optional.ofNullable(flow.fault);
    }

    public synchronized void clearFaults(String name) {
        Flow flow = flows.get(name);
        if (flow != null) {
            flow.fault = null;
        }
    }

    /** Strict: a card Teams would not post is answered 400 with the problems, not 202. */
    public synchronized void strict(String name, boolean strict) {
        requireName(name);
        flows.computeIfAbsent(name, n -> new Flow()).strict = strict;
    }

    public synchronized boolean strict(String name) {
        Flow flow = flows.get(name);
        return flow != null && flow.strict;
    }

    public synchronized void forget(String name) {
        flows.remove(name);
    }

    public synchronized void reset() {
        flows.clear();
    }

    /** Posts per flow and run status, for {@code GET /_sim/teams}. */
    synchronized Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        flows.forEach((name, flow) -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            flow.posts.forEach(post -> byStatus.merge(post.runStatus(), 1L, Long::sum));
            counts.put(name, byStatus);
        });
        return counts;
    }

    private static void requireName(String name) {
        if (!isFlowName(name)) {
            throw new IllegalArgumentException("A Teams flow name is 1 to 64 of A-Z a-z 0-9 _ -");
        }
    }
}
