package app.ascend.notify.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param staleHours  an open incident whose action has had no event for this many hours is listed as
 *                    stale, so orphaned incidents (a resolve that never came) can be found and closed
 *                    ({@code ASCEND_INCIDENT_STALE_HOURS}; 0, the default, turns it off)
 */
@ConfigurationProperties("ascend.incidents")
public record IncidentProperties(int staleHours) {
    public IncidentProperties {
        if (staleHours < 0) {
            throw new IllegalArgumentException(
                    "ascend.incidents.stale-hours (ASCEND_INCIDENT_STALE_HOURS) must be 0 (off) or more: " + staleHours);
        }
    }

    /** Open incidents whose last event is before this instant are stale; empty when the check is off. */
    public Optional<Instant> staleBefore(Instant now) {
        return staleHours == 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofHours(staleHours)));
    }
}
