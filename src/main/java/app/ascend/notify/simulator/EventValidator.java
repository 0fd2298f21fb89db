package app.ascend.notify.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks an alert event ({@code /v2/enqueue}) or change event ({@code /v2/change/enqueue}) as PagerDuty does and
 * returns every applicable error message, in a stable order. Messages quoted in FACTS.md are PagerDuty's live texts,
 * typo included; the others are marked "our wording" and modelled on them.
 */
final class EventValidator {

    /** "512 KB maximum payload" (FACTS.md §2), read as 512 000 bytes as Alertmanager does. */
    static final int MAX_EVENT_BYTES = 512_000;
    /** payload.summary limit, counted in Unicode code points (FACTS.md §2, §10). */
    static final int MAX_SUMMARY_CODE_POINTS = 1024;
    /** dedup_key limit (FACTS.md §2). */
    static final int MAX_DEDUP_KEY_CODE_POINTS = 255;
    /** Integration keys are exactly 32 characters (FACTS.md §2). */
    static final int ROUTING_KEY_LENGTH = 32;

    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "error", "info");

    /** Errors for an alert event; empty when valid. */
    List<String> alertEventErrors(JsonNode event, int bodyBytes) {
        List<String> errors = new ArrayList<>();
        checkRoutingKey(event, errors);
        EventAction action = checkEventAction(event, errors);
        checkDedupKey(event, action, errors);
        if (action == EventAction.TRIGGER) {
            // summary, source and severity are required for trigger only (FACTS.md §2; spec Payload.required).
            JsonNode payload = event.get("payload");
            checkSummary(payload, "'payload.summary' is missing or blank", errors);
            if (isBlank(text(payload, "source"))) {
                errors.add("'payload.source' is missing or blank");
            }
            checkSeverity(payload, errors);
        }
        checkLinks(event, errors);
        checkImages(event, errors);
        checkSize(bodyBytes, errors);
        return errors;
    }

    /**
     * Errors for a change event (FACTS.md §6; spec {@code /change/enqueue} and {@code ChangeEventPayload}): routing_key
     * (32 alphanumeric characters, not a ruleset key) and payload (an object) required; payload.summary required, at
     * most 1024 code points; payload.timestamp, when given, an ISO 8601 date-time; payload.source a string and
     * payload.custom_details an object when given; links[].href required; same 512 KB limit. A change event has no
     * event_action and no dedup_key ([D3]: change events are not correlated): the spec lists neither, and we refuse
     * both so a sender that mixes up the two APIs is caught here; what PagerDuty does with them is unconfirmed, and
     * those messages, like every message not quoted in FACTS.md, are our wording.
     */
    List<String> changeEventErrors(JsonNode event, int bodyBytes) {
        List<String> errors = new ArrayList<>();
        checkRoutingKey(event, errors);
        String key = text(event, "routing_key");
        if (key != null && key.startsWith("R")) {
            errors.add("'routing_key' is a ruleset key: change events need a service integration key");
        }
        for (String field : List.of("event_action", "dedup_key")) {
            if (event.has(field)) {
                errors.add("'" + field + "' is not accepted on change events (they are not correlated)");
            }
        }
        JsonNode payload = event.get("payload");
        if (payload == null || payload.isNull()) {
            errors.add("'payload' is missing or blank");
        } else if (!payload.isObject()) {
            errors.add("'payload' is invalid (must be an object)");
        } else {
            checkChangePayload(payload, errors);
        }
        checkLinks(event, errors);
        // The spec accepts images on change events; the doc says links only (FACTS.md §6, unconfirmed).
        checkImages(event, errors);
        checkSize(bodyBytes, errors);
        return errors;
    }

    private static void checkChangePayload(JsonNode payload, List<String> errors) {
        checkSummary(payload, "'payload.summary' is missing or blank", errors);
        JsonNode timestamp = payload.get("timestamp");
        if (timestamp != null && !timestamp.isNull() && !(timestamp.isString() && isDateTime(timestamp.stringValue()))) {
            errors.add("'payload.timestamp' is invalid (must be an ISO 8601 date-time)");
        }
        JsonNode source = payload.get("source");
        if (source != null && !source.isNull() && !source.isString()) {
            errors.add("'payload.source' is invalid (must be a string)");
        }
        JsonNode details = payload.get("custom_details");
        if (details != null && !details.isNull() && !details.isObject()) {
            errors.add("'payload.custom_details' is invalid (must be an object)");
        }
    }

    /**
     * ISO 8601 as senders write it: RFC 3339 ({@code 2026-12-06T18:47:33.315Z}) or the doc's {@code +0000} offset
     * form ({@code 2015-07-17T08:42:58.315+0000}). What PagerDuty does with an unparseable one is unconfirmed (§11.3).
     */
    static boolean isDateTime(String value) {
        for (java.time.format.DateTimeFormatter format : List.of(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx"))) {
            try {
                java.time.OffsetDateTime.parse(value, format);
                return true;
            } catch (java.time.format.DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    /** Live texts from FACTS.md §2 ([I2], [I3]); a missing key has length 0, so it gets the length message. */
    private static void checkRoutingKey(JsonNode event, List<String> errors) {
        String key = text(event, "routing_key");
        if (key == null) {
            key = "";
        }
        if (key.length() != ROUTING_KEY_LENGTH) {
            errors.add("Length of 'routing_key' is incorrect (should be 32 characters)");
        }
        if (!key.chars().allMatch(EventValidator::isAsciiAlphanumeric)) {
            errors.add("'routing_key' cannot contain non-alphanumeric characters.");
        }
    }

    /** Missing text from go-pagerduty's tests (FACTS.md §4); the invalid text is our wording, modelled on severity's. */
    private static EventAction checkEventAction(JsonNode event, List<String> errors) {
        String action = text(event, "event_action");
        if (isBlank(action)) {
            errors.add("'event_action' is missing or blank");
            return null;
        }
        return EventAction.fromWireName(action).orElseGet(() -> {
            errors.add("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
            return null;
        });
    }

    /**
     * Optional on trigger, needed for acknowledge/resolve, at most 255 characters (FACTS.md §2). PagerDuty's status
     * and text for these cases are unconfirmed (FACTS.md §11.3): our wording.
     */
    private static void checkDedupKey(JsonNode event, EventAction action, List<String> errors) {
        JsonNode node = event.get("dedup_key");
        if (node != null && !node.isNull() && !node.isString()) {
            errors.add("'dedup_key' is invalid (must be a string)");
            return;
        }
        String key = node == null || node.isNull() ? null : node.stringValue();
        if ((action == EventAction.ACKNOWLEDGE || action == EventAction.RESOLVE) && isBlank(key)) {
            errors.add("'dedup_key' is missing or blank");
        }
        if (key != null && key.codePointCount(0, key.length()) > MAX_DEDUP_KEY_CODE_POINTS) {
            errors.add("'dedup_key' is too long (maximum is 255 characters)");
        }
    }

    /** Live texts from FACTS.md §2 ([I4], [I5]), including PagerDuty's "maiximum"; counted in code points. */
    private static void checkSummary(JsonNode payload, String missingMessage, List<String> errors) {
        String summary = text(payload, "summary");
        if (isBlank(summary)) {
            errors.add(missingMessage);
        } else if (summary.codePointCount(0, summary.length()) > MAX_SUMMARY_CODE_POINTS) {
            errors.add("'summary' is too long (maiximum is 1024 characters)");
        }
    }

    /** Live texts from FACTS.md §2 ([S4], [I7]); the enum is case-sensitive. */
    private static void checkSeverity(JsonNode payload, List<String> errors) {
        String severity = text(payload, "severity");
        if (isBlank(severity)) {
            errors.add("'payload.severity' is missing or blank");
        } else if (!SEVERITIES.contains(severity)) {
            errors.add("'payload.severity' is invalid (must be one of the following: "
                    + "'critical', 'warning', 'error' or 'info')");
        }
    }

    /** links[] items need an href (FACTS.md §2; spec Links.required). Our wording. */
    private static void checkLinks(JsonNode event, List<String> errors) {
        JsonNode links = event.get("links");
        if (links == null || links.isNull()) {
            return;
        }
        if (!links.isArray()) {
            errors.add("'links' is invalid (must be an array)");
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            if (isBlank(text(links.get(i), "href"))) {
                errors.add("'links[" + i + "].href' is missing or blank");
            }
        }
    }

    /** images[] items need a src served over HTTPS (FACTS.md §2; spec Images). Our wording. */
    private static void checkImages(JsonNode event, List<String> errors) {
        JsonNode images = event.get("images");
        if (images == null || images.isNull()) {
            return;
        }
        if (!images.isArray()) {
            errors.add("'images' is invalid (must be an array)");
            return;
        }
        for (int i = 0; i < images.size(); i++) {
            String src = text(images.get(i), "src");
            if (isBlank(src)) {
                errors.add("'images[" + i + "].src' is missing or blank");
            } else if (!src.strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
                errors.add("'images[" + i + "].src' is invalid (must be an HTTPS URL)");
            }
        }
    }

    /** 512 KB limit (FACTS.md §2); PagerDuty's status for it is unconfirmed, 400 assumed ([I10]). Our wording. */
    private static void checkSize(int bodyBytes, List<String> errors) {
        if (bodyBytes > MAX_EVENT_BYTES) {
            errors.add("Event object is too large (maximum is 512000 bytes)");
        }
    }

    /** The string value of {@code parent.field}, or {@code null} when absent, null or not a string. */
    static String text(JsonNode parent, String field) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode node = parent.get(field);
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isAsciiAlphanumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
