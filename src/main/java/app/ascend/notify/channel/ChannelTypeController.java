package app.ascend.notify.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.DeliveryRules;
import app.ascend.notify.event.EventType;

/**
 * The installed channel types, as {@link ChannelTypes} holds them: what a client needs to offer and
 * describe a type (the console's type select, the destination's name in its sentences) without
 * knowing any vendor. Sorted by type name.
 */
@RestController
class ChannelTypeController {
    private final ChannelTypes types;

    ChannelTypeController(ChannelTypes types) {
        this.types = types;
    }

    /**
     * @param followUps      {@code open_incidents}: resolves and acknowledges go where an incident is open;
     *                       {@code every_event}: every subscribed event is a message of its own
     * @param opensIncidents a trigger opens an incident per (channel, destination, dedup key)
     * @param refusedEvents  event types channels of this type never take ({@link ChannelType#refuses}): a channel
     *                       listing one is refused, so the console does not offer them
     */
    record ChannelTypeView(String type, String displayName, String destinationNoun, List<String> ownedFields,
            String followUps, boolean opensIncidents, List<String> refusedEvents) {

        static ChannelTypeView of(ChannelType type) {
            DeliveryRules rules = type.rules();
            return new ChannelTypeView(type.name(), type.displayName(), type.destinationNoun(),
                    List.copyOf(type.ownedFields()), rules.followUps().name().toLowerCase(Locale.ROOT),
                    rules.opensIncidents(), Arrays.stream(EventType.values())
                            .filter(event -> type.refuses(event).isPresent()).map(EventType::wireName).toList());
        }
    }

    record ChannelTypeList(List<ChannelTypeView> channelTypes) {
    }

    @GetMapping("/api/notifications/channel-types")
    ChannelTypeList list() {
        return new ChannelTypeList(types.all().stream().map(ChannelTypeView::of).toList());
    }
}
