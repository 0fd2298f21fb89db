package app.ascend.notify.channel.spi;

/** The channel a message is rendered for: what a channel type may read of it. */
public record ChannelRef(String id, String name, String organizationId, ChannelSettings settings) {
}
