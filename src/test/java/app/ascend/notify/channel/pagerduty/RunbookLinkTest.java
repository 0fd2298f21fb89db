package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.TestEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The page's "Link Runbooks" (runbook_links per event type) and its "View in Ascend" link. */
class RunbookLinkTest {

    /** The product page's runbook_links example. */
    private static final Map<String, String> PAGE_RUNBOOKS = Map.of(
            "action.blocked", "https://wiki.company.com/runbooks/blocked-action",
            "policy.violation", "https://wiki.company.com/runbooks/policy-violation");

    private static RenderOptions options(Map<String, String> runbooks, String publicUrl) {
        return new RenderOptions(Rendered.PAGE_ROUTING_KEY, "Acme Corp", null, runbooks, true, publicUrl);
    }

    @Test
    void runbookOfTheEventsTypeFollowsTheViewInAscendLink() {
        JsonNode links = Rendered.json(TestEvents.pageExample().type(EventType.ACTION_BLOCKED).build(),
                options(PAGE_RUNBOOKS, Rendered.PAGE_PUBLIC_URL)).get("links");

        assertThat(links).hasSize(2);
        assertThat(links.at("/0/href").asString()).isEqualTo("https://pilot.owkai.app/actions/act_xyz789");
        assertThat(links.at("/0/text").asString()).isEqualTo("View in Ascend");
        assertThat(links.at("/1/href").asString()).isEqualTo("https://wiki.company.com/runbooks/blocked-action");
        assertThat(links.at("/1/text").asString()).isEqualTo("Runbook");
    }

    @Test
    void runbooksOfOtherTypesAreNotLinked() {
        JsonNode links = Rendered.json(TestEvents.pageExample().type(EventType.AUTH_FAILED).build(),
                options(PAGE_RUNBOOKS, Rendered.PAGE_PUBLIC_URL)).get("links");

        assertThat(links).hasSize(1);
        assertThat(links.at("/0/text").asString()).isEqualTo("View in Ascend");
    }

    @Test
    void withoutAnActionIdOnlyTheRunbookIsLinked() {
        JsonNode links = Rendered.json(TestEvents.pageExample().actionId(null).build(),
                options(PAGE_RUNBOOKS, Rendered.PAGE_PUBLIC_URL)).get("links");

        assertThat(links).hasSize(1);
        assertThat(links.at("/0/href").asString()).isEqualTo("https://wiki.company.com/runbooks/policy-violation");
    }

    @Test
    void withNothingToLinkTheLinksFieldIsLeftOut() {
        JsonNode json = Rendered.json(TestEvents.pageExample().actionId(null).build(), options(null, null));

        assertThat(json.has("links")).isFalse();
        assertThat(json.has("client_url")).isFalse();
        assertThat(json.get("client").asString()).isEqualTo("ASCEND");
    }

    @Test
    void trailingSlashOfThePublicUrlIsDroppedAndTheActionIdIsEncoded() {
        JsonNode json = Rendered.json(TestEvents.pageExample().actionId("act 1/2").build(),
                options(null, "https://pilot.owkai.app/"));

        assertThat(json.at("/links/0/href").asString()).isEqualTo("https://pilot.owkai.app/actions/act%201%2F2");
        assertThat(json.get("client_url").asString()).isEqualTo("https://pilot.owkai.app");
    }
}
