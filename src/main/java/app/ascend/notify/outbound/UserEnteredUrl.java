package app.ascend.notify.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import app.ascend.notify.web.JsonFields;

/**
 * Reads a URL a user enters as a channel's destination (a webhook's, Slack's or Teams' URL), which the service
 * will call, so it is a secret and a server-side request forgery risk at once. In order, each failure an error
 * on the field's path, the first one ending the reading:
 * <ol>
 * <li>the URL sent back as answers show it (masked, {@link Redaction#url}) stands for the stored one;
 * a masked URL that matches none is an error, since storing {@code https://host/…} would silently break
 * delivery;
 * <li>it parses, is absolute, not opaque, with a host;
 * <li>it carries no user-info (a user name or password);
 * <li>the type's {@link Rule} on scheme and host (by default: https, http only for a host that
 * ASCEND_OUTBOUND_ALLOW lists);
 * <li>the {@link OutboundAddressPolicy}: no loopback, private, link-local or metadata address unless allowed.
 * </ol>
 * The wording of the errors whose advice depends on the type is the type's ({@link Wording}).
 */
public final class UserEnteredUrl {
    /** How {@link Redaction#url} ends a URL whose path or query it hid. */
    static final String MASKED_TAIL = "/…";
    /** The masked-URL error most types give. */
    public static final String MASKED_MATCHES_NONE = "is a masked URL that matches no stored one; send the full URL, "
            + "or leave config out of a PATCH to keep the stored one";

    /**
     * A type's texts (each follows the field's path) for a masked URL that matches no stored one, a URL that is
     * not absolute with a host, and a URL with user-info.
     */
    public record Wording(String maskedMatchesNone, String notAbsolute, String userInfo) {
    }

    /**
     * What a type accepts of an absolute URL with a host and no user-info, before the address policy: the error
     * text, or empty when the URL may be used.
     */
    @FunctionalInterface
    public interface Rule {
        Optional<String> problem(URI uri);
    }

    /** Which forms of the stored URL, sent back, keep it without being checked again. */
    public enum SentBack {
        /** Only the masked form answers show. */
        MASKED,
        /** The masked form, or the stored URL itself (as the document a PATCH merges onto carries it). */
        MASKED_OR_CLEAR
    }

    private final OutboundAddressPolicy policy;
    private final Wording wording;
    private final Rule rule;

    public UserEnteredUrl(OutboundAddressPolicy policy, Wording wording, Rule rule) {
        this.policy = policy;
        this.wording = wording;
        this.rule = rule;
    }

    /** With the rule most types need: {@link #httpsUnlessAllowListed}. */
    public UserEnteredUrl(OutboundAddressPolicy policy, Wording wording) {
        this(policy, wording, httpsUnlessAllowListed(policy));
    }

    /**
     * https; plain http only for a host the operator's ASCEND_OUTBOUND_ALLOW lists (a local receiver, the bundled
     * simulator), since the URL and the alerts would otherwise cross networks in clear.
     */
    public static Rule httpsUnlessAllowListed(OutboundAddressPolicy policy) {
        return uri -> {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http")) {
                return policy.allowListed(uri) ? Optional.empty()
                        : Optional.of("must use https; http is allowed only for hosts that ASCEND_OUTBOUND_ALLOW lists");
            }
            return scheme.equals("https") ? Optional.empty() : Optional.of("must be an https URL");
        };
    }

    /**
     * The URL in {@code config.<field>} (required, a string of at most {@code maxLength} characters, trimmed), or
     * null when an error was recorded.
     *
     * @param storedUrl the URL the channel holds, or null (a new channel, or one that holds none)
     */
    public String read(JsonFields config, String field, int maxLength, String storedUrl, SentBack sentBack) {
        String path = config.path(field);
        Optional<String> value = config.string(field, true, maxLength);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().trim();
        if (storedUrl != null && (text.equals(masked(storedUrl))
                || (sentBack == SentBack.MASKED_OR_CLEAR && text.equals(storedUrl)))) {
            return storedUrl; // sent back as read
        }
        if (text.endsWith(MASKED_TAIL)) {
            config.errors().add(path, wording.maskedMatchesNone());
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            config.errors().add(path, "is not a valid URL: " + e.getReason());
            return null;
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
            config.errors().add(path, wording.notAbsolute());
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            config.errors().add(path, wording.userInfo());
            return null;
        }
        Optional<String> problem = rule.problem(uri);
        if (problem.isPresent()) {
            config.errors().add(path, problem.get());
            return null;
        }
        Optional<String> refusal = policy.refusal(uri);
        if (refusal.isPresent()) {
            config.errors().add(path, "is refused: " + refusal.get());
            return null;
        }
        return uri.toString();
    }

    /** The stored URL as answers show it; one that does not parse (never stored by this class) matches nothing. */
    private static String masked(String storedUrl) {
        try {
            return Redaction.url(new URI(storedUrl));
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
