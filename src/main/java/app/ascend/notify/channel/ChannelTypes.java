package app.ascend.notify.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** The registry of channel types: every {@link ChannelType} bean, by name. */
@Component
public class ChannelTypes {
    private final Map<String, ChannelType> byName = new TreeMap<>();

    public ChannelTypes(List<ChannelType> types) {
        types.forEach(type -> byName.put(type.name(), type));
    }

    public Optional<ChannelType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public ChannelType get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("no channel type " + name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
