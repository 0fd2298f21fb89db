package app.ascend.notify.channel.hec;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.ascend.notify.channel.spi.Batching;
import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.event.EventType;
import app.ascend.notify.outbound.Redaction;
import app.ascend.notify.secret.KeyMask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Splunk HEC channel's {@code config}: the collector's base URL (events go to {@code <url>/services/collector/event},
 * shared/reference/splunk-hec/FACTS.md §1), the HEC token (a secret: stored in clear here, sealed by the core, masked
 * in every answer), the optional event metadata ({@code index}, {@code sourcetype}, {@code source}, {@code host}; null
 * leaves the token's defaults, FACTS.md §3), how events are gathered into one request, and whether to wait for
 * indexer acknowledgement (FACTS.md §6).
 *
 * @param batchMaxBytes  at most this many bytes of events in one request
 * @param batchMaxWaitMs how long the first event of a batch waits for others
 * @param batchMaxEvents at most this many events in one request
 * @param useAck         poll {@code /services/collector/ack} until the request's events are indexed
 */
public record HecSettings(String url, String token, String index, String sourcetype, String source, String host,
        int batchMaxBytes, int batchMaxWaitMs, int batchMaxEvents, boolean useAck) implements ChannelSettings {

    /**
     * Under HEC's request limit ({@code limits.conf [http_input] max_content_length}, 838860800 bytes by default,
     * FACTS.md §4) by far, and under the 2 MiB Splunk's own OpenTelemetry exporter caps a request at: an alert
     * stream never needs more, and a worker holds each event of a request until it is answered.
     */
    public static final int DEFAULT_BATCH_MAX_BYTES = 1_000_000;
    /** One event may be 5 MB ({@code maxEventSize}, FACTS.md §4); a request above that is refused when saved. */
    public static final int MAX_BATCH_MAX_BYTES = 5_000_000;
    public static final int MIN_BATCH_MAX_BYTES = 10_000;
    public static final int DEFAULT_BATCH_MAX_WAIT_MS = 1000;
    public static final int MAX_BATCH_MAX_WAIT_MS = 5000;
    public static final int DEFAULT_BATCH_MAX_EVENTS = 1000;
    public static final int MAX_BATCH_MAX_EVENTS = 1000;
    /** Splunk's default {@code sourcetype} for HEC JSON events is {@code httpevent} ([R3] in FACTS.md); ours names the product. */
    public static final String DEFAULT_SOURCETYPE = "ascend:notify:event";

    /** How this channel's events are gathered into one request. */
    public Batching batching() {
        return new Batching(batchMaxEvents, batchMaxBytes, Duration.ofMillis(batchMaxWaitMs));
    }

    /** The URL as answers show it: scheme, host and port. */
    String maskedUrl() {
        return Redaction.url(URI.create(url));
    }

    String maskedToken() {
        return KeyMask.mask(token);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode config = root.putObject("config");
        config.put("url", url);
        config.put("token", token);
        config.put("index", index);
        config.put("sourcetype", sourcetype);
        config.put("source", source);
        config.put("host", host);
        config.put("batch_max_bytes", batchMaxBytes);
        config.put("batch_max_wait_ms", batchMaxWaitMs);
        config.put("batch_max_events", batchMaxEvents);
        config.put("use_ack", useAck);
        return root;
    }

    static HecSettings fromJson(JsonNode root) {
        JsonNode config = root.get("config");
        return new HecSettings(config.get("url").stringValue(), config.get("token").stringValue(), text(config, "index"),
                text(config, "sourcetype"), text(config, "source"), text(config, "host"),
                config.get("batch_max_bytes").intValue(), config.get("batch_max_wait_ms").intValue(),
                config.get("batch_max_events").intValue(), config.get("use_ack").booleanValue());
    }

    private static String text(JsonNode config, String field) {
        JsonNode value = config.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }

    @Override
    public ObjectNode masked() {
        ObjectNode root = toJson();
        ObjectNode config = (ObjectNode) root.get("config");
        config.put("url", maskedUrl());
        config.put("token", maskedToken());
        return root;
    }

    @Override
    public List<String> warnings(List<EventType> subscribed) {
        List<String> warnings = new ArrayList<>();
        if ("http".equalsIgnoreCase(URI.create(url).getScheme())) {
            warnings.add("config.url uses http: ASCEND_OUTBOUND_ALLOW allows this host, but the events and the HEC token "
                    + "travel unencrypted; HEC serves https by default (enableSSL = true)");
        }
        if (!useAck) {
            warnings.add("config.use_ack is false: HEC answers 200 when the data looks valid, before it is indexed, so an "
                    + "event lost inside Splunk afterwards is not noticed; turn on indexer acknowledgement on the token "
                    + "and set config.use_ack to true where every event must be indexed (Splunk Enterprise only)");
        }
        return warnings;
    }

    @Override
    public Map<EventType, String> destinations(List<EventType> subscribed) {
        Map<EventType, String> destinations = new LinkedHashMap<>();
        subscribed.forEach(type -> destinations.put(type, destination()));
        return destinations;
    }

    /**
     * Where events go, as deliveries hold it: the URL and the index, so two channels feeding one collector's two
     * indexes are not duplicates of each other, while two feeding the same index are.
     */
    String destination() {
        return HecDestination.of(url, index);
    }

    @Override
    public Optional<String> destinationFor(EventType type) {
        return Optional.of(destination());
    }

    @Override
    public Optional<String> testDestination() {
        return Optional.of(destination());
    }

    /** Never the token, should a record ever be logged. */
    @Override
    public String toString() {
        return "HecSettings[url=" + maskedUrl() + ", token=" + maskedToken() + ", index=" + index + ", sourcetype="
                + sourcetype + ", useAck=" + useAck + "]";
    }
}
