package app.ascend.notify.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a HEC event request body as HEC does (shared/reference/splunk-hec/FACTS.md §3, §4, §9): JSON objects one
 * after another, checked in order, stopping at the first bad one, whose zero-based position is the answer's
 * {@code invalid-event-number} ([SPEC-REST]). Per event: an object (else code 6), with {@code event} (missing: 12;
 * empty string or object: 13), {@code time} a plain number of epoch seconds or a string of one (E-notation or other
 * text: code 15, which only third parties report, FACTS.md §3), {@code fields} flat with string or string-array values
 * (else 15), {@code index} allowed for the token (else 7; the off-by-one position a third party measured for code 7 is
 * not reproduced, it is unconfirmed).
 */
final class HecEventCheck {
    /** Reads one value at a time from a stream of them, so what follows a value is no error here. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    /** The events read before the first bad one, and the bad one's code and position (null when all are good). */
    record Result(List<Parsed> events, HecCode refusal, Integer position) {
    }

    record Parsed(ObjectNode envelope, String timeText) {
    }

    private HecEventCheck() {
    }

    static Result check(byte[] body, HecToken token) {
        List<Parsed> events = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            while (true) {
                JsonToken next;
                try {
                    next = parser.nextToken();
                } catch (JacksonException e) {
                    return new Result(events, HecCode.INVALID_DATA_FORMAT, events.size());
                }
                if (next == null) {
                    break;
                }
                if (next != JsonToken.START_OBJECT) {
                    return new Result(events, HecCode.INVALID_DATA_FORMAT, events.size());
                }
                Parsed parsed;
                try {
                    parsed = object(parser);
                } catch (JacksonException e) {
                    return new Result(events, HecCode.INVALID_DATA_FORMAT, events.size());
                }
                HecCode problem = problem(parsed, token);
                if (problem != null) {
                    return new Result(events, problem, events.size());
                }
                events.add(parsed);
            }
        }
        if (events.isEmpty()) {
            return new Result(events, HecCode.NO_DATA, null);
        }
        return new Result(events, null, null);
    }

    /** One top-level object, keeping the raw text of {@code time}. */
    private static Parsed object(JsonParser parser) {
        ObjectNode envelope = JSON.createObjectNode();
        String timeText = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("time".equals(name) && value != null && value.isScalarValue()) {
                timeText = value == JsonToken.VALUE_STRING ? "\"" + parser.getString() + "\"" : parser.getString();
            }
            JsonNode node = JSON.readTree(parser);
            envelope.set(name, node);
        }
        return new Parsed(envelope, timeText);
    }

    private static HecCode problem(Parsed parsed, HecToken token) {
        ObjectNode envelope = parsed.envelope();
        JsonNode event = envelope.get("event");
        if (event == null || event.isNull()) {
            return HecCode.EVENT_REQUIRED;
        }
        if ((event.isString() && event.stringValue().isEmpty()) || (event.isContainer() && event.isEmpty())) {
            return HecCode.EVENT_BLANK;
        }
        JsonNode time = envelope.get("time");
        if (time != null && !plainTime(time, parsed.timeText())) {
            return HecCode.INDEXED_FIELDS;
        }
        JsonNode fields = envelope.get("fields");
        if (fields != null && !flat(fields)) {
            return HecCode.INDEXED_FIELDS;
        }
        JsonNode index = envelope.get("index");
        if (index != null && !token.indexes().isEmpty()
                && (!index.isString() || !token.indexes().contains(index.stringValue()))) {
            return HecCode.INCORRECT_INDEX;
        }
        return null;
    }

    private static boolean plainTime(JsonNode time, String text) {
        if (time.isNumber()) {
            return text != null && PLAIN_NUMBER.matcher(text).matches();
        }
        return time.isString() && PLAIN_NUMBER.matcher(time.stringValue()).matches();
    }

    private static boolean flat(JsonNode fields) {
        if (!fields.isObject()) {
            return false;
        }
        for (JsonNode value : fields.values()) {
            if (value.isArray()) {
                for (JsonNode item : value.values()) {
                    if (!item.isString()) {
                        return false;
                    }
                }
            } else if (!value.isString()) {
                return false;
            }
        }
        return true;
    }
}
