package app.ascend.notify.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class StaleIncidentsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void offByDefault() {
        assertThat(new IncidentProperties(0).staleBefore(NOW)).isEmpty();
    }

    @Test
    void staleBeforeIsNowMinusTheHours() {
        assertThat(new IncidentProperties(6).staleBefore(NOW)).contains(NOW.minus(Duration.ofHours(6)));
    }

    @Test
    void negativeHoursAreRefused() {
        assertThatThrownBy(() -> new IncidentProperties(-1)).hasMessageContaining("ASCEND_INCIDENT_STALE_HOURS");
    }

    @Test
    void anOpenOrAcknowledgedIncidentWithoutEventsSinceTheThresholdIsStale() {
        Instant threshold = NOW.minus(Duration.ofHours(6));
        Instant before = threshold.minusSeconds(1);

        assertThat(IncidentView.of(incident(IncidentStatus.OPEN, before), threshold, true).stale()).isTrue();
        assertThat(IncidentView.of(incident(IncidentStatus.ACKNOWLEDGED, before), threshold, true).stale()).isTrue();
        assertThat(IncidentView.of(incident(IncidentStatus.OPEN, threshold), threshold, true).stale()).isFalse();
        assertThat(IncidentView.of(incident(IncidentStatus.RESOLVED, before), threshold, true).stale()).isFalse();
        assertThat(IncidentView.of(incident(IncidentStatus.NOT_OPENED, before), threshold, true).stale()).isFalse();
        assertThat(IncidentView.of(incident(IncidentStatus.OPEN, before), null, true).stale()).isFalse();
    }

    @Test
    void theViewShowsTheMaskedKeyOnly() {
        IncidentView view = IncidentView.of(incident(IncidentStatus.OPEN, NOW), null, true);

        assertThat(view.routingKey()).isEqualTo("****cdef");
        assertThat(view.toString()).doesNotContain("0123456789abcdef0123456789abcdef");
    }

    private static Incident incident(IncidentStatus status, Instant lastEventAt) {
        return new Incident("inc_1", "org_1", "chan_1", "pagerduty", "seq", "ascend-act_1", "act_1",
                "us|0123456789abcdef0123456789abcdef", "****cdef", status, lastEventAt.minus(Duration.ofHours(1)),
                lastEventAt, status.isOpen() ? null : lastEventAt,
                status == IncidentStatus.NOT_OPENED ? "PagerDuty refused the trigger (400)" : null, null);
    }
}
