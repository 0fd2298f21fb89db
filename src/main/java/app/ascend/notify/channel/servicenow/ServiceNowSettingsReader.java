package app.ascend.notify.channel.servicenow;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.outbound.UserEnteredUrl;
import app.ascend.notify.secret.KeyMask;
import app.ascend.notify.web.JsonFields;

/**
 * Reads and validates a ServiceNow channel's {@code config} and {@code priority_mapping}, each error with its path:
 * <ul>
 * <li>{@code instance_url}: the instance's base URL, https (http only for a host ASCEND_OUTBOUND_ALLOW lists),
 * never a loopback, private or metadata address otherwise ({@link UserEnteredUrl}), no user-info, query or fragment.
 * Hosts are not pinned to {@code *.service-now.com}: instances may have custom domains;
 * <li>exactly one way to sign in: {@code username} with {@code password} (Basic), or {@code client_id} with
 * {@code client_secret} (OAuth client credentials, FACTS.md §3). A secret sent back masked, as answers show it,
 * stands for the stored one;
 * <li>{@code assignment_group}: a group's sys_id (32 hex). Names would need {@code sysparm_input_display_value=true},
 * which turns every value we send into a display value (§2), urgency and impact too;
 * <li>{@code category} (≤ 40), {@code close_code} (≤ 40, default "Solution provided"), {@code close_notes} (≤ 1000),
 * {@code resolve_state} ("6" Resolved by default; "7" Closed needs the itil_admin role, §5);
 * <li>{@code priority_mapping}: {@code {"critical": {"impact": "1", "urgency": "1"}, …}}, each 1, 2 or 3.
 * </ul>
 */
final class ServiceNowSettingsReader {
    static final Set<String> CONFIG_FIELDS = Set.of("instance_url", "username", "password", "client_id", "client_secret",
            "assignment_group", "category", "resolve_state", "close_code", "close_notes");
    static final int MAX_URL_LENGTH = 500;
    static final int MAX_SECRET_LENGTH = 1024;
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_CHOICE_LENGTH = 40;
    static final int MAX_CLOSE_NOTES_PREFIX = 1000;
    static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
    static final Set<String> STATES = Set.of("6", "7");
    private static final UserEnteredUrl.Wording URL_WORDING = new UserEnteredUrl.Wording(
            UserEnteredUrl.MASKED_MATCHES_NONE,
            "must be the instance's absolute URL, e.g. https://acme.service-now.com",
            "must not carry a user name or password: give config.username and config.password");

    private final JsonFields channel;
    private final ServiceNowSettings stored;
    private final OutboundAddressPolicy policy;

    ServiceNowSettingsReader(JsonFields channel, ServiceNowSettings stored, OutboundAddressPolicy policy) {
        this.channel = channel;
        this.stored = stored;
        this.policy = policy;
    }

    /** The settings, or null when an error was recorded. */
    ServiceNowSettings read() {
        Optional<JsonFields> maybeConfig = channel.requiredObject("config", "is required: give config.instance_url and "
                + "either config.username and config.password or config.client_id and config.client_secret");
        Map<String, ImpactUrgency> mapping = priorityMapping();
        if (maybeConfig.isEmpty()) {
            return null;
        }
        JsonFields config = maybeConfig.get();
        int errorsBefore = channel.errors().list().size();
        config.rejectUnknown(CONFIG_FIELDS);
        String url = new UserEnteredUrl(policy, URL_WORDING, this::instanceRule).read(config, "instance_url",
                MAX_URL_LENGTH, stored == null ? null : stored.instanceUrl(), UserEnteredUrl.SentBack.MASKED_OR_CLEAR);
        ServiceNowAuth auth = auth(config);
        String group = config.string("assignment_group", false, 64).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(null);
        if (group != null && !SYS_ID.matcher(group).matches()) {
            channel.errors().add(config.path("assignment_group"), "must be the group's sys_id (32 lower-case hex "
                    + "characters; in ServiceNow: the group record → Copy sys_id), not its name");
        }
        String category = optional(config, "category", MAX_CHOICE_LENGTH);
        String state = optional(config, "resolve_state", 2);
        if (state != null && !STATES.contains(state)) {
            channel.errors().add(config.path("resolve_state"), "must be \"6\" (Resolved; auto-close closes it later) or "
                    + "\"7\" (Closed; needs the itil_admin or admin role)");
        }
        String closeCode = optional(config, "close_code", MAX_CHOICE_LENGTH);
        String closeNotes = optional(config, "close_notes", MAX_CLOSE_NOTES_PREFIX);
        if (url == null || auth == null || mapping == null || channel.errors().list().size() > errorsBefore) {
            return null;
        }
        return new ServiceNowSettings(url.replaceAll("/+$", ""), auth, group, category,
                state == null ? ServiceNowSettings.DEFAULT_RESOLVE_STATE : state,
                closeCode == null ? ServiceNowSettings.DEFAULT_CLOSE_CODE : closeCode, closeNotes, mapping);
    }

    private Optional<String> instanceRule(URI uri) {
        Optional<String> scheme = UserEnteredUrl.httpsUnlessAllowListed(policy).problem(uri);
        if (scheme.isPresent()) {
            return scheme;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must be the instance's base URL without a query or fragment, e.g. "
                    + "https://acme.service-now.com");
        }
        return Optional.empty();
    }

    private ServiceNowAuth auth(JsonFields config) {
        boolean basic = config.hasValue("username") || config.hasValue("password");
        boolean oauth = config.hasValue("client_id") || config.hasValue("client_secret");
        if (basic && oauth) {
            channel.errors().add(config.path("client_id"), "give either config.username and config.password or "
                    + "config.client_id and config.client_secret, not both (a PATCH that switches sets the others to null)");
            return null;
        }
        if (!basic && !oauth) {
            channel.errors().add(config.path("username"), "is required unless config.client_id and config.client_secret "
                    + "are given: the ServiceNow user ASCEND signs in as (it needs the itil role)");
            return null;
        }
        ServiceNowAuth storedAuth = stored == null ? null : stored.auth();
        if (basic) {
            String user = required(config, "username", MAX_NAME_LENGTH, "is required with config.password");
            String password = secret(config, "password", storedAuth == null || storedAuth.oauth() ? null
                    : storedAuth.password(), "is required with config.username");
            return user == null || password == null ? null : ServiceNowAuth.basic(user, password);
        }
        String id = required(config, "client_id", MAX_NAME_LENGTH, "is required with config.client_secret: the OAuth "
                + "application's Client ID (System OAuth → Application Registry)");
        String secret = secret(config, "client_secret", storedAuth == null || !storedAuth.oauth() ? null
                : storedAuth.clientSecret(), "is required with config.client_id");
        return id == null || secret == null ? null : ServiceNowAuth.oauth(id, secret);
    }

    private String required(JsonFields config, String field, int max, String whenMissing) {
        if (!config.hasValue(field)) {
            channel.errors().add(config.path(field), whenMissing);
            return null;
        }
        Optional<String> value = config.string(field, true, max).map(String::trim);
        if (value.isPresent() && value.get().isEmpty()) {
            channel.errors().add(config.path(field), "must not be blank");
            return null;
        }
        return value.orElse(null);
    }

    /** A secret in clear, or sent back masked as answers show it (then the stored one). Never trimmed. */
    private String secret(JsonFields config, String field, String storedSecret, String whenMissing) {
        if (!config.hasValue(field)) {
            channel.errors().add(config.path(field), whenMissing);
            return null;
        }
        Optional<String> value = config.string(field, true, MAX_SECRET_LENGTH);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get();
        if (KeyMask.isMasked(text)) {
            if (storedSecret != null && KeyMask.mask(storedSecret).equals(text)) {
                return storedSecret;
            }
            channel.errors().add(config.path(field), "is a masked value that matches no stored one; send it in full, or "
                    + "leave config out of a PATCH to keep the stored one");
            return null;
        }
        if (text.isBlank()) {
            channel.errors().add(config.path(field), "must not be blank");
            return null;
        }
        return text;
    }

    private static String optional(JsonFields config, String field, int max) {
        return config.string(field, false, max).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    /** {@code priority_mapping}, defaults for the levels not given; null when an error was recorded. */
    private Map<String, ImpactUrgency> priorityMapping() {
        Map<String, ImpactUrgency> mapping = new LinkedHashMap<>(ImpactUrgency.DEFAULT_MAPPING);
        if (!channel.hasValue("priority_mapping")) {
            return mapping;
        }
        int errorsBefore = channel.errors().list().size();
        JsonFields.object(channel.get("priority_mapping"), "priority_mapping", channel.errors()).ifPresent(map -> {
            map.rejectUnknown(ImpactUrgency.DEFAULT_MAPPING.keySet());
            for (String level : ImpactUrgency.DEFAULT_MAPPING.keySet()) {
                if (!map.hasValue(level)) {
                    continue;
                }
                JsonFields.object(map.get(level), map.path(level), channel.errors()).ifPresent(entry -> {
                    entry.rejectUnknown(List.of("impact", "urgency"));
                    String impact = level(entry, "impact", mapping.get(level).impact());
                    String urgency = level(entry, "urgency", mapping.get(level).urgency());
                    if (impact != null && urgency != null) {
                        mapping.put(level, new ImpactUrgency(impact, urgency));
                    }
                });
            }
        });
        return channel.errors().list().size() > errorsBefore ? null : mapping;
    }

    /** "1", "2" or "3" (a number 1 to 3 is taken too); {@code otherwise} when absent; null after an error. */
    private String level(JsonFields entry, String field, String otherwise) {
        if (!entry.hasValue(field)) {
            return otherwise;
        }
        var node = entry.get(field);
        // Any integer is read as its digits (a number outside int's range is simply not 1 to 3, never a 500).
        String value = node.isIntegralNumber() ? node.bigIntegerValue().toString()
                : node.isString() ? node.stringValue().trim() : null;
        if (value == null || !ImpactUrgency.VALUES.contains(value)) {
            channel.errors().add(entry.path(field), "must be \"1\" (High), \"2\" (Medium) or \"3\" (Low)");
            return null;
        }
        return value;
    }
}
