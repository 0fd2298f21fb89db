package app.ascend.notify.simulator;

import java.util.List;

/**
 * One HEC token of a stand-in collector, as {@code inputs.conf [http://name]} sets it (shared/reference/splunk-hec/
 * FACTS.md §2, [SPEC-IN]): {@code disabled} (403 code 1), {@code useACK} (a data channel required, ackIds given),
 * {@code indexes} (the allowed ones; empty allows any, otherwise another index is 400 code 7).
 */
public record HecToken(boolean disabled, boolean useAck, List<String> indexes) {
    public static final HecToken ENABLED = new HecToken(false, false, List.of());

    public HecToken {
        indexes = List.copyOf(indexes);
    }

    public static HecToken withAck() {
        return new HecToken(false, true, List.of());
    }
}
