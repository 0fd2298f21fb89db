package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code payload.summary}: the event's own, or a template per type, within PagerDuty's 1024 characters. */
class SummaryTest {

    private static String summary(TestEvents event) {
        return SummaryTemplates.summaryOf(event.build());
    }

    @Test
    void eventsOwnSummaryWins() {
        assertThat(summary(TestEvents.pageExample().summary("Custom text"))).isEqualTo("Custom text");
        assertThat(summary(TestEvents.pageExample().type(EventType.ACTION_BLOCKED).summary("  ")))
                .as("blank is no override").isEqualTo("High-risk action blocked: database_query on customer_database");
    }

    @ParameterizedTest(name = "action.blocked with risk {0} reads \"{1}\"")
    @CsvSource({
            "critical, High-risk action blocked: database_query on customer_database",
            "high, High-risk action blocked: database_query on customer_database",
            "medium, Action blocked: database_query on customer_database",
            "low, Action blocked: database_query on customer_database"})
    void blockedActionSaysHighRiskOnlyForHighAndCritical(String level, String expected) {
        assertThat(summary(TestEvents.pageExample().type(EventType.ACTION_BLOCKED).summary(null).riskLevel(level)))
                .isEqualTo(expected);
    }

    @Test
    void blockedActionUsesTheLevelDerivedFromTheScore() {
        TestEvents scored = TestEvents.pageExample().type(EventType.ACTION_BLOCKED).summary(null).riskLevel(null);

        assertThat(summary(scored.riskScore(70))).startsWith("High-risk action blocked:");
        assertThat(summary(scored.riskScore(69))).startsWith("Action blocked:");
    }

    @Test
    void templatesOfTheOtherTypes() {
        TestEvents e = TestEvents.pageExample().summary(null).user("alice@acme.com").sourceIp("203.0.113.7");

        assertThat(summary(e.type(EventType.POLICY_VIOLATION))).isEqualTo(
                "Policy violation: Data Protection Policy by agent customer-service-agent"
                        + " (database_query on customer_database)");
        assertThat(summary(e.type(EventType.AUTH_FAILED)))
                .isEqualTo("Authentication failed for user alice@acme.com from 203.0.113.7");
        assertThat(summary(e.type(EventType.AUTH_MFA_FAILED)))
                .isEqualTo("MFA verification failed for user alice@acme.com from 203.0.113.7");
        assertThat(summary(e.type(EventType.ANOMALY_DETECTED)))
                .isEqualTo("Anomaly detected for agent customer-service-agent: database_query on customer_database");
        assertThat(summary(e.type(EventType.ACTION_APPROVED)))
                .isEqualTo("Action approved: database_query on customer_database");
        assertThat(summary(e.type(EventType.ACTION_RESOLVED)))
                .isEqualTo("Action resolved: database_query on customer_database");
        assertThat(summary(e.type(EventType.ACTION_ACKNOWLEDGED)))
                .isEqualTo("Action acknowledged: database_query on customer_database");
    }

    @ParameterizedTest(name = "{0} with nothing but id, type and time reads \"{1}\"")
    @CsvSource({
            "ACTION_BLOCKED, High-risk action blocked",
            "POLICY_VIOLATION, Policy violation",
            "AUTH_FAILED, Authentication failed",
            "AUTH_MFA_FAILED, MFA verification failed",
            "ANOMALY_DETECTED, Anomaly detected",
            "ACTION_APPROVED, Action approved",
            "ACTION_RESOLVED, Action resolved",
            "ACTION_ACKNOWLEDGED, Action acknowledged"})
    void templatesDegradeToTheirHeadlineWhenFieldsAreMissing(EventType type, String expected) {
        assertThat(summary(TestEvents.bare(type))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void partlyMissingFieldsNeverPrintNull(EventType type) {
        GovernanceEvent event = TestEvents.bare(type).resource("customer_database").user("bob").build();

        assertThat(SummaryTemplates.summaryOf(event)).doesNotContain("null").doesNotEndWith(":").doesNotEndWith(" ");
    }

    @Test
    void partlyKnownTargetsReadNaturally() {
        TestEvents blocked = TestEvents.bare(EventType.ACTION_BLOCKED).riskLevel("low");

        assertThat(summary(blocked.resource("customer_database"))).isEqualTo("Action blocked: action on customer_database");
        assertThat(summary(TestEvents.bare(EventType.ACTION_BLOCKED).riskLevel("low").actionType("file_delete")))
                .isEqualTo("Action blocked: file_delete");
        assertThat(summary(TestEvents.bare(EventType.ACTION_BLOCKED).riskLevel("low").actionId("act_1")))
                .isEqualTo("Action blocked: act_1");
        assertThat(summary(TestEvents.bare(EventType.AUTH_FAILED).sourceIp("203.0.113.7")))
                .isEqualTo("Authentication failed from 203.0.113.7");
        assertThat(summary(TestEvents.bare(EventType.POLICY_VIOLATION).agentId("bot-7")))
                .isEqualTo("Policy violation by agent bot-7");
    }

    @Test
    void longSummaryIsCutTo1024CodePointsEndingWithEllipsis() {
        String cut = summary(TestEvents.pageExample().summary("a".repeat(2000)));

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(1024);
        assertThat(cut).isEqualTo("a".repeat(1023) + "…");
        assertThat(Rendered.json(TestEvents.pageExample().summary("a".repeat(2000)).build())
                .at("/payload/summary").asString()).isEqualTo(cut);
    }

    @Test
    void summaryOfExactly1024EmojiIsKeptWhole() {
        String emoji = "😀".repeat(1024); // 2048 UTF-16 units, 1024 code points

        assertThat(summary(TestEvents.pageExample().summary(emoji))).isEqualTo(emoji);
    }

    @Test
    void truncationCountsCodePointsAndNeverSplitsASurrogatePair() {
        String cut = summary(TestEvents.pageExample().summary("a" + "😀".repeat(1100)));

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(1024);
        assertThat(cut).isEqualTo("a" + "😀".repeat(1022) + "…");
        assertThat(hasLoneSurrogate(cut)).isFalse();
    }

    @Test
    void templateSummaryIsTruncatedToo() {
        String cut = summary(TestEvents.pageExample().type(EventType.ACTION_BLOCKED).summary(null)
                .resource("r".repeat(5000)));

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(1024);
        assertThat(cut).startsWith("High-risk action blocked: database_query on rrr").endsWith("…");
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
