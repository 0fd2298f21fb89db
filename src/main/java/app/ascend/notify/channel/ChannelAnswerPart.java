package app.ascend.notify.channel;

import tools.jackson.databind.node.ObjectNode;

/**
 * A field another feature adds to every answer about a channel (e.g. what its last reconciliation did), so
 * that feature depends on this package and not the other way round. Must be cheap: it runs for every channel
 * of a list.
 */
public interface ChannelAnswerPart {

    /** Adds this part's fields to {@code view}, or nothing when they do not apply to {@code channel}. */
    void addTo(Channel channel, ObjectNode view);
}
