package app.ascend.notify.channel.pagerduty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a channel contributes to the rendered event.
 *
 * <p>The routing key is not checked for PagerDuty's 32-alphanumeric shape here: rendering is pure, and
 * the product page's own example key ({@code your-routing-key}) must render. The notifier checks it with
 * {@link PagerDutyLimits#isValidRoutingKey} before sending.
 *
 * @param severityMapping  the channel's severity_mapping (risk level → PagerDuty severity); null means
 *                         {@link SeverityMapper#DEFAULT_MAPPING}
 * @param runbookLinks     event type wire name (e.g. {@code action.blocked}) → runbook URL; null means none
 * @param includeMetadata  the page's include_metadata: all eight custom_details keys, or only action_id
 *                         and risk_level
 * @param publicUrl        ASCEND's public base URL (e.g. {@code https://pilot.owkai.app}); trailing
 *                         slashes are removed; null or blank means no "View in Ascend" link
 */
public record RenderOptions(
        String routingKey,
        String organizationName,
        Map<String, String> severityMapping,
        Map<String, String> runbookLinks,
        boolean includeMetadata,
        String publicUrl) {

    public RenderOptions {
        Objects.requireNonNull(routingKey, "routingKey");
        severityMapping = severityMapping == null ? SeverityMapper.DEFAULT_MAPPING : copyWithoutNulls(severityMapping);
        runbookLinks = runbookLinks == null ? Map.of() : copyWithoutNulls(runbookLinks);
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    /** Default mapping, no runbooks, metadata included. */
    public static RenderOptions of(String routingKey, String organizationName, String publicUrl) {
        return new RenderOptions(routingKey, organizationName, null, null, true, publicUrl);
    }

    private static Map<String, String> copyWithoutNulls(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
