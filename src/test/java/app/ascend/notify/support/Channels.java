package app.ascend.notify.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Channel bodies and answers for the notification-channels API tests. */
public final class Channels {
    public static final String PATH = "/api/notifications/channels";
    /** The product page's spelling of the same route. */
    public static final String PAGE_PATH = "/api/api/notifications/channels";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Channels() {
    }

    /**
     * A service's integration key PagerDuty would accept (32 letters and digits), different every time. Never one
     * that starts with R: PagerDuty reads that as a ruleset key, which draws a warning for change events (one test
     * in ~60 would see it at random); a test that wants a ruleset key writes one.
     */
    public static String newRoutingKey() {
        StringBuilder key = new StringBuilder();
        while (key.length() < 32) {
            char next = ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length()));
            if (key.length() > 0 || next != 'R') {
                key.append(next);
            }
        }
        return key.toString();
    }

    /** How the page's rule says a key is shown: "****" plus the last 4 characters from 16 characters on. */
    public static String masked(String key) {
        return key.length() >= 16 ? "****" + key.substring(key.offsetByCodePoints(key.length(), -4)) : "****";
    }

    /** A minimal valid PagerDuty channel, mutable so a test can add or change fields. */
    public static Map<String, Object> pagerDuty(String name, String integrationKey) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("integration_key", integrationKey);
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("name", name);
        channel.put("type", "pagerduty");
        channel.put("config", config);
        return channel;
    }

    /** Creates a channel and returns the answer, failing the test unless it is 201. */
    public static JsonNode create(ApiClient client, Object body) {
        ApiResponse created = client.post(PATH, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** The answer's warnings. */
    public static List<String> warnings(JsonNode channel) {
        List<String> warnings = new ArrayList<>();
        channel.get("warnings").forEach(w -> warnings.add(w.stringValue()));
        return warnings;
    }
}
