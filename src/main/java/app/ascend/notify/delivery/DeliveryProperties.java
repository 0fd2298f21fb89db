package app.ascend.notify.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxAge         how long a delivery is retried before it is dead ({@code ASCEND_DELIVERY_MAX_AGE}, 24 h)
 * @param workers        how many sends run at once on this instance
 * @param pollInterval   the safety-net poll; new deliveries are dispatched as soon as their event commits
 * @param lease          how long a claim holds before another instance may take the delivery over
 * @param claimBatch     deliveries claimed per query
 * @param recordWait     how long the recorder waits for more answers after the first before committing
 *                       (null: 10 ms); it delays no send, only when a worker frees, and one commit then
 *                       records many answers
 */
@ConfigurationProperties("ascend.delivery")
public record DeliveryProperties(Duration maxAge, int workers, Duration pollInterval, Duration lease,
        int claimBatch, Duration recordWait) {

    public DeliveryProperties {
        recordWait = recordWait == null || recordWait.isNegative() ? Duration.ofMillis(10) : recordWait;
    }
}
