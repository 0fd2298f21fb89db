package app.ascend.notify.channel.servicenow;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.ascend.notify.channel.spi.ChannelSettings;
import app.ascend.notify.event.EventType;
import app.ascend.notify.outbound.Redaction;
import app.ascend.notify.secret.KeyMask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ServiceNow channel's settings: {@code config} (the instance, how to sign in, what every ticket carries, how a
 * ticket is resolved) and {@code priority_mapping} (risk level → impact and urgency, like a paging channel's
 * severity mapping). The destination is the instance URL; the credentials are read at send
 * ({@code sendsWithSettings}), so a rotated password is used by messages already queued.
 *
 * @param instanceUrl     the instance's base URL, e.g. {@code https://acme.service-now.com}, no trailing slash
 * @param assignmentGroup a {@code sys_user_group} sys_id every ticket is assigned to, or null
 * @param category        the incident {@code category} choice value (instance-specific, FACTS.md §4), or null
 * @param resolveState    the {@code state} a resolve sets: 6 Resolved by default; an integration resolves and lets
 *                        auto-close close (§5)
 * @param closeCode       the Resolution code a resolve sends; the choice list differs between releases and
 *                        instances (§5, unconfirmed which), hence configurable
 * @param closeNotes      text the generated Resolution notes start with, or null
 */
record ServiceNowSettings(String instanceUrl, ServiceNowAuth auth, String assignmentGroup, String category,
        String resolveState, String closeCode, String closeNotes, Map<String, ImpactUrgency> priorityMapping)
        implements ChannelSettings {

    static final String DEFAULT_RESOLVE_STATE = "6";
    /** The code FACTS.md §8 suggests for recent releases ([MIM]); older ones use e.g. "Solved (Permanently)". */
    static final String DEFAULT_CLOSE_CODE = "Solution provided";

    ServiceNowSettings {
        Map<String, ImpactUrgency> mapping = new LinkedHashMap<>(ImpactUrgency.DEFAULT_MAPPING);
        if (priorityMapping != null) {
            mapping.putAll(priorityMapping);
        }
        priorityMapping = java.util.Collections.unmodifiableMap(mapping);
    }

    ImpactUrgency forLevel(String riskLevel) {
        return priorityMapping.getOrDefault(riskLevel, ImpactUrgency.DEFAULT_MAPPING.get("medium"));
    }

    String maskedInstance() {
        return maskInstance(instanceUrl);
    }

    static String maskInstance(String url) {
        try {
            return Redaction.url(new URI(url));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "(unreadable URL)";
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode config = root.putObject("config");
        config.put("instance_url", instanceUrl);
        if (auth.oauth()) {
            config.put("client_id", auth.clientId());
            config.put("client_secret", auth.clientSecret());
        } else {
            config.put("username", auth.username());
            config.put("password", auth.password());
        }
        config.put("assignment_group", assignmentGroup);
        config.put("category", category);
        config.put("resolve_state", resolveState);
        config.put("close_code", closeCode);
        config.put("close_notes", closeNotes);
        ObjectNode mapping = root.putObject("priority_mapping");
        priorityMapping.forEach((level, value) -> mapping.putObject(level).put("impact", value.impact())
                .put("urgency", value.urgency()));
        return root;
    }

    static ServiceNowSettings fromJson(JsonNode root) {
        JsonNode config = root.get("config");
        ServiceNowAuth auth = text(config, "client_id") != null
                ? ServiceNowAuth.oauth(text(config, "client_id"), text(config, "client_secret"))
                : ServiceNowAuth.basic(text(config, "username"), text(config, "password"));
        Map<String, ImpactUrgency> mapping = new LinkedHashMap<>();
        JsonNode stored = root.get("priority_mapping");
        if (stored != null && stored.isObject()) {
            stored.properties().forEach(entry -> mapping.put(entry.getKey(), new ImpactUrgency(
                    entry.getValue().get("impact").stringValue(), entry.getValue().get("urgency").stringValue())));
        }
        String state = text(config, "resolve_state");
        String code = text(config, "close_code");
        return new ServiceNowSettings(text(config, "instance_url"), auth, text(config, "assignment_group"),
                text(config, "category"), state == null ? DEFAULT_RESOLVE_STATE : state,
                code == null ? DEFAULT_CLOSE_CODE : code, text(config, "close_notes"), mapping);
    }

    private static String text(JsonNode config, String field) {
        JsonNode node = config.get(field);
        return node == null || node.isNull() ? null : node.stringValue();
    }

    /** The instance's host only, the user name or client id, the password or client secret as {@code ****…}. */
    @Override
    public ObjectNode masked() {
        ObjectNode root = toJson();
        ObjectNode config = (ObjectNode) root.get("config");
        config.put("instance_url", maskedInstance());
        if (auth.oauth()) {
            config.put("client_secret", KeyMask.mask(auth.clientSecret()));
        } else {
            config.put("password", KeyMask.mask(auth.password()));
        }
        return root;
    }

    @Override
    public List<String> warnings(List<EventType> subscribed) {
        List<String> warnings = new ArrayList<>();
        if ("http".equalsIgnoreCase(URI.create(instanceUrl).getScheme())) {
            warnings.add("config.instance_url uses http: ASCEND_OUTBOUND_ALLOW allows this host, but the credentials "
                    + "and tickets travel unencrypted; ServiceNow instances are https://<name>.service-now.com");
        }
        return warnings;
    }

    @Override
    public Map<EventType, String> destinations(List<EventType> subscribed) {
        Map<EventType, String> destinations = new LinkedHashMap<>();
        subscribed.forEach(type -> destinations.put(type, instanceUrl));
        return destinations;
    }

    @Override
    public Optional<String> destinationFor(EventType type) {
        return Optional.of(instanceUrl);
    }

    @Override
    public Optional<String> testDestination() {
        return Optional.of(instanceUrl);
    }

    /** Never the secrets, should a record ever be logged. */
    @Override
    public String toString() {
        return "ServiceNowSettings[" + maskedInstance() + ", " + auth.masked() + "]";
    }
}
