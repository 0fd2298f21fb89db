package app.ascend.notify.channel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.ChannelRef;
import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.channel.spi.ChannelType;
import app.ascend.notify.channel.spi.DeliveryRules;
import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.channel.spi.RateLimit;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.node.ObjectNode;

/** A channel type that leaves out part of the seam fails the start, saying which type and what, not the first event. */
class IncompleteChannelTypeStopsTheStartTest {

    @Test
    void aTypeWithoutDeliveryRulesOrDisplayNameIsRefusedByName() {
        assertThatThrownBy(() -> new ChannelTypes(List.of(new Stub("chat", null, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Stub.class.getName())
                .hasMessageContaining("displayName() is empty")
                .hasMessageContaining("rules() is null");
    }

    @Test
    void twoTypesWithOneNameAreRefused() {
        DeliveryRules rules = new DeliveryRules(false, false, DeliveryRules.FollowUps.EVERY_EVENT, false);
        assertThatThrownBy(() -> new ChannelTypes(List.of(new Stub("chat", "Chat", rules), new Stub("chat", "Chat", rules))))
                .hasMessageContaining("both named \"chat\"");
    }

    @Test
    void aNameThatIsNotAWireNameIsRefused() {
        DeliveryRules rules = new DeliveryRules(false, false, DeliveryRules.FollowUps.EVERY_EVENT, false);
        assertThatThrownBy(() -> new ChannelTypes(List.of(new Stub("Chat Room", "Chat", rules))))
                .hasMessageContaining("name() must be");
    }

    @Test
    void rulesThatContradictEachOtherAreRefusedWhenWritten() {
        assertThatThrownBy(() -> new DeliveryRules(false, true, DeliveryRules.FollowUps.EVERY_EVENT, false))
                .hasMessageContaining("merge");
        assertThatThrownBy(() -> new DeliveryRules(false, false, DeliveryRules.FollowUps.OPEN_INCIDENTS, false))
                .hasMessageContaining("open incidents");
    }

    private record Stub(String name, String displayName, DeliveryRules rules) implements ChannelType {
        @Override
        public String destinationNoun() {
            return "room";
        }

        @Override
        public List<String> ownedFields() {
            return List.of("config");
        }

        @Override
        public ChannelSettings readSettings(JsonFields channel, ChannelSettings stored, List<EventType> events) {
            return null;
        }

        @Override
        public ChannelSettings parse(ObjectNode stored) {
            return null;
        }

        @Override
        public RenderedMessage render(ChannelRef channel, GovernanceEvent event, String organizationName) {
            return null;
        }

        @Override
        public RenderedMessage renderTest(ChannelRef channel, String summary, String dedupKey, String organizationName,
                MessageKind kind) {
            return null;
        }

        @Override
        public String maskDestination(String destination) {
            return "****";
        }

        @Override
        public RateLimit rateLimit(String destination, ChannelSettings settings) {
            return RateLimit.NONE;
        }

        @Override
        public SendResult send(Outgoing message) {
            return null;
        }
    }
}
