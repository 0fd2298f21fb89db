package app.ascend.notify.channel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import app.ascend.notify.channel.spi.ChannelType;

/**
 * The registry of channel types: every {@link ChannelType} bean, by name. A type that is incomplete (no
 * name, display name, destination noun, owned fields or delivery rules) or that reuses a name stops the
 * start with a message saying which and what is missing, rather than failing at the first event.
 */
@Component
public class ChannelTypes {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,31}");
    private final Map<String, ChannelType> byName = new TreeMap<>();

    public ChannelTypes(List<ChannelType> types) {
        for (ChannelType type : types) {
            List<String> missing = missing(type);
            String label = type.getClass().getName();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("channel type " + label + " is incomplete: " + String.join(", ", missing));
            }
            ChannelType before = byName.putIfAbsent(type.name(), type);
            if (before != null) {
                throw new IllegalStateException("channel types " + before.getClass().getName() + " and " + label
                        + " are both named \"" + type.name() + "\"");
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("no channel type is installed");
        }
    }

    private static List<String> missing(ChannelType type) {
        List<String> missing = new ArrayList<>();
        if (type.name() == null || !NAME.matcher(type.name()).matches()) {
            missing.add("name() must be 2-32 lower-case letters, digits or _ (was " + type.name() + ")");
        }
        if (type.displayName() == null || type.displayName().isBlank()) {
            missing.add("displayName() is empty");
        }
        if (type.destinationNoun() == null || type.destinationNoun().isBlank()) {
            missing.add("destinationNoun() is empty");
        }
        if (type.ownedFields() == null || type.ownedFields().isEmpty()) {
            missing.add("ownedFields() names no field");
        }
        if (type.rules() == null) {
            missing.add("rules() is null");
        }
        return missing;
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

    public Collection<ChannelType> all() {
        return byName.values();
    }
}
