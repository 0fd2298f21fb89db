package app.ascend.notify.channel.servicenow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A ServiceNow incident's {@code impact} and {@code urgency}, each {@code "1"} High, {@code "2"} Medium or
 * {@code "3"} Low, sent as strings as ServiceNow stores them (FACTS.md §4, [PRIO]). ServiceNow derives
 * {@code priority} from the two through its Priority Lookup Rules, so priority is never sent (§4).
 */
record ImpactUrgency(String impact, String urgency) {
    static final Set<String> VALUES = Set.of("1", "2", "3");

    /**
     * Risk level → impact/urgency, chosen so the base Priority Lookup Rules (§4: impact/urgency 1/1→1, 1/2→2,
     * 2/2→3, 2/3→4) give critical → 1 Critical, high → 2 High, medium → 3 Moderate, low → 4 Low. An instance whose
     * admins changed the rules computes its own; the channel's {@code priority_mapping} overrides any level.
     */
    static final Map<String, ImpactUrgency> DEFAULT_MAPPING;

    static {
        Map<String, ImpactUrgency> mapping = new LinkedHashMap<>();
        mapping.put("critical", new ImpactUrgency("1", "1"));
        mapping.put("high", new ImpactUrgency("1", "2"));
        mapping.put("medium", new ImpactUrgency("2", "2"));
        mapping.put("low", new ImpactUrgency("2", "3"));
        DEFAULT_MAPPING = Collections.unmodifiableMap(mapping);
    }

    ImpactUrgency {
        if (!VALUES.contains(impact) || !VALUES.contains(urgency)) {
            throw new IllegalArgumentException("impact and urgency are \"1\", \"2\" or \"3\"");
        }
    }
}
