package app.ascend.notify.channel.teams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Truncation;
import app.ascend.notify.channel.teams.TeamsMessage.Button;
import app.ascend.notify.channel.teams.TeamsMessage.Card;
import app.ascend.notify.channel.teams.TeamsMessage.Fact;
import app.ascend.notify.event.Changes;
import app.ascend.notify.event.DedupKeys;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.RiskLevel;
import tools.jackson.databind.node.ObjectNode;

/**
 * The card for each event: a trigger shows the alert (title with its risk level, summary, the facts agent,
 * action, resource, risk score and level, policy, organization; "View in Ascend" and the runbook as buttons); an
 * approval, resolve or acknowledge is a card of its own naming the alert it follows up (its dedup key, action
 * and resource) and its new state, since a Workflows webhook answers no message id to update (FACTS.md §6).
 *
 * <p>Every message is kept under {@link #MAX_BYTES}: Teams refuses a message above about 28 KB ("Request Entity
 * too large", https://learn.microsoft.com/connectors/teams/ "Known issues and limitations") and counts the
 * rendered message, which we cannot measure exactly, so the serialized JSON is held to a margin below it. Texts
 * are cut by code points ({@link Truncation}), then details, facts and buttons are dropped until it fits; the
 * card says what was cut.
 */
final class TeamsCards {
    /** 28 KB (28,672 bytes) less a margin for how Teams counts the rendered card. */
    static final int MAX_BYTES = 24_000;
    static final int TITLE_MAX_CODE_POINTS = 150;
    static final int SUMMARY_MAX_CODE_POINTS = 3_000;
    static final int FACT_MAX_CODE_POINTS = 500;
    static final int DETAILS_MAX_CODE_POINTS = 4_000;
    static final String VIEW_LINK_TEXT = "View in Ascend";
    static final String RUNBOOK_LINK_TEXT = "Runbook";

    private final String publicUrl;

    /** {@code publicUrl}: ASCEND's base URL for "View in Ascend" ({@code ascend.public-url}), or blank for none. */
    TeamsCards(String publicUrl) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    ObjectNode event(GovernanceEvent e, String organizationName, TeamsSettings settings) {
        List<String> cut = new ArrayList<>();
        String dedupKey = DedupKeys.forEvent(e);
        List<Button> buttons = new ArrayList<>();
        if (publicUrl != null && e.type().action() == EventType.Action.CHANGE) {
            buttons.add(new Button(VIEW_LINK_TEXT, publicUrl + "/#/events/" + pathSegment(e.id()))); // a change has no action
        } else if (publicUrl != null && hasText(e.actionId())) {
            buttons.add(new Button(VIEW_LINK_TEXT, publicUrl + "/actions/" + pathSegment(e.actionId())));
        }
        if (settings != null) {
            settings.runbookFor(e.type()).ifPresent(url -> buttons.add(new Button(RUNBOOK_LINK_TEXT, url)));
        }
        String organization = hasText(organizationName) ? organizationName : e.organizationId();
        Optional<RiskLevel> level = RiskLevel.of(e);
        if (e.type().action() == EventType.Action.TRIGGER) {
            String title = level.map(l -> l.wireName().toUpperCase(Locale.ROOT) + " risk: ").orElse("") + typeTitle(e.type());
            List<Fact> facts = new ArrayList<>();
            fact(facts, "Agent", e.agentId());
            fact(facts, "Action", e.actionType());
            fact(facts, "Resource", e.resource());
            fact(facts, "Risk score", e.riskScore() == null ? null : e.riskScore().toString());
            fact(facts, "Risk level", level.map(RiskLevel::wireName).orElse(null));
            fact(facts, "Policy", e.policyName());
            fact(facts, "Organization", organization);
            String details = e.details() == null ? null : TeamsMessage.json(e.details());
            return fitted(new Card(cut(title, TITLE_MAX_CODE_POINTS, "title", cut), accent(level),
                    cut(summaryOf(e), SUMMARY_MAX_CODE_POINTS, "summary", cut), facts,
                    cut(details, DETAILS_MAX_CODE_POINTS, "details", cut),
                    "Dedup key " + dedupKey + " · " + e.occurredAt(), buttons, cut));
        }
        if (e.type().action() == EventType.Action.NOTICE) {
            return notice(e, organization, dedupKey, level, buttons);
        }
        if (e.type().action() == EventType.Action.CHANGE) {
            // Information beside the alerts: a neutral card, never "opened", with no alert to follow up.
            List<Fact> facts = new ArrayList<>();
            fact(facts, "Policy", e.policyName());
            fact(facts, "Agent", e.agentId());
            fact(facts, "Resource", e.resource());
            fact(facts, "By", e.user());
            fact(facts, "Risk level", level.map(RiskLevel::wireName).orElse(null));
            fact(facts, "Organization", organization);
            String details = e.details() == null ? null : TeamsMessage.json(e.details());
            return fitted(new Card(cut("Change: " + Changes.title(e.type()), TITLE_MAX_CODE_POINTS, "title", cut),
                    "default", cut(Changes.sentence(e), SUMMARY_MAX_CODE_POINTS, "summary", cut), facts,
                    cut(details, DETAILS_MAX_CODE_POINTS, "details", cut),
                    "Change (opens no incident) · " + e.type().wireName() + " at " + e.occurredAt(), buttons, cut));
        }
        // A follow-up names the alert it is about: the same dedup key, action and resource as its trigger's card.
        String state = stateOf(e.type());
        String title = capitalized(state) + ": " + (hasText(e.actionType()) ? e.actionType() : "the alert")
                + (hasText(e.resource()) ? " on " + e.resource() : "");
        List<Fact> facts = new ArrayList<>();
        fact(facts, "Alert", dedupKey);
        fact(facts, "State", state);
        fact(facts, "Changed at", e.occurredAt().toString());
        fact(facts, "Agent", e.agentId());
        fact(facts, "Action", e.actionType());
        fact(facts, "Resource", e.resource());
        fact(facts, "Risk score", e.riskScore() == null ? null : e.riskScore().toString());
        fact(facts, "Risk level", level.map(RiskLevel::wireName).orElse(null));
        fact(facts, "Policy", e.policyName());
        fact(facts, "By", e.user());
        fact(facts, "Organization", organization);
        String summary = "The alert " + dedupKey + (hasText(e.summary()) ? " (\"" + e.summary() + "\")" : "")
                + " is now " + state + ".";
        return fitted(new Card(cut(title, TITLE_MAX_CODE_POINTS, "title", cut), "good",
                cut(summary, SUMMARY_MAX_CODE_POINTS, "summary", cut), facts, null,
                "Follow-up to " + dedupKey + " · " + e.type().wireName() + " at " + e.occurredAt(), buttons, cut));
    }

    /**
     * A notice (what a destination reported about an incident): informational, so the default accent; who acted
     * and where come from its details (docs/architecture.md, "Inbound webhooks"), with a button to the incident there.
     */
    private ObjectNode notice(GovernanceEvent e, String organization, String dedupKey, Optional<RiskLevel> level,
            List<Button> buttons) {
        List<String> cut = new ArrayList<>();
        String where = detail(e, "destination");
        String what = capitalized(e.type().wireName().replace('.', ' ')) + (where == null ? "" : " in " + where);
        String title = what + ": " + (hasText(e.actionType()) ? e.actionType() : "the alert")
                + (hasText(e.resource()) ? " on " + e.resource() : "");
        List<Fact> facts = new ArrayList<>();
        fact(facts, "Alert", dedupKey);
        fact(facts, "By", detail(e, "by"));
        fact(facts, "Status there", detail(e, "remote_status"));
        fact(facts, "Reported as", detail(e, "remote_event_type"));
        fact(facts, "Changed at", e.occurredAt().toString());
        fact(facts, "Agent", e.agentId());
        fact(facts, "Resource", e.resource());
        fact(facts, "Risk level", level.map(RiskLevel::wireName).orElse(null));
        fact(facts, "From channel", detail(e, "channel_name"));
        fact(facts, "Organization", organization);
        List<Button> all = new ArrayList<>(buttons);
        String url = detail(e, "remote_url");
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            all.add(new Button("Open in " + (where == null ? "the destination" : where), url));
        }
        return fitted(new Card(cut(title, TITLE_MAX_CODE_POINTS, "title", cut), "default",
                cut(hasText(e.summary()) ? e.summary() : title, SUMMARY_MAX_CODE_POINTS, "summary", cut), facts, null,
                "Notice about " + dedupKey + " · " + e.type().wireName() + " at " + e.occurredAt(), all, cut));
    }

    private static String detail(GovernanceEvent e, String field) {
        if (e.details() == null || !e.details().path(field).isString()) {
            return null;
        }
        String value = e.details().path(field).stringValue();
        return value.isBlank() ? null : value;
    }

    /** "Send Test Alert": a low-risk test card, or the card saying the test is resolved. */
    ObjectNode test(String summary, String dedupKey, String organizationName, String channelName, MessageKind kind,
            Instant now) {
        List<String> cut = new ArrayList<>();
        boolean resolve = kind == MessageKind.RESOLVE;
        List<Fact> facts = new ArrayList<>();
        fact(facts, "Channel", channelName);
        fact(facts, "Organization", organizationName);
        fact(facts, "Risk level", resolve ? null : RiskLevel.LOW.wireName());
        return fitted(new Card(resolve ? "Resolved: ASCEND test alert" : "LOW risk: ASCEND test alert",
                resolve ? "good" : "default", cut(summary, SUMMARY_MAX_CODE_POINTS, "summary", cut), facts, null,
                "Dedup key " + dedupKey + " · " + now, List.of(), cut));
    }

    /**
     * The message within {@link #MAX_BYTES}: details halved, then dropped; the summary halved down to 200 code
     * points; each fact cut to 100; facts dropped from the last; buttons dropped from the last; the title cut.
     */
    static ObjectNode fitted(Card card) {
        Card current = card;
        while (true) {
            ObjectNode message = TeamsMessage.envelope(current);
            if (TeamsMessage.bytes(message).length <= MAX_BYTES) {
                return message;
            }
            Card smaller = smaller(current);
            if (smaller == null) {
                return message; // cannot happen: a card with only a cut title is far below the limit
            }
            current = smaller;
        }
    }

    private static Card smaller(Card c) {
        List<String> cut = new ArrayList<>(c.cut());
        if (c.details() != null) {
            int length = c.details().codePointCount(0, c.details().length());
            String details = length > 64 ? Truncation.toCodePoints(c.details(), length / 2) : null;
            note(cut, details == null ? "details (dropped)" : "details");
            return new Card(c.title(), c.accent(), c.summary(), c.facts(), details, c.footer(), c.buttons(), cut);
        }
        if (c.summary() != null && c.summary().codePointCount(0, c.summary().length()) > 200) {
            note(cut, "summary");
            return new Card(c.title(), c.accent(), Truncation.toCodePoints(c.summary(),
                    Math.max(200, c.summary().codePointCount(0, c.summary().length()) / 2)), c.facts(), null, c.footer(),
                    c.buttons(), cut);
        }
        if (c.facts().stream().anyMatch(f -> f.value().codePointCount(0, f.value().length()) > 100)) {
            note(cut, "facts");
            return new Card(c.title(), c.accent(), c.summary(), c.facts().stream()
                    .map(f -> new Fact(f.title(), Truncation.toCodePoints(f.value(), 100))).toList(), null, c.footer(),
                    c.buttons(), cut);
        }
        if (!c.facts().isEmpty()) {
            note(cut, "facts (dropped)");
            return new Card(c.title(), c.accent(), c.summary(), c.facts().subList(0, c.facts().size() - 1), null,
                    c.footer(), c.buttons(), cut);
        }
        if (!c.buttons().isEmpty()) {
            note(cut, "buttons (dropped)");
            return new Card(c.title(), c.accent(), c.summary(), c.facts(), null, c.footer(),
                    c.buttons().subList(0, c.buttons().size() - 1), cut);
        }
        if (c.footer().codePointCount(0, c.footer().length()) > 100 || c.title().codePointCount(0, c.title().length()) > 50) {
            note(cut, "title");
            return new Card(Truncation.toCodePoints(c.title(), 50), c.accent(), c.summary(), c.facts(), null,
                    Truncation.toCodePoints(c.footer(), 100), c.buttons(), cut);
        }
        return null;
    }

    private static void note(List<String> cut, String what) {
        String base = what.replace(" (dropped)", "");
        cut.removeIf(w -> w.equals(base));
        if (!cut.contains(what)) {
            cut.add(what);
        }
    }

    private static String accent(Optional<RiskLevel> level) {
        return level.map(l -> switch (l) {
            case CRITICAL, HIGH -> "attention";
            case MEDIUM -> "warning";
            case LOW -> "default";
        }).orElse("default");
    }

    private static String typeTitle(EventType type) {
        return switch (type) {
            case ACTION_BLOCKED -> "Action blocked";
            case POLICY_VIOLATION -> "Policy violation";
            case AUTH_FAILED -> "Authentication failed";
            case AUTH_MFA_FAILED -> "MFA failed";
            case ANOMALY_DETECTED -> "Anomaly detected";
            default -> type.wireName();
        };
    }

    private static String stateOf(EventType type) {
        return switch (type) {
            case ACTION_APPROVED -> "approved";
            case ACTION_ACKNOWLEDGED -> "acknowledged";
            default -> "resolved";
        };
    }

    private static String summaryOf(GovernanceEvent e) {
        if (hasText(e.summary())) {
            return e.summary();
        }
        StringJoiner text = new StringJoiner(" ");
        text.add(typeTitle(e.type()));
        if (e.actionType() != null) {
            text.add(e.actionType());
        }
        if (e.resource() != null) {
            text.add("on " + e.resource());
        }
        if (e.agentId() != null) {
            text.add("by " + e.agentId());
        }
        return text.toString();
    }

    private static void fact(List<Fact> facts, String title, String value) {
        if (hasText(value)) {
            facts.add(new Fact(title, Truncation.toCodePoints(value, FACT_MAX_CODE_POINTS)));
        }
    }

    private static String cut(String text, int max, String field, List<String> cut) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        cut.add(field);
        return Truncation.toCodePoints(text, max);
    }

    private static String capitalized(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
