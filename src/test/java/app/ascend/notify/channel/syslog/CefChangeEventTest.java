package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ascend.notify.event.EventType;
import app.ascend.notify.event.GovernanceEvent;

/** A change in CEF: cat "change", its own name, Low severity unless it carries a risk, the event's console link. */
class CefChangeEventTest {
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.089Z");
    private final CefMapper mapper = new CefMapper("1.2.3", "https://pilot.owkai.app/");

    private static GovernanceEvent change(Integer score) {
        return new GovernanceEvent("evt_4", "org_1", EventType.POLICY_CHANGED, AT, null, null, null, null, score, null,
                "Production Protection", "alice", null, null, null, null);
    }

    @Test
    void aPolicyChangeIsALowSeverityChangeRecord() {
        CefRecord record = mapper.event(change(null), "Acme");
        Map<String, String> fields = new LinkedHashMap<>();
        record.extension().forEach(f -> fields.put(f.key(), f.value()));

        assertThat(record.eventClassId()).isEqualTo("policy.changed");
        assertThat(record.name()).isEqualTo("Policy changed");
        assertThat(record.severity()).isEqualTo(CefMapper.CHANGE_SEVERITY);
        assertThat(fields).containsEntry("cat", "change")
                .containsEntry("msg", "Policy changed: Production Protection by alice")
                .containsEntry("request", "https://pilot.owkai.app/#/events/evt_4")
                .containsEntry("cs5", "ascend-evt_4");
    }

    @Test
    void aChangeCarryingARiskIsScoredLikeATrigger() {
        assertThat(mapper.event(change(92), "Acme").severity()).isEqualTo(9);
    }
}
