package app.ascend.notify.delivery;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code dispatcher} component of readiness: DOWN while this instance's dispatcher is not running
 * (not yet started, or stopping), so a load balancer sends no ingest to an instance that would not send
 * it on. Events accepted meanwhile would still be sent by another instance, but an instance whose
 * sending stopped is a fault worth seeing.
 */
@Component("dispatcher")
class DispatcherHealthIndicator implements HealthIndicator {
    private final DeliveryDispatcher dispatcher;

    DispatcherHealthIndicator(DeliveryDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Health health() {
        return dispatcher.isRunning() ? Health.up().build() : Health.down().withDetail("dispatcher", "stopped").build();
    }
}
