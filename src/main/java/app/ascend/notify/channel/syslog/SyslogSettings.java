package app.ascend.notify.channel.syslog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.event.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A syslog channel's {@code config}: the TLS syslog server ({@code host}, {@code port}, default 6514, RFC 5425
 * §4.1), the CA its certificate must chain to ({@code ca_certificate}, PEM; null: the JDK's default trust store),
 * and the RFC 5424 header fields the receiver routes and filters on: {@code hostname} (QRadar matches its Log
 * Source Identifier against it, FACTS.md §6; null: this server's own host name), {@code facility} (Sentinel's
 * data collection rule filters on it, FACTS.md §5) and {@code app_name}. Nothing here is secret: a CA certificate
 * is public, and the destination ({@code host:port}) is shown as it is.
 */
public record SyslogSettings(String host, int port, String caCertificate, String hostname, SyslogFacility facility,
        String appName) implements ChannelSettings {

    static final int DEFAULT_PORT = 6514;
    static final String DEFAULT_APP_NAME = "ascend-notify";

    /** Where this channel's records go: {@code host:port}, an IPv6 literal in brackets. */
    String destination() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The connection this channel's records travel on: server and trusted CA. */
    SyslogConnections.Target target() {
        return new SyslogConnections.Target(host, port, caCertificate);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode config = root.putObject("config");
        config.put("host", host);
        config.put("port", port);
        config.put("ca_certificate", caCertificate);
        config.put("hostname", hostname);
        config.put("facility", facility.wireName());
        config.put("app_name", appName);
        return root;
    }

    static SyslogSettings fromJson(JsonNode root) {
        JsonNode config = root.get("config");
        return new SyslogSettings(config.get("host").stringValue(), config.get("port").asInt(),
                text(config, "ca_certificate"), text(config, "hostname"),
                SyslogFacility.fromWireName(config.get("facility").stringValue()).orElse(SyslogFacility.DEFAULT),
                text(config, "app_name") == null ? DEFAULT_APP_NAME : config.get("app_name").stringValue());
    }

    private static String text(JsonNode config, String field) {
        JsonNode value = config.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }

    /** The same as stored, with the CA's SHA-256 fingerprint beside it so an admin can tell which CA is set. */
    @Override
    public ObjectNode masked() {
        ObjectNode root = toJson();
        ((ObjectNode) root.get("config")).put("ca_certificate_sha256", caCertificate == null ? null : sha256(caCertificate));
        return root;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(CaCertificates.parse(text).get(0).getEncoded()));
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            return null;
        }
    }

    /** Nothing to warn of: without a CA, a server with a public CA's certificate works as meant. */
    @Override
    public List<String> warnings(List<EventType> subscribed) {
        return List.of();
    }

    @Override
    public Map<EventType, String> destinations(List<EventType> subscribed) {
        Map<EventType, String> destinations = new LinkedHashMap<>();
        subscribed.forEach(type -> destinations.put(type, destination()));
        return destinations;
    }

    @Override
    public Optional<String> destinationFor(EventType type) {
        return Optional.of(destination());
    }

    @Override
    public Optional<String> testDestination() {
        return Optional.of(destination());
    }

    @Override
    public String toString() {
        return "SyslogSettings[" + destination() + ", ca=" + (caCertificate == null ? "default" : "set") + ", hostname="
                + hostname + ", facility=" + facility.wireName() + ", appName=" + appName + "]";
    }
}
