package app.ascend.notify.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Debian rsyslog taking RFC 5425 TLS (imtcp with the gtls driver, anonymous clients) on a free port of
 * 127.0.0.1 and writing each message it receives ({@code %rawmsg%}) as one line of a file: the real syslog peer of
 * the syslog channel's tests (shared/reference/syslog-cef/FACTS.md §7). Its certificate, from a throw-away CA made
 * with openssl, names only {@code localhost} (no IP address), so a channel to {@code 127.0.0.1} meets a name
 * mismatch. {@code maxMessageSize} stays at rsyslog's default (8k), so a record over it would show cut.
 *
 * <p>Missing rsyslogd or its gtls driver skips the test, unless {@code CI=true} (then it fails: CI installs them).
 */
public final class RsyslogServer implements AutoCloseable {
    static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    static final Path GTLS_DRIVER = Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so");

    private final Path dir;
    private final int port;
    private Process process;

    private RsyslogServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Makes the certificates and starts the server; skips (or, on CI, fails) without rsyslog. */
    public static RsyslogServer start() {
        boolean present = Files.isExecutable(RSYSLOGD) && (Files.exists(GTLS_DRIVER)
                || Files.exists(Path.of("/usr/lib/rsyslog/lmnsd_gtls.so")));
        if ("true".equals(System.getenv("CI"))) {
            Assertions.assertTrue(present, "CI must install rsyslog and rsyslog-gnutls");
        } else {
            Assumptions.assumeTrue(present, "rsyslogd with its gtls driver (rsyslog-gnutls) is not installed");
        }
        try {
            Path dir = Files.createTempDirectory("rsyslog-");
            RsyslogServer server = new RsyslogServer(dir, freePort());
            server.certificates();
            server.configure();
            server.restart();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("rsyslog could not be set up: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The PEM of the CA that signed the server's certificate. */
    public String caCertificate() {
        return read(dir.resolve("ca.pem"));
    }

    /** The PEM of a CA that signed nothing the server holds. */
    public String otherCaCertificate() {
        return read(dir.resolve("other-ca.pem"));
    }

    /** Every message received so far, one per line, as rsyslog got it. */
    public List<String> received() {
        Path out = dir.resolve("received.log");
        if (!Files.exists(out)) {
            return List.of();
        }
        try {
            return new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The received messages containing {@code marker} (each test's own action id). */
    public List<String> receivedWith(String marker) {
        return received().stream().filter(line -> line.contains(marker)).toList();
    }

    /** What rsyslogd wrote to its standard output and error so far (its complaints about peers). */
    public String log() {
        return read(dir.resolve("rsyslogd.out"));
    }

    /** Stops the server (SIGTERM to its PID) and waits until it has exited and its port is closed. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> !accepts());
    }

    /** Starts the server (again, on the same port) and waits until it accepts connections. */
    public void restart() {
        stop();
        try {
            process = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", dir.resolve("rsyslog.conf").toString(), "-i",
                    dir.resolve("rsyslogd.pid").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.out").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("rsyslogd could not be started: " + e.getMessage(), e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("rsyslogd exited: " + read(dir.resolve("rsyslogd.out")));
            }
            return accepts();
        });
    }

    @Override
    public void close() {
        stop();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void certificates() throws IOException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=ASCEND test syslog CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.pem", "-days",
                "2", "-subj", "/CN=Some other CA", "-addext", "basicConstraints=critical,CA:TRUE");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
                "/CN=localhost");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n"
                + "extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "server.pem", "-days", "2", "-extfile", "server.ext");
    }

    private void configure() throws IOException {
        Files.writeString(dir.resolve("rsyslog.conf"), """
                global(workDirectory="%1$s" DefaultNetstreamDriver="gtls"
                       DefaultNetstreamDriverCAFile="%1$s/ca.pem" DefaultNetstreamDriverCertFile="%1$s/server.pem"
                       DefaultNetstreamDriverKeyFile="%1$s/server.key")
                module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")
                input(type="imtcp" port="%2$d" address="127.0.0.1")
                template(name="raw" type="string" string="%%rawmsg%%\\n")
                action(type="omfile" file="%1$s/received.log" template="raw" flushOnTXEnd="on" asyncWriting="off")
                """.formatted(dir, port));
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.out").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl " + args[0] + " failed: " + read(dir.resolve("openssl.out")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
