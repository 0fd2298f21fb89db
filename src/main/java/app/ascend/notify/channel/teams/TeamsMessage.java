package app.ascend.notify.channel.teams;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body POSTed to a Workflows webhook: a Bot Framework style message whose one attachment is an Adaptive
 * Card, the format Microsoft documents for cards sent to incoming webhooks ("Send Adaptive Cards using an
 * incoming webhook", https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using)
 * and that the "Post to a channel when a webhook request is received" template posts ({@code attachments[].content},
 * FACTS.md §2-3). Only elements Teams renders from a webhook: TextBlock, FactSet, and {@code Action.OpenUrl}
 * (never {@code Action.Submit}, https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference).
 */
final class TeamsMessage {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    /**
     * Teams renders Adaptive Cards up to 1.5; the highest version the Workflows "Post card" action honours is
     * unconfirmed (FACTS.md §3, §8.2), and nothing here needs more than 1.2 ({@code style} on an action), so 1.4,
     * the version in Microsoft's webhook example.
     */
    static final String CARD_VERSION = "1.4";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TeamsMessage() {
    }

    /** One fact of a FactSet: a label and its value. */
    record Fact(String title, String value) {
    }

    /** An {@code Action.OpenUrl} button. */
    record Button(String title, String url) {
    }

    /**
     * A card's parts before layout.
     *
     * @param accent  the title's color: {@code attention}, {@code warning}, {@code good} or {@code default}
     * @param footer  the dedup key and time, small and subtle; names the alert a follow-up refers to
     * @param details the event's details as JSON text, or null
     * @param cut     what was cut to fit, said on the card
     */
    record Card(String title, String accent, String summary, List<Fact> facts, String details, String footer,
            List<Button> buttons, List<String> cut) {
    }

    static ObjectNode envelope(Card card) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("type", "message");
        ArrayNode attachments = message.putArray("attachments");
        ObjectNode attachment = attachments.addObject();
        attachment.put("contentType", CONTENT_TYPE);
        attachment.putNull("contentUrl");
        attachment.set("content", adaptiveCard(card));
        return message;
    }

    private static ObjectNode adaptiveCard(Card card) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("$schema", SCHEMA);
        content.put("type", "AdaptiveCard");
        content.put("version", CARD_VERSION);
        ArrayNode body = content.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", card.title()).put("size", "Large").put("weight", "Bolder")
                .put("color", card.accent()).put("wrap", true);
        if (card.summary() != null) {
            body.addObject().put("type", "TextBlock").put("text", card.summary()).put("wrap", true);
        }
        if (!card.facts().isEmpty()) {
            ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
            card.facts().forEach(fact -> facts.addObject().put("title", fact.title()).put("value", fact.value()));
        }
        if (card.details() != null) {
            body.addObject().put("type", "TextBlock").put("text", card.details()).put("fontType", "Monospace")
                    .put("size", "Small").put("wrap", true);
        }
        body.addObject().put("type", "TextBlock").put("text", card.footer()).put("size", "Small").put("isSubtle", true)
                .put("wrap", true);
        if (!card.cut().isEmpty()) {
            body.addObject().put("type", "TextBlock").put("text", "Cut to fit Teams' message size: "
                    + String.join(", ", card.cut())).put("size", "Small").put("isSubtle", true).put("wrap", true);
        }
        if (!card.buttons().isEmpty()) {
            ArrayNode actions = content.putArray("actions");
            card.buttons().forEach(button -> actions.addObject().put("type", "Action.OpenUrl")
                    .put("title", button.title()).put("url", button.url()));
        }
        return content;
    }

    /** The exact bytes sent: compact JSON, UTF-8. */
    static byte[] bytes(JsonNode message) {
        return JSON.writeValueAsBytes(message);
    }

    static String json(JsonNode node) {
        return JSON.writeValueAsString(node);
    }
}
