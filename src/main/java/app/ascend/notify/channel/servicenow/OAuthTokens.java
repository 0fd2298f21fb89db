package app.ascend.notify.channel.servicenow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import app.ascend.notify.ids.Sha256;

/**
 * Access tokens got with the client credentials grant, kept per channel and credentials until shortly before they
 * expire ({@code expires_in}, 1800 s by default, FACTS.md §3 [CC]); a rotated secret is another key, so it gets its
 * own token. Only hashes of the credentials are keys. Thread-safe.
 */
final class OAuthTokens {
    /** A token is not used in its last minute (or last half, if it lives less than two): a send may take a while. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    record Token(String accessToken, Instant usableUntil) {
        @Override
        public String toString() {
            return "Token[until " + usableUntil + "]";
        }
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    OAuthTokens(Clock clock) {
        this.clock = clock;
    }

    static String key(String channelId, String instanceUrl, ServiceNowAuth auth) {
        return channelId + "|" + Sha256.hex(instanceUrl + "\n" + auth.clientId() + "\n" + auth.clientSecret());
    }

    /** The token kept for {@code key}, unless it is (nearly) expired. */
    String current(String key) {
        Token token = tokens.get(key);
        if (token == null) {
            return null;
        }
        if (!clock.instant().isBefore(token.usableUntil())) {
            tokens.remove(key, token);
            return null;
        }
        return token.accessToken();
    }

    void keep(String key, String accessToken, long expiresInSeconds) {
        Duration life = Duration.ofSeconds(Math.max(1, expiresInSeconds));
        Duration margin = life.compareTo(MARGIN.multipliedBy(2)) < 0 ? life.dividedBy(2) : MARGIN;
        tokens.put(key, new Token(accessToken, clock.instant().plus(life).minus(margin)));
    }

    /** Forgets the token ServiceNow refused (a 401 with it), so the next request gets a new one. */
    void drop(String key, String accessToken) {
        tokens.computeIfPresent(key, (k, token) -> token.accessToken().equals(accessToken) ? null : token);
    }
}
