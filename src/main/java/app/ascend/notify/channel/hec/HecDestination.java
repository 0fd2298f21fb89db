package app.ascend.notify.channel.hec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import app.ascend.notify.outbound.Redaction;

/**
 * A delivery's destination: the collector's base URL, then {@code #} and the index when the channel names one
 * ({@code https://splunk.example.com:8088#ascend}). The fragment is never sent: it only keeps two channels that feed
 * one collector's two indexes apart (duplicate warnings, batches). Events go to {@link #eventUrl}.
 */
record HecDestination(URI base, String index) {
    static final String EVENT_PATH = "/services/collector/event";
    static final String ACK_PATH = "/services/collector/ack";

    static String of(String url, String index) {
        return index == null ? url : url + "#" + index;
    }

    static Optional<HecDestination> parse(String destination) {
        int hash = destination.indexOf('#');
        String url = hash < 0 ? destination : destination.substring(0, hash);
        try {
            URI base = new URI(url);
            if (!base.isAbsolute() || base.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(new HecDestination(base, hash < 0 ? null : destination.substring(hash + 1)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    URI eventUrl() {
        return URI.create(trimmed() + EVENT_PATH);
    }

    URI ackUrl() {
        return URI.create(trimmed() + ACK_PATH);
    }

    String masked() {
        return Redaction.url(base) + (index == null ? "" : " (index " + index + ")");
    }

    private String trimmed() {
        return base.toString().replaceAll("/+$", "");
    }
}
