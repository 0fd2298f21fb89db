package app.ascend.notify.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.event.EventType;
import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.json.JsonMapper;

/** {@code config.runbook_links} as every channel type with runbook buttons reads it: good entries kept, bad ones named. */
class RunbookLinksTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FieldErrors errors = new FieldErrors();

    @Test
    void linksOfKnownEventTypesAreKeptInOrderAndTrimmed() {
        Map<String, String> links = read("{\"runbook_links\": {\"policy.violation\": \" https://wiki.example.com/pv \", "
                + "\"action.blocked\": \"http://wiki.example.com/blocked\"}}");

        assertThat(errors.list()).isEmpty();
        assertThat(links).containsExactly(Map.entry("policy.violation", "https://wiki.example.com/pv"),
                Map.entry("action.blocked", "http://wiki.example.com/blocked"));
    }

    @Test
    void anAbsentOrNullFieldIsNoLinks() {
        assertThat(read("{}")).isEmpty();
        assertThat(read("{\"runbook_links\": null}")).isEmpty();
        assertThat(errors.list()).isEmpty();
    }

    @Test
    void eachBadEntryIsAnErrorOnItsPathAndTheGoodOnesAreStillRead() {
        Map<String, String> links = read("{\"runbook_links\": {\"action.exploded\": \"https://x.example/\", "
                + "\"policy.violation\": \"wiki/page\", \"action.blocked\": \"https://wiki.example.com/b\", "
                + "\"auth.failed\": \"https://" + "a".repeat(RunbookLinks.MAX_URL_LENGTH) + "\"}}");

        assertThat(links).containsExactly(Map.entry("action.blocked", "https://wiki.example.com/b"));
        assertThat(errors.list()).extracting(e -> e.field() + ": " + e.message()).containsExactly(
                "config.runbook_links.action.exploded: unknown event type; known types: "
                        + String.join(", ", EventType.wireNames()),
                "config.runbook_links.policy.violation: must be an absolute http:// or https:// URL",
                "config.runbook_links.auth.failed: must be at most 2000 characters");
    }

    @Test
    void notAnObjectIsAnErrorOnTheField() {
        assertThat(read("{\"runbook_links\": [\"https://wiki.example.com\"]}")).isEmpty();
        assertThat(errors.list()).extracting(e -> e.field() + ": " + e.message())
                .containsExactly("config.runbook_links: must be a JSON object");
    }

    private Map<String, String> read(String config) {
        return RunbookLinks.read(JsonFields.object(JSON.readTree(config), "config", errors).orElseThrow());
    }
}
