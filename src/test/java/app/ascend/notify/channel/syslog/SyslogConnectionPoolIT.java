package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.OutboundAddressPolicy;
import app.ascend.notify.support.MutableClock;
import app.ascend.notify.support.RsyslogServer;

/**
 * The connection pool on its own against a real rsyslog: one TLS connection per server, reused for every batch; a
 * batch's frames arrive as separate messages; a connection idle past the idle timeout (on the injected clock) is
 * closed; closing the pool ends each connection with a TLS close_notify (rsyslog complains of a connection
 * "non-properly terminated" otherwise); a forbidden address is refused before connecting.
 */
class SyslogConnectionPoolIT {
    static RsyslogServer rsyslog;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SyslogConnections pool = new SyslogConnections(new OutboundAddressPolicy("127.0.0.0/8,localhost"),
            Duration.ofSeconds(2), Duration.ofSeconds(60), clock);

    @BeforeAll
    static void startRsyslog() {
        rsyslog = RsyslogServer.start();
    }

    @AfterAll
    static void stopRsyslog() {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private SyslogConnections.Target target() {
        return new SyslogConnections.Target("localhost", rsyslog.port(), rsyslog.caCertificate());
    }

    private static byte[] frame(String marker) {
        return SyslogMessage.frame("<166>1 2026-01-01T00:00:00.000Z test ascend - test - CEF:0|a|b|c|d|e|1|msg=" + marker);
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50));
    }

    @Test
    void batchesShareOneConnectionAndEachFrameIsAMessage() throws Exception {
        String marker = "m" + UUID.randomUUID();

        pool.write(target(), List.of(frame(marker + "-1"), frame(marker + "-2")));
        pool.write(target(), List.of(frame(marker + "-3")));

        assertThat(pool.open()).isEqualTo(1);
        eventually().until(() -> rsyslog.receivedWith(marker).size() == 3);
        assertThat(rsyslog.receivedWith(marker)).allSatisfy(line -> assertThat(line).startsWith("<166>1 "))
                .extracting(line -> line.substring(line.indexOf("msg=") + 4))
                .containsExactly(marker + "-1", marker + "-2", marker + "-3");
    }

    @Test
    void anIdleConnectionIsClosedAndTheNextWriteOpensAnother() throws Exception {
        String marker = "i" + UUID.randomUUID();
        pool.write(target(), List.of(frame(marker + "-1")));
        assertThat(pool.open()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));

        eventually().until(() -> pool.open() == 0);
        pool.write(target(), List.of(frame(marker + "-2")));
        assertThat(pool.open()).isEqualTo(1);
        eventually().until(() -> rsyslog.receivedWith(marker).size() == 2);
    }

    @Test
    void closingThePoolEndsEachConnectionWithCloseNotify() throws Exception {
        String marker = "c" + UUID.randomUUID();
        pool.write(target(), List.of(frame(marker)));
        eventually().until(() -> rsyslog.receivedWith(marker).size() == 1);
        String before = rsyslog.log();

        pool.close();

        assertThat(pool.open()).isZero();
        // A peer that leaves without close_notify shows in rsyslog's log: write one such and wait for it, so the
        // pool's close has been handled (its lines come first) when the log is read.
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", rsyslog.port())) {
            javax.net.ssl.SSLSocket abrupt = (javax.net.ssl.SSLSocket) CaCertificates.context(rsyslog.caCertificate())
                    .getSocketFactory().createSocket(raw, "localhost", rsyslog.port(), false);
            abrupt.startHandshake();
        }
        eventually().until(() -> rsyslog.log().length() > before.length());
        String added = rsyslog.log().substring(before.length());
        assertThat(added.split("non-properly terminated", -1)).as(added).hasSize(2);
    }

    @Test
    void aForbiddenAddressIsRefusedBeforeConnecting() {
        try (SyslogConnections strict = new SyslogConnections(new OutboundAddressPolicy(""), Duration.ofSeconds(2),
                Duration.ofSeconds(60), clock)) {
            assertThatThrownBy(() -> strict.write(target(), List.of(frame("x"))))
                    .isInstanceOfSatisfying(SyslogConnections.SendFailure.class, failure -> {
                        assertThat(failure.outcome()).isEqualTo(Outcome.REJECTED);
                        assertThat(failure.getMessage()).contains("ASCEND_OUTBOUND_ALLOW");
                    });
            assertThat(strict.open()).isZero();
        }
    }
}
