package app.ascend.notify.outbound;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every outbound request of every channel type, named the way Alertmanager names its
 * {@code alertmanager_notification_requests_total{integration}} and
 * {@code alertmanager_notification_latency_seconds}: {@code ascend_notifier_requests_total{channel_type,
 * status}} (the HTTP status, or {@code error} when no answer came) and
 * {@code ascend_notifier_request_duration_seconds{channel_type}}. A type's documented statuses exist at
 * zero from the start, so an alert rule sees 0 rather than "no data"; others appear as seen (HTTP
 * statuses are few, so the label stays bounded).
 */
@Component
public class NotifierMetrics {
    public static final String NO_ANSWER = "error";
    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();

    public NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Creates a type's series at zero: its documented statuses and {@code error}. */
    public void register(String channelType, Collection<Integer> knownStatuses) {
        knownStatuses.forEach(status -> counter(channelType, String.valueOf(status)));
        counter(channelType, NO_ANSWER);
        timer(channelType);
    }

    /** One request finished: {@code status} null when no answer came. */
    public void answered(String channelType, Integer status, Duration took) {
        counter(channelType, status == null ? NO_ANSWER : String.valueOf(status)).increment();
        timer(channelType).record(took);
    }

    private Counter counter(String channelType, String status) {
        return requests.computeIfAbsent(channelType + "|" + status, key -> Counter.builder("ascend.notifier.requests")
                .description("Requests to a channel type's destination by HTTP status; \"error\" when no answer came")
                .tag("channel_type", channelType).tag("status", status).register(registry));
    }

    private Timer timer(String channelType) {
        return durations.computeIfAbsent(channelType, key -> Timer.builder("ascend.notifier.request.duration")
                .description("How long one request to a channel type's destination took, answer or not")
                .tag("channel_type", channelType).register(registry));
    }
}
