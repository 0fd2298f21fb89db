package app.ascend.notify.simulator;

/**
 * A misbehaviour of the ServiceNow stand-in for the next {@code count} requests ({@code -1}: until cleared) of one
 * kind ({@code on}: {@code lookup}, {@code create}, {@code update}, {@code token} or {@code any}) to one instance,
 * answered as ServiceNow would (shared/reference/servicenow/FACTS.md §3, §6):
 * <ul>
 * <li>{@code status} 400, 401, 403, 404, 500, 502 or 503 with {@code {"error":{"message","detail"},"status":"failure"}}
 * ({@code message} and {@code detail} as given, else ServiceNow's usual words), and nothing changed;
 * <li>{@code status} 429: a Rate Limit Rule's answer, {@code Retry-After: retryAfterSeconds} and {@code X-RateLimit-*};
 * <li>{@code loseAnswer}: the request is carried out (the incident is created or updated), then the connection is
 * dropped mid-answer, as when a crash or a network cut loses ServiceNow's answer.
 * </ul>
 */
public record ServiceNowFault(String on, int status, String message, String detail, int retryAfterSeconds,
        boolean loseAnswer, int count) {
    static final java.util.Set<String> KINDS = java.util.Set.of("lookup", "create", "update", "token", "any");

    public ServiceNowFault {
        if (on == null || !KINDS.contains(on)) {
            throw new IllegalArgumentException("'on' must be one of lookup, create, update, token, any");
        }
        if (count == 0 || count < -1) {
            throw new IllegalArgumentException("'count' must be a positive integer or -1 (until cleared)");
        }
        if (loseAnswer == (status != 0)) {
            throw new IllegalArgumentException("A fault is either a 'status' (4xx/5xx) or 'lose_answer'");
        }
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("'status' must be 4xx or 5xx, was " + status);
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("'retry_after' must be >= 0");
        }
    }

    public static ServiceNowFault status(String on, int status, int count) {
        return new ServiceNowFault(on, status, null, null, 1, false, count);
    }

    public static ServiceNowFault fieldError(String on, int status, String message, String detail) {
        return new ServiceNowFault(on, status, message, detail, 1, false, 1);
    }

    public static ServiceNowFault rateLimited(String on, int retryAfterSeconds, int count) {
        return new ServiceNowFault(on, 429, null, null, retryAfterSeconds, false, count);
    }

    public static ServiceNowFault loseAnswer(String on) {
        return new ServiceNowFault(on, 0, null, null, 0, true, 1);
    }

    boolean appliesTo(String kind) {
        return on.equals("any") || on.equals(kind);
    }
}
