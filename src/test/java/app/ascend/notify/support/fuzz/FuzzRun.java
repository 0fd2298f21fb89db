package app.ascend.notify.support.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

import app.ascend.notify.support.ApiResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One endpoint's fuzz run: its cases, the properties every answer must have, the failures found and a
 * count of answers by status. Cases run one after another, each from its own seeded {@link Random}
 * ({@link #random(int)}), so a failure names the seed and case that replay it.
 *
 * <p>The properties of every answer: no 5xx and no dropped connection; a 4xx is RFC 9457
 * {@code application/problem+json} whose {@code status} is the HTTP status; a 2xx with a body is
 * {@code application/json}. Callers add their own (nothing stored after a 4xx, ...).
 */
public final class FuzzRun {
    /** Cases per endpoint: 300 by default (CI), {@code -Dascend.fuzz.cases=10000} for the long run. */
    public static final int CASES = Integer.getInteger("ascend.fuzz.cases", 300);
    /** {@code -Dascend.fuzz.seed=N} replays a run; otherwise every run explores new cases. */
    public static final long SEED = Long.getLong("ascend.fuzz.seed", new Random().nextLong());
    private static final int MAX_REPORTED = 15;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String endpoint;
    private final long seed;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int failureCount;
    private long sendNanos;
    private long loopNanos;
    private long slowestNanos;
    private String slowest = "";

    private final boolean containerRejectionsAllowed;

    public FuzzRun(String endpoint) {
        this(endpoint, false);
    }

    /**
     * {@code containerRejectionsAllowed}: a 400 that is not problem+json passes, for URLs the servlet
     * container or Spring Security's firewall refuse before the application sees them.
     */
    public FuzzRun(String endpoint, boolean containerRejectionsAllowed) {
        this.endpoint = endpoint;
        this.seed = SEED ^ endpoint.hashCode();
        this.containerRejectionsAllowed = containerRejectionsAllowed;
    }

    public int cases() {
        return CASES;
    }

    /** The generator of case {@code index}: the same for the same {@code -Dascend.fuzz.seed}. */
    public Random random(int index) {
        return new Random(seed * 1_000_003L + index);
    }

    /** Runs every case; an exception in one (an assertion of the caller included) is recorded, not thrown. */
    public void forEachCase(Consumer<Integer> fuzzCase) {
        long started = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            try {
                fuzzCase.accept(i);
            } catch (AssertionError | RuntimeException e) {
                fail(i, e.getMessage());
            }
        }
        loopNanos = System.nanoTime() - started;
    }

    /** Sends and checks the answer's common properties; null when the exchange failed (recorded). */
    public ApiResponse send(int index, RawHttp http, String method, String path, String contentType, byte[] body) {
        return send(index, http, method, path, contentType, body, java.util.Map.of());
    }

    /** The same with extra headers. */
    public ApiResponse send(int index, RawHttp http, String method, String path, String contentType, byte[] body,
            java.util.Map<String, String> headers) {
        ApiResponse answer;
        long started = System.nanoTime();
        try {
            answer = http.send(method, path, contentType, body, headers);
            long took = System.nanoTime() - started;
            sendNanos += took;
            if (took > slowestNanos) {
                slowestNanos = took;
                slowest = "case " + index + " " + answer.status() + " " + (body == null ? 0 : body.length) + " bytes";
            }
        } catch (IOException e) {
            fail(index, "no answer (" + e + ") to " + method + " " + path + " " + describe(contentType, body));
            return null;
        }
        statuses.merge(answer.status(), 1, Integer::sum);
        String problem = violation(answer);
        if (problem != null) {
            fail(index, problem + " to " + method + " " + path + " " + describe(contentType, body) + " → " + answer.status()
                    + " " + answer.contentType() + " " + excerpt(answer.body()));
        }
        return answer;
    }

    private String violation(ApiResponse answer) {
        int status = answer.status();
        if (status >= 500 || status < 200) {
            return "status " + status;
        }
        if (status >= 400) {
            if (!answer.isProblem() && status == 400 && containerRejectionsAllowed) {
                return null;
            }
            if (!answer.isProblem()) {
                return "a 4xx that is not application/problem+json";
            }
            JsonNode body;
            try {
                body = JSON.readTree(answer.body());
            } catch (RuntimeException e) {
                return "a problem body that is not JSON";
            }
            if (body.path("status").asInt() != status) {
                return "a problem whose status is not the HTTP status";
            }
            return null;
        }
        if (status != 204 && (answer.contentType() == null || !answer.contentType().startsWith("application/json"))) {
            return "a 2xx that is not application/json";
        }
        return null;
    }

    public void fail(int index, String message) {
        failureCount++;
        if (failures.size() < MAX_REPORTED) {
            failures.add("case " + index + " (-Dascend.fuzz.seed=" + SEED + "): " + printable(String.valueOf(message)));
        }
    }

    /** ASCII only: a lone surrogate or a control character in a report would cut it short. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\n' || (c >= 0x20 && c < 0x7F) ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    /** Prints the count by status and fails with the first failures, if any. */
    public void assertNoFailures() {
        System.out.printf("fuzz %s: %d cases, seed %d, answers by status %s, %d failures; %d ms in all, %d ms answering, slowest %d ms (%s)%n",
                endpoint, CASES, SEED, statuses, failureCount, loopNanos / 1_000_000, sendNanos / 1_000_000, slowestNanos / 1_000_000, slowest);
        assertThat(failures).as(endpoint + ": " + failureCount + " failing cases of " + CASES + " (seed " + SEED + ")")
                .isEmpty();
    }

    public Map<Integer, Integer> statuses() {
        return statuses;
    }

    private static String describe(String contentType, byte[] body) {
        return "[Content-Type " + contentType + ", " + (body == null ? 0 : body.length) + " bytes: "
                + (body == null ? "" : excerpt(new String(body, StandardCharsets.UTF_8))) + "]";
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 400 ? text : text.substring(0, 300) + " …(" + text.length() + " chars)… "
                + text.substring(text.length() - 80);
    }
}
