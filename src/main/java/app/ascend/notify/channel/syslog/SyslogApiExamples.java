package app.ascend.notify.channel.syslog;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for the OpenAPI description ({@code ChannelType.apiExamples()}). */
final class SyslogApiExamples {
    private SyslogApiExamples() {
    }

    static final Map<String, Map<String, String>> EXAMPLES = Map.of(
            "POST /api/notifications/channels", ordered(
                    "Syslog (CEF over TLS) to a SIEM", """
                            {"name": "QRadar", "type": "syslog",
                             "config": {"host": "qradar.example.com", "port": 6514,
                                        "ca_certificate": "-----BEGIN CERTIFICATE-----\\nMIIB…\\n-----END CERTIFICATE-----\\n",
                                        "hostname": "ascend.example.com", "facility": "local4"},
                             "events": ["action.blocked", "policy.violation", "auth.failed", "auth.mfa_failed", "anomaly.detected",
                                        "action.approved", "action.resolved", "action.acknowledged"]}"""));

    private static Map<String, String> ordered(String... namesAndBodies) {
        Map<String, String> examples = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBodies.length; i += 2) {
            examples.put(namesAndBodies[i], namesAndBodies[i + 1]);
        }
        return examples;
    }
}
