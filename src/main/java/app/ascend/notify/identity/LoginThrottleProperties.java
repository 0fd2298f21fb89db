package app.ascend.notify.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force defence: {@code maxFailuresPerAccount} failed sign-ins for one account (default 5), or
 * {@code maxFailuresPerAddress} from one client address (default 50), within {@code window} (15 min)
 * lock that account or address out for {@code lockout} (15 min), even with the right password.
 */
@ConfigurationProperties("ascend.login")
public record LoginThrottleProperties(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window,
        Duration lockout) {
}
