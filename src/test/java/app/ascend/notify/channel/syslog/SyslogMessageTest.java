package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RFC 5424 message and its RFC 5425 frame: PRI from facility and severity, the timestamp's form, header fields
 * in printable ASCII, the octet count in UTF-8 bytes, and the size limit kept by cutting the longest value first.
 */
class SyslogMessageTest {
    private static final Instant TIME = Instant.parse("2026-03-04T05:06:07.089123Z");

    private static CefRecord record(int severity, CefRecord.Field... fields) {
        return new CefRecord("Ascend", "Ascend Notify", "1.0", "action.blocked", "Action blocked", severity, List.of(fields));
    }

    @Test
    void theMessageHasTheRfc5424HeaderAndTheCefLine() {
        SyslogMessage message = new SyslogMessage(20, "ascend.example.com", "ascend-notify", TIME,
                record(9, new CefRecord.Field("act", "delete", 63)));

        assertThat(message.text()).isEqualTo("<162>1 2026-03-04T05:06:07.089Z ascend.example.com ascend-notify - "
                + "action.blocked - CEF:0|Ascend|Ascend Notify|1.0|action.blocked|Action blocked|9|act=delete");
    }

    @ParameterizedTest
    @CsvSource({ "10,2", "9,2", "8,3", "7,3", "6,4", "4,4", "3,6", "0,6" })
    void theSyslogSeverityFollowsTheCefBands(int cef, int syslog) {
        assertThat(SyslogMessage.syslogSeverity(cef)).isEqualTo(syslog);
        assertThat(new SyslogMessage(16, "h", "a", TIME, record(cef)).pri()).isEqualTo(16 * 8 + syslog);
    }

    @Test
    void headerFieldsArePrintableAsciiWithinTheirLengthsOrNil() {
        assertThat(SyslogMessage.headerField("my host\u00e9", 255)).isEqualTo("myhost");
        assertThat(SyslogMessage.headerField("x".repeat(60), 48)).hasSize(48);
        assertThat(SyslogMessage.headerField(null, 48)).isEqualTo("-");
        assertThat(SyslogMessage.headerField("é", 48)).isEqualTo("-");
    }

    @Test
    void theFrameCountsUtf8OctetsNotCharacters() {
        String text = "<165>1 - - - - - CEF:0|a|b|c|d|e|1|msg=日本é";
        byte[] frame = SyslogMessage.frame(text);
        int octets = text.getBytes(StandardCharsets.UTF_8).length;

        assertThat(octets).isGreaterThan(text.length());
        assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo(octets + " " + text);
        assertThat(frame).hasSize(Integer.toString(octets).length() + 1 + octets);
    }

    @Test
    void anOverLongMessageIsCutLongestValueFirstUntilItFits() {
        SyslogMessage message = new SyslogMessage(20, "h", "a", TIME, record(5,
                new CefRecord.Field("msg", "m".repeat(1023), 1023),
                new CefRecord.Field("cs1", "Ω".repeat(4000), 4000),
                new CefRecord.Field("cs6", "d".repeat(4000), 4000),
                new CefRecord.Field("act", "short", 63)));

        String text = message.text();

        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SyslogMessage.MAX_BYTES);
        assertThat(text).contains("act=short").contains("msg=" + "m".repeat(1023) + " ");
        // Ω is two bytes: cs1 (8,000 bytes) was the longest and was halved, then it was still the longest (one byte
        // ahead of cs6, with its "…") and was halved again; then the message fit, and cs6 was not cut.
        assertThat(text).contains("cs1=ΩΩ").contains("Ω… cs6=" + "d".repeat(4000) + " act=short");
        assertThat(text.substring(text.indexOf("cs1=") + 4, text.indexOf(" cs6="))).hasSize(1000);
    }

    @Test
    void aMessageWithinTheLimitIsSentWhole() {
        CefRecord.Field details = new CefRecord.Field("cs6", "d".repeat(4000), 4000);
        String text = new SyslogMessage(20, "h", "a", TIME, record(5, details)).text();

        assertThat(text).endsWith("cs6=" + "d".repeat(4000));
    }
}
