package app.ascend.notify.channel.syslog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The RFC 5424 facilities a security event may sensibly be filed under (https://www.rfc-editor.org/rfc/rfc5424
 * §6.2.1 table 1). Sentinel's data collection rule picks facilities per stream (FACTS.md §5), so the admin chooses
 * one that stream collects; {@code local4} by default, a local facility no system daemon uses.
 */
enum SyslogFacility {
    USER(1), DAEMON(3), AUTH(4), AUTHPRIV(10), LOG_AUDIT(13), LOG_ALERT(14),
    LOCAL0(16), LOCAL1(17), LOCAL2(18), LOCAL3(19), LOCAL4(20), LOCAL5(21), LOCAL6(22), LOCAL7(23);

    static final SyslogFacility DEFAULT = LOCAL4;

    private final int code;

    SyslogFacility(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SyslogFacility> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(SyslogFacility::wireName).toList();
    }
}
