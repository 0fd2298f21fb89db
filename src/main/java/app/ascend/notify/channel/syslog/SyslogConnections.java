package app.ascend.notify.channel.syslog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.OutboundAddressPolicy;

/**
 * One persistent TLS connection per syslog server (host, port and trusted CA), reused for every record sent there:
 * RFC 5425 expects a long-lived session (§4.4), and a handshake per event would cost more than the event. One writer
 * at a time per connection (its frames must not interleave); a connection idle for {@code idle} is closed, and all
 * are closed at shutdown, each with a TLS {@code close_notify} (§4.4: the sender closes).
 *
 * <p>Syslog has no acknowledgement, so "delivered" means "written to a connection that was alive" (FACTS.md §8).
 * Before writing on a reused connection it is checked with a read that waits {@link #ALIVE_CHECK_MILLIS}: a peer
 * that closed it (a restarted server, an idle timeout) answers end-of-stream or an error, and the records go on a
 * new connection instead. A write or flush that fails closes the connection and writes the whole batch again, once,
 * on a new one. A record written just before the peer dies unseen can still be lost (docs/siem.md says so; RELP
 * would close that gap).
 */
final class SyslogConnections implements AutoCloseable {
    static final int ALIVE_CHECK_MILLIS = 1;
    private static final int BUFFER_BYTES = 64 * 1024;

    /** A server and the CA its certificate must chain to (null: the JDK's default trust store). */
    record Target(String host, int port, String caCertificate) {
        String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** Why records could not be written, as the delivery log says it; {@code outcome} RETRY or REJECTED. */
    static final class SendFailure extends Exception {
        private final Outcome outcome;

        SendFailure(Outcome outcome, String message) {
            super(message, null, false, false);
            this.outcome = outcome;
        }

        Outcome outcome() {
            return outcome;
        }
    }

    private final Map<Target, Link> links = new ConcurrentHashMap<>();
    private final OutboundAddressPolicy policy;
    private final Duration timeout;
    private final Duration idle;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    SyslogConnections(OutboundAddressPolicy policy, Duration timeout, Duration idle, Clock clock) {
        this.policy = policy;
        this.timeout = timeout;
        this.idle = idle;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "syslog-connections");
            thread.setDaemon(true);
            return thread;
        });
        // Looked at every second (a handful of entries): a connection closes within a second of its idle time.
        long sweep = Math.max(100, Math.min(1_000, idle.toMillis() / 2));
        timer.scheduleWithFixedDelay(this::closeIdle, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** Writes the frames to the target's connection, then flushes once; a failure says what to fix. */
    void write(Target target, List<byte[]> frames) throws SendFailure {
        while (true) {
            Link link = links.computeIfAbsent(target, Link::new);
            link.lock.lock();
            try {
                if (link.retired) {
                    continue; // closed as idle and removed meanwhile: take the map's current one
                }
                link.writeWithOneReconnect(frames);
                return;
            } finally {
                link.lastUsed = clock.instant();
                link.lock.unlock();
            }
        }
    }

    /** How many connections are open now (for tests and the shutdown log). */
    int open() {
        return (int) links.values().stream().filter(l -> l.socket != null).count();
    }

    private void closeIdle() {
        Instant cutoff = clock.instant().minus(idle);
        links.values().forEach(link -> {
            if (link.lock.tryLock()) {
                try {
                    if (link.lastUsed.isBefore(cutoff)) {
                        link.close();
                        link.retired = true;
                        links.remove(link.target, link);
                    }
                } finally {
                    link.lock.unlock();
                }
            }
        });
    }

    /** Closes every connection with close_notify; called at shutdown. */
    @Override
    public void close() {
        timer.shutdownNow();
        links.values().forEach(link -> {
            try {
                if (link.lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    try {
                        link.close();
                        link.retired = true;
                    } finally {
                        link.lock.unlock();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        links.clear();
    }

    /** The one connection to a target, guarded by {@code lock}. */
    private final class Link {
        final Target target;
        final ReentrantLock lock = new ReentrantLock();
        SSLContext context;
        SSLSocket socket;
        OutputStream out;
        InputStream in;
        volatile Instant lastUsed;
        volatile boolean retired;

        Link(Target target) {
            this.target = target;
            this.lastUsed = clock.instant();
        }

        void writeWithOneReconnect(List<byte[]> frames) throws SendFailure {
            if (socket != null && !alive()) {
                close();
            }
            if (socket == null) {
                connect();
            }
            try {
                writeAll(frames);
            } catch (IOException first) {
                close();
                connect();
                try {
                    writeAll(frames);
                } catch (IOException second) {
                    close();
                    throw new SendFailure(Outcome.RETRY, "the connection to " + target.address() + " broke while sending ("
                            + describe(second) + "), also on a new connection; will retry");
                }
            }
        }

        /**
         * Whether the peer still holds the connection: a read that waits {@link #ALIVE_CHECK_MILLIS} times out on a
         * live one (a syslog server never writes), and ends or fails on one the peer closed.
         */
        private boolean alive() {
            try {
                socket.setSoTimeout(ALIVE_CHECK_MILLIS);
                return in.read() >= 0; // data from a syslog server is unexpected, and harmless
            } catch (SocketTimeoutException e) {
                return true;
            } catch (IOException e) {
                return false;
            } finally {
                try {
                    if (socket != null && !socket.isClosed()) {
                        socket.setSoTimeout((int) timeout.toMillis());
                    }
                } catch (IOException e) {
                    // closed meanwhile: the write finds out
                }
            }
        }

        /** Writes and flushes within the timeout: a peer that stops reading would block a write forever. */
        private void writeAll(List<byte[]> frames) throws IOException {
            SSLSocket writing = socket;
            ScheduledFuture<?> watchdog = timer.schedule(() -> closeQuietly(writing), timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                for (byte[] frame : frames) {
                    out.write(frame);
                }
                out.flush();
            } finally {
                watchdog.cancel(false);
            }
        }

        private void connect() throws SendFailure {
            Optional<String> refusal = policy.refusal(URI.create("syslog://" + target.address()));
            if (refusal.isPresent()) {
                throw new SendFailure(Outcome.REJECTED, "not sent: " + refusal.get());
            }
            if (context == null) {
                context = CaCertificates.context(target.caCertificate());
            }
            Socket plain = new Socket();
            try {
                int millis = (int) timeout.toMillis();
                plain.connect(new InetSocketAddress(target.host(), target.port()), millis);
                plain.setSoTimeout(millis);
                plain.setKeepAlive(true);
                SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
                SSLParameters parameters = tls.getSSLParameters();
                // RFC 5425 §5.2: the configured host name must match the certificate's subjectAltName; the JDK checks
                // it only when asked to (FACTS.md §2, Java note).
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                socket = tls;
                in = tls.getInputStream();
                out = new BufferedOutputStream(tls.getOutputStream(), BUFFER_BYTES);
            } catch (IOException e) {
                closeQuietly(plain);
                throw SyslogFailures.connecting(target, timeout, e);
            }
        }

        void close() {
            SSLSocket closing = socket;
            socket = null;
            out = null;
            in = null;
            if (closing != null) {
                closeQuietly(closing); // sends close_notify
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
