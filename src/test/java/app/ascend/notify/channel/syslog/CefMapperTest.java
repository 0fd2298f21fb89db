package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;
import tools.jackson.databind.json.JsonMapper;

/** The documented CEF mapping (docs/siem.md): which key holds what, lengths, severity, what is left out. */
class CefMapperTest {
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.089Z");
    private final CefMapper mapper = new CefMapper("1.2.3", "https://pilot.owkai.app/");

    private static GovernanceEvent event(EventType type, Integer score, String level) {
        return new GovernanceEvent("evt_1", "org_1", type, AT, "act_1", "agent-7", "database.delete", "prod.users", score,
                level, "Production Protection", "alice", "203.0.113.9", "Agent tried to delete", null,
                JsonMapper.builder().build().createObjectNode().put("rows", 5));
    }

    private static Map<String, String> fields(CefRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        record.extension().forEach(f -> fields.put(f.key(), f.value()));
        return fields;
    }

    @Test
    void aTriggerMapsEachFieldToItsDocumentedKey() {
        CefRecord record = mapper.event(event(EventType.ACTION_BLOCKED, 95, null), "Acme");

        assertThat(record.vendor()).isEqualTo("Ascend");
        assertThat(record.product()).isEqualTo("Ascend Notify");
        assertThat(record.version()).isEqualTo("1.2.3");
        assertThat(record.eventClassId()).isEqualTo("action.blocked");
        assertThat(record.name()).isEqualTo("Action blocked");
        assertThat(record.severity()).isEqualTo(9);
        assertThat(fields(record)).containsExactly(Map.entry("rt", "1772600767089"), Map.entry("cat", "trigger"),
                Map.entry("act", "database.delete"), Map.entry("suser", "agent-7"), Map.entry("duser", "alice"),
                Map.entry("src", "203.0.113.9"), Map.entry("msg", "Agent tried to delete"), Map.entry("externalId", "evt_1"),
                Map.entry("request", "https://pilot.owkai.app/actions/act_1"), Map.entry("cn1", "95"),
                Map.entry("cn1Label", "Risk Score"), Map.entry("cs1", "prod.users"), Map.entry("cs1Label", "Resource"),
                Map.entry("cs2", "Production Protection"), Map.entry("cs2Label", "Policy"), Map.entry("cs3", "critical"),
                Map.entry("cs3Label", "Risk Level"), Map.entry("cs4", "act_1"), Map.entry("cs4Label", "Action ID"),
                Map.entry("cs5", "ascend-act_1"), Map.entry("cs5Label", "Dedup Key"), Map.entry("cs6", "{\"rows\":5}"),
                Map.entry("cs6Label", "Details"), Map.entry("flexString1", "Acme"),
                Map.entry("flexString1Label", "Organization"));
    }

    @Test
    void absentFieldsAreLeftOutAndAnIpv6SourceGoesToItsOwnKey() {
        GovernanceEvent bare = new GovernanceEvent("evt_2", "org_1", EventType.AUTH_FAILED, AT, null, null, null, null, null,
                null, null, null, "2001:db8::1", null, null, null);

        Map<String, String> fields = fields(mapper.event(bare, null));

        assertThat(fields).doesNotContainKeys("act", "suser", "duser", "src", "request", "cn1", "cs1", "cs2", "cs4", "cs6")
                .containsEntry("c6a2", "2001:db8::1").containsEntry("c6a2Label", "Source IPv6 Address")
                .containsEntry("msg", "Authentication failed").containsEntry("cs3", "medium")
                .containsEntry("cs5", "ascend-evt_2").containsEntry("flexString1", "org_1");
    }

    @ParameterizedTest
    @CsvSource({ "100,,10", "95,,9", "90,,9", "89,,8", "70,,7", "69,,6", "40,,4", "39,,3", "0,,0", "95,low,2",
            "10,critical,10", ",high,8", ",medium,5" })
    void aTriggersSeverityIsItsScoreInItsBandOrItsLevels(Integer score, String level, int severity) {
        assertThat(CefMapper.severity(event(EventType.POLICY_VIOLATION, score, level))).isEqualTo(severity);
    }

    @Test
    void aFollowUpIsLowWhateverItsRisk() {
        CefRecord record = mapper.event(event(EventType.ACTION_APPROVED, 99, "critical"), "Acme");

        assertThat(record.severity()).isEqualTo(CefMapper.FOLLOW_UP_SEVERITY);
        assertThat(record.name()).isEqualTo("Action approved");
        assertThat(fields(record)).containsEntry("cat", "resolve").containsEntry("cs3", "critical");
        assertThat(fields(mapper.event(event(EventType.ACTION_ACKNOWLEDGED, null, null), "Acme")))
                .containsEntry("cat", "acknowledge");
    }

    @Test
    void valuesAreCutToTheDictionarysLengths() {
        GovernanceEvent big = new GovernanceEvent("evt_" + "9".repeat(60), "org_1", EventType.ACTION_BLOCKED, AT, "a",
                null, "x".repeat(100), "r".repeat(5000), 50, null, null, null, null, "s".repeat(2000), null, null);

        Map<String, String> fields = fields(mapper.event(big, "Acme"));

        assertThat(fields.get("act")).hasSize(63).endsWith("…");
        assertThat(fields.get("externalId")).hasSize(40).endsWith("…");
        assertThat(fields.get("msg")).hasSize(1023).endsWith("…");
        assertThat(fields.get("cs1")).hasSize(4000).endsWith("…");
    }

    @Test
    void aTestAlertIsLowAndItsResolveSaysSo() {
        CefRecord test = mapper.test("Test from the console", "ascend-test-1", "Acme", "SIEM", MessageKind.TEST, 1000L);
        CefRecord resolved = mapper.test("Test from the console", "ascend-test-1", "Acme", "SIEM", MessageKind.RESOLVE, 2000L);

        assertThat(test.eventClassId()).isEqualTo("test");
        assertThat(test.severity()).isEqualTo(3);
        assertThat(fields(test)).containsEntry("cat", "test").containsEntry("cs5", "ascend-test-1")
                .containsEntry("flexString2", "SIEM").containsEntry("rt", "1000");
        assertThat(resolved.eventClassId()).isEqualTo("test.resolved");
        assertThat(resolved.name()).isEqualTo("ASCEND test alert resolved");
        assertThat(fields(resolved)).containsEntry("cat", "resolve");
    }
}
