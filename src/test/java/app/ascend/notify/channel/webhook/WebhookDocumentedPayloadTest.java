package app.ascend.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.event.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/webhooks.md shows what the renderer sends, and docs/webhook-payload.schema.json names every field
 * it sends. (No JSON Schema validator is on the classpath; the examples were validated against the schema
 * with Python's jsonschema when written.)
 */
class WebhookDocumentedPayloadTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private final WebhookPayload payloads = new WebhookPayload("https://pilot.owkai.app");

    @Test
    void theExamplesInTheDocsAreWhatTheRendererSends() throws IOException {
        List<JsonNode> examples = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(Files.readString(Path.of("docs/webhooks.md")));
        while (block.find()) {
            examples.add(JSON.readTree(block.group(1)));
        }
        List<EventType> shown = List.of(EventType.ACTION_BLOCKED, EventType.ACTION_ACKNOWLEDGED, EventType.ACTION_APPROVED);
        assertThat(examples).hasSize(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            EventType type = shown.get(i);
            assertThat(examples.get(i)).as(type.wireName()).isEqualTo(payloads.event(WebhookPayloadTest.CHANNEL,
                    WebhookPayloadTest.event(type, "evt_01JEXAMPLE" + type.ordinal()), "Acme Corp"));
        }
    }

    @Test
    void theSchemaRequiresExactlyTheFieldsSent() throws IOException {
        JsonNode schema = JSON.readTree(Files.readString(Path.of("docs/webhook-payload.schema.json")));
        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        JsonNode event = payloads.event(WebhookPayloadTest.CHANNEL, WebhookPayloadTest.event(EventType.POLICY_VIOLATION, "e"),
                "Acme");
        JsonNode test = payloads.test(WebhookPayloadTest.CHANNEL, "t", "k", "Acme", MessageKind.TEST, Instant.EPOCH);
        for (JsonNode payload : List.of(event, test)) {
            assertThat(WebhookPayloadTest.fieldNames(payload)).isEqualTo(strings(schema.get("required")));
            assertThat(WebhookPayloadTest.fieldNames(payload.get("data")))
                    .isEqualTo(strings(schema.get("properties").get("data").get("required")));
            assertThat(payload.get("type").stringValue()).matches(schema.get("properties").get("type").get("pattern").stringValue());
        }
        List<String> documentedTypes = strings(schema.get("properties").get("data").get("properties").get("event_type").get("enum"));
        assertThat(documentedTypes).containsAll(EventType.wireNames());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.stringValue()));
        return values;
    }
}
