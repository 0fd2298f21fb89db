package app.ascend.notify.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.ascend.notify.delivery.spi.ChannelNotifier;

/** Every {@link ChannelNotifier} bean, by channel type: the pipeline knows no concrete channel. */
@Component
public class Notifiers {
    private final Map<String, ChannelNotifier> byType;

    public Notifiers(List<ChannelNotifier> notifiers) {
        this.byType = notifiers.stream().collect(Collectors.toMap(ChannelNotifier::channelType, Function.identity()));
    }

    /** The channel types there are notifiers for (metrics create their series per type at start). */
    public Set<String> channelTypes() {
        return byType.keySet();
    }

    public ChannelNotifier forType(String channelType) {
        ChannelNotifier notifier = byType.get(channelType);
        if (notifier == null) {
            throw new IllegalStateException("no notifier for channel type " + channelType);
        }
        return notifier;
    }
}
