package app.ascend.notify.channel.syslog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.web.JsonFields;

/**
 * Reads and validates a syslog channel's {@code config}. The host is a DNS name or an IP literal (no scheme, no
 * port) and must not reach a loopback, private, link-local or metadata address unless ASCEND_OUTBOUND_ALLOW lists it
 * ({@link OutboundAddressPolicy}, checked again before every connection). The CA certificate must parse as PEM; the
 * header fields must be printable US-ASCII within RFC 5424's lengths (§6.2.4-6.2.5), since a receiver drops or
 * misroutes a message whose header is not.
 */
final class SyslogSettingsReader {
    static final Set<String> CONFIG_FIELDS = Set.of("host", "port", "ca_certificate", "hostname", "facility", "app_name",
            "ca_certificate_sha256");
    static final int HOST_MAX = 253;
    static final int CA_MAX = 65_536;
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?i)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");

    private final JsonFields channel;
    private final OutboundAddressPolicy policy;

    SyslogSettingsReader(JsonFields channel, OutboundAddressPolicy policy) {
        this.channel = channel;
        this.policy = policy;
    }

    /** The settings, or null when an error was recorded. */
    SyslogSettings read() {
        Optional<JsonFields> maybeConfig = channel.requiredObject("config", "is required: give config.host (and config.port, "
                + "6514 by default) of the syslog server that takes RFC 5425 TLS, and config.ca_certificate, the PEM of "
                + "the CA that signed its certificate");
        if (maybeConfig.isEmpty()) {
            return null;
        }
        JsonFields config = maybeConfig.get();
        int errorsBefore = channel.errors().list().size();
        config.rejectUnknown(CONFIG_FIELDS);
        String host = host(config);
        int port = config.integer("port", 1, 65_535).orElse(SyslogSettings.DEFAULT_PORT);
        String ca = config.string("ca_certificate", false, CA_MAX).filter(s -> !s.isBlank()).orElse(null);
        if (ca != null) {
            try {
                CaCertificates.parse(ca);
            } catch (IllegalArgumentException e) {
                config.errors().add(config.path("ca_certificate"), e.getMessage());
            }
        }
        String hostname = printable(config, "hostname", 255, "the HOSTNAME QRadar matches its Log Source Identifier "
                + "against, e.g. ascend.example.com");
        String appName = printable(config, "app_name", 48, "e.g. ascend-notify");
        SyslogFacility facility = SyslogFacility.DEFAULT;
        Optional<String> facilityName = config.string("facility", false, 20);
        if (facilityName.isPresent()) {
            Optional<SyslogFacility> known = SyslogFacility.fromWireName(facilityName.get());
            if (known.isEmpty()) {
                config.errors().add(config.path("facility"), "must be one of " + String.join(", ", SyslogFacility.wireNames()));
            } else {
                facility = known.get();
            }
        }
        if (host != null && channel.errors().list().size() == errorsBefore) {
            String destination = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            Optional<String> refusal = policy.refusal(URI.create("syslog://" + destination));
            refusal.ifPresent(reason -> config.errors().add(config.path("host"), "may not be reached: " + reason));
        }
        if (host == null || channel.errors().list().size() > errorsBefore) {
            return null;
        }
        return new SyslogSettings(host, port, ca, hostname, facility,
                appName == null ? SyslogSettings.DEFAULT_APP_NAME : appName);
    }

    private String host(JsonFields config) {
        Optional<String> read = config.string("host", true, HOST_MAX);
        if (read.isEmpty()) {
            return null;
        }
        String host = read.get().strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean valid = host.contains(":") ? IPV6.matcher(host).matches() && literal(host) : DNS_NAME.matcher(host).matches();
        if (!valid) {
            config.errors().add(config.path("host"), "must be a host name or IP address only (no scheme, port or path), "
                    + "e.g. siem.example.com; give the port in config.port");
            return null;
        }
        return host;
    }

    private static boolean literal(String ipv6) {
        try {
            return new URI("syslog", null, "[" + ipv6 + "]", 1, null, null, null).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String printable(JsonFields config, String field, int max, String example) {
        Optional<String> read = config.string(field, false, max);
        if (read.isEmpty()) {
            return null;
        }
        if (!PRINTABLE.matcher(read.get()).matches()) {
            config.errors().add(config.path(field), "must be printable US-ASCII without spaces (RFC 5424 §6), at most " + max
                    + " characters, " + example);
            return null;
        }
        return read.get();
    }
}
