package app.ascend.notify.channel.hec;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.UserEnteredUrl;
import app.ascend.notify.secret.KeyMask;
import app.ascend.notify.web.JsonFields;

/**
 * Reads and validates a Splunk HEC channel's {@code config} (shared/reference/splunk-hec/FACTS.md):
 * <ul>
 * <li>{@code url}: the collector's base URL, e.g. {@code https://splunk.example.com:8088} (Enterprise's port, FACTS.md
 * §1); a URL ending in {@code /services/collector}, {@code /services/collector/event} or {@code …/event/1.0} is taken
 * as its base. Read by {@link UserEnteredUrl}: https (http only for a host ASCEND_OUTBOUND_ALLOW lists), no user-info,
 * never a private or metadata address otherwise; no query (a {@code ?token=} there would win over the header,
 * FACTS.md §2, and be shown);
 * <li>{@code token}: the HEC token, a GUID (FACTS.md §2, [D1]); sent back masked as answers show it, it keeps the
 * stored one;
 * <li>{@code index}, {@code sourcetype}, {@code source}, {@code host}: optional strings; null leaves the token's
 * defaults (sourcetype defaults to {@value HecSettings#DEFAULT_SOURCETYPE});
 * <li>{@code batch_max_bytes}, {@code batch_max_wait_ms}, {@code batch_max_events}, {@code use_ack}.
 * </ul>
 */
final class HecSettingsReader {
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_METADATA_LENGTH = 255;
    static final Pattern GUID = Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    static final Pattern COLLECTOR_PATH = Pattern.compile("/services/collector(/event(/1\\.0)?)?/*$");
    static final Set<String> CONFIG_FIELDS = Set.of("url", "token", "index", "sourcetype", "source", "host",
            "batch_max_bytes", "batch_max_wait_ms", "batch_max_events", "use_ack");
    private static final UserEnteredUrl.Wording URL_WORDING = new UserEnteredUrl.Wording(
            UserEnteredUrl.MASKED_MATCHES_NONE,
            "must be an absolute URL with a host: the HTTP Event Collector's base URL, e.g. https://splunk.example.com:8088",
            "must not carry a user name or password (user-info): the token goes in config.token");

    private final JsonFields channel;
    private final HecSettings stored;
    private final OutboundAddressPolicy policy;

    HecSettingsReader(JsonFields channel, HecSettings stored, OutboundAddressPolicy policy) {
        this.channel = channel;
        this.stored = stored;
        this.policy = policy;
    }

    /** The settings, or null when an error was recorded. */
    HecSettings read() {
        Optional<JsonFields> maybeConfig = channel.requiredObject("config", "is required: give config.url, the HTTP "
                + "Event Collector's base URL, and config.token, its HEC token");
        if (maybeConfig.isEmpty()) {
            return null;
        }
        JsonFields config = maybeConfig.get();
        int errorsBefore = channel.errors().list().size();
        config.rejectUnknown(CONFIG_FIELDS);
        UserEnteredUrl.Rule rule = uri -> {
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.of("must not have a query or fragment: give the collector's base URL (the token goes "
                        + "in config.token, never in the URL)");
            }
            return UserEnteredUrl.httpsUnlessAllowListed(policy).problem(uri);
        };
        String url = new UserEnteredUrl(policy, URL_WORDING, rule).read(config, "url", MAX_URL_LENGTH,
                stored == null ? null : stored.url(), UserEnteredUrl.SentBack.MASKED);
        String token = token(config);
        String index = optional(config, "index");
        String sourcetype = config.hasValue("sourcetype") ? optional(config, "sourcetype") : HecSettings.DEFAULT_SOURCETYPE;
        String source = optional(config, "source");
        String host = optional(config, "host");
        int maxBytes = config.integer("batch_max_bytes", HecSettings.MIN_BATCH_MAX_BYTES, HecSettings.MAX_BATCH_MAX_BYTES)
                .orElse(HecSettings.DEFAULT_BATCH_MAX_BYTES);
        int maxWait = config.integer("batch_max_wait_ms", 0, HecSettings.MAX_BATCH_MAX_WAIT_MS)
                .orElse(HecSettings.DEFAULT_BATCH_MAX_WAIT_MS);
        int maxEvents = config.integer("batch_max_events", 1, HecSettings.MAX_BATCH_MAX_EVENTS)
                .orElse(HecSettings.DEFAULT_BATCH_MAX_EVENTS);
        boolean useAck = config.bool("use_ack").orElse(false);
        if (url == null || token == null || channel.errors().list().size() > errorsBefore) {
            return null;
        }
        return new HecSettings(base(url), token, index, sourcetype, source, host, maxBytes, maxWait, maxEvents, useAck);
    }

    /** The URL without a collector path the user copied from Splunk's docs, nor a trailing slash. */
    static String base(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null ? "" : COLLECTOR_PATH.matcher(uri.getRawPath()).replaceFirst("");
        path = path.replaceAll("/+$", "");
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    private String token(JsonFields config) {
        String path = config.path("token");
        if (!config.hasValue("token")) {
            channel.errors().add(path, "is required: the HEC token (Settings → Data inputs → HTTP Event Collector), a "
                    + "GUID such as 12345678-90ab-cdef-1234-567890abcdef");
            return null;
        }
        Optional<String> value = config.string("token", true, 64);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().trim();
        if (KeyMask.isMasked(text)) {
            if (stored != null && KeyMask.mask(stored.token()).equals(text)) {
                return stored.token();
            }
            channel.errors().add(path, "is a masked value that matches no stored token; send the full token, or leave "
                    + "config out of a PATCH to keep the stored one");
            return null;
        }
        if (text.regionMatches(true, 0, "Splunk ", 0, 7)) {
            channel.errors().add(path, "must be the token alone, without the \"Splunk \" prefix (the service sends "
                    + "Authorization: Splunk <token>)");
            return null;
        }
        if (!GUID.matcher(text).matches()) {
            channel.errors().add(path, "must be a HEC token: a GUID such as 12345678-90ab-cdef-1234-567890abcdef");
            return null;
        }
        return text;
    }

    private String optional(JsonFields config, String field) {
        Optional<String> value = config.string(field, false, MAX_METADATA_LENGTH);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().trim();
        if (text.isEmpty()) {
            channel.errors().add(config.path(field), "must not be blank; leave it out (or null) for the token's default");
            return null;
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            channel.errors().add(config.path(field), "must not contain control characters");
            return null;
        }
        return text;
    }
}
