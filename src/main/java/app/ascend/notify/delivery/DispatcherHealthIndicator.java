package app.ascend.notify.delivery;

import java.time.Clock;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code dispatcher} component of readiness: DOWN while this instance's dispatcher is not running
 * (not yet started, or stopping), and while it runs but cannot make progress ({@link DispatcherProgress}:
 * its loop hangs, or every worker is held by a send that is not coming back), so a load balancer sends
 * no ingest to an instance that would not send it on. Events accepted meanwhile would still be sent by
 * another instance, but an instance whose sending stopped is a fault worth seeing.
 */
@Component("dispatcher")
class DispatcherHealthIndicator implements HealthIndicator {
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    DispatcherHealthIndicator(DeliveryDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (!dispatcher.isRunning()) {
            return Health.down().withDetail("dispatcher", "stopped").build();
        }
        return dispatcher.progress().stuck(clock.instant())
                .map(reason -> Health.down().withDetail("dispatcher", reason).build())
                .orElseGet(() -> Health.up().build());
    }
}
