package app.ascend.notify.outbound;

import java.time.Duration;
import java.util.Collection;

import org.springframework.stereotype.Component;

/** Makes each channel type's {@link HttpSender}, with its metrics registered at start. */
@Component
public class OutboundHttp {
    private final OutboundAddressPolicy policy;
    private final NotifierMetrics metrics;

    public OutboundHttp(OutboundAddressPolicy policy, NotifierMetrics metrics) {
        this.policy = policy;
        this.metrics = metrics;
    }

    /**
     * A sender for {@code channelType}. {@code guardAddresses}: the URLs are user-entered and must pass
     * {@link OutboundAddressPolicy} before every send (true for every type but those whose base URL only
     * the operator sets).
     */
    public HttpSender sender(String channelType, String displayName, Duration timeout, Collection<Integer> knownStatuses,
            boolean guardAddresses) {
        metrics.register(channelType, knownStatuses);
        return new HttpSender(channelType, displayName, timeout, guardAddresses ? policy : null, metrics);
    }

    public OutboundAddressPolicy policy() {
        return policy;
    }
}
