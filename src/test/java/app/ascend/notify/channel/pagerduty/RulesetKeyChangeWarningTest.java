package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.event.EventType;

/** Change events need a service's integration key (FACTS.md §6): a channel sending them to a ruleset key is warned. */
class RulesetKeyChangeWarningTest {
    private static final String RULESET_KEY = "R0123456789abcdefABCDEF012345678";
    private static final String SERVICE_KEY = "0123456789abcdef0123456789abcdef";

    private static PagerDutySettings routingTo(String key) {
        return new PagerDutySettings(null, key, "us", Map.of(), Map.of(), true, null, List.of(), null, null);
    }

    @Test
    void changesToARulesetKeyAreWarnedAbout() {
        List<String> warnings = routingTo(RULESET_KEY).warnings(List.of(EventType.ACTION_BLOCKED, EventType.POLICY_CHANGED,
                EventType.AGENT_DEPLOYED));

        assertThat(warnings).singleElement().asString().startsWith("policy.changed, agent.deployed would go to a ruleset key")
                .doesNotContain(RULESET_KEY);
    }

    @Test
    void triggersToARulesetKeyAndChangesToAServiceKeyAreFine() {
        assertThat(routingTo(RULESET_KEY).warnings(List.of(EventType.ACTION_BLOCKED))).isEmpty();
        assertThat(routingTo(SERVICE_KEY).warnings(List.of(EventType.POLICY_CHANGED))).isEmpty();
    }
}
