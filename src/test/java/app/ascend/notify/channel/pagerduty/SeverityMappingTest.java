package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import app.ascend.notify.event.TestEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The product page's "Severity Mapping" table and the channel's severity_mapping. */
class SeverityMappingTest {

    @ParameterizedTest(name = "risk score {0} is {1} and pages as {2}")
    @CsvSource({
            "0, low, info", "39, low, info",
            "40, medium, warning", "69, medium, warning",
            "70, high, error", "89, high, error",
            "90, critical, critical", "100, critical, critical",
            "-5, low, info", "150, critical, critical"})
    void riskScoreBandsOfThePageTable(int score, String level, String severity) {
        GovernanceEvent event = TestEvents.pageExample().riskLevel(null).riskScore(score).build();

        assertThat(SeverityMapper.riskLevelOf(event)).isEqualTo(level);
        assertThat(Rendered.json(event).at("/payload/severity").asString()).isEqualTo(severity);
        assertThat(Rendered.json(event).at("/payload/custom_details/risk_level").asString()).isEqualTo(level);
    }

    @Test
    void riskLevelOfTheEventWinsOverItsScore() {
        GovernanceEvent event = TestEvents.pageExample().riskLevel("low").riskScore(95).build();

        assertThat(SeverityMapper.riskLevelOf(event)).isEqualTo("low");
        assertThat(Rendered.json(event).at("/payload/severity").asString()).isEqualTo("info");
    }

    @Test
    void riskLevelIsReadCaseInsensitivelyAndAnUnknownOneFallsBackToTheScore() {
        assertThat(SeverityMapper.riskLevelOf(TestEvents.pageExample().riskLevel(" HIGH ").riskScore(10).build()))
                .isEqualTo("high");
        assertThat(SeverityMapper.riskLevelOf(TestEvents.pageExample().riskLevel("severe").riskScore(50).build()))
                .isEqualTo("medium");
    }

    @ParameterizedTest(name = "{0} without level or score is {1} ({2})")
    @CsvSource({
            "ACTION_BLOCKED, high, error",
            "POLICY_VIOLATION, high, error",
            "AUTH_FAILED, medium, warning",
            "AUTH_MFA_FAILED, high, error",
            "ANOMALY_DETECTED, medium, warning"})
    void eachTriggerTypeHasADocumentedDefaultLevel(EventType type, String level, String severity) {
        GovernanceEvent event = TestEvents.bare(type).build();

        assertThat(SeverityMapper.riskLevelOf(event)).isEqualTo(level);
        assertThat(Rendered.json(event).at("/payload/severity").asString()).isEqualTo(severity);
    }

    @Test
    void defaultMappingIsThePageTable() {
        assertThat(SeverityMapper.DEFAULT_MAPPING).containsExactly(
                Map.entry("critical", "critical"), Map.entry("high", "error"),
                Map.entry("medium", "warning"), Map.entry("low", "info"));
    }

    @Test
    void channelMappingDecidesTheSeverity() {
        Map<String, String> pageEverything = Map.of("critical", "critical", "high", "critical",
                "medium", "error", "low", "warning");
        RenderOptions options = new RenderOptions("your-routing-key", "Acme Corp", pageEverything, null, true, null);

        assertThat(Rendered.json(TestEvents.pageExample().riskLevel("high").build(), options)
                .at("/payload/severity").asString()).isEqualTo("critical");
        assertThat(Rendered.json(TestEvents.pageExample().riskLevel("low").build(), options)
                .at("/payload/severity").asString()).isEqualTo("warning");
    }

    @Test
    void levelsMissingFromAPartialChannelMappingUseTheDefault() {
        Map<String, String> criticalOnly = Map.of("critical", "error");

        assertThat(SeverityMapper.severityOf(TestEvents.pageExample().riskLevel("critical").build(), criticalOnly))
                .isEqualTo("error");
        assertThat(SeverityMapper.severityOf(TestEvents.pageExample().riskLevel("high").build(), criticalOnly))
                .isEqualTo("error");
        assertThat(SeverityMapper.severityOf(TestEvents.pageExample().riskLevel("medium").build(), criticalOnly))
                .isEqualTo("warning");
        assertThat(SeverityMapper.severityOf(TestEvents.pageExample().riskLevel("low").build(), Map.of()))
                .isEqualTo("info");
        assertThat(SeverityMapper.severityOf(TestEvents.pageExample().riskLevel("low").build(), null))
                .isEqualTo("info");
    }

    @Test
    void mappedValuesAreLowercasedAndOnesPagerDutyWouldRejectFallBackToTheDefault() {
        GovernanceEvent low = TestEvents.pageExample().riskLevel("low").build();

        // PagerDuty answers 400 to "Info" (case-sensitive) and to anything outside the four ([S4]).
        assertThat(SeverityMapper.severityOf(low, Map.of("low", "Warning"))).isEqualTo("warning");
        assertThat(SeverityMapper.severityOf(low, Map.of("low", "urgent"))).isEqualTo("info");
        assertThat(SeverityMapper.isValidSeverity("Info")).isFalse();
        assertThat(SeverityMapper.isValidSeverity("info")).isTrue();
    }
}
