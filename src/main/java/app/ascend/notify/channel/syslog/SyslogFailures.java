package app.ascend.notify.channel.syslog;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.channel.syslog.SyslogConnections.SendFailure;
import app.ascend.notify.channel.syslog.SyslogConnections.Target;

/**
 * What a failed connection means and what to fix, as the delivery log says it. Every such failure is RETRY:
 * nothing was written, and each can heal (a server restarted, a certificate renewed or the channel's CA or host
 * corrected; a queued record goes to the channel's current settings), so the outbox keeps the record and retries
 * with backoff until its maximum age rather than dropping it while the admin fixes the cause. A certificate problem
 * will not heal by itself, but a refusal would lose the records queued meanwhile; the message names it instead.
 */
final class SyslogFailures {
    private SyslogFailures() {
    }

    static SendFailure connecting(Target target, Duration timeout, IOException e) {
        String where = target.address();
        if (e instanceof UnknownHostException) {
            return retry("the host " + target.host() + " could not be resolved; check config.host");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return retry(where + " refused the connection (" + SyslogConnections.describe(e) + "): is the syslog server "
                    + "running and listening for TLS on that port?");
        }
        if (e instanceof SocketTimeoutException) {
            return retry("no answer from " + where + " within " + timeout.toSeconds() + " s");
        }
        if (e instanceof SSLHandshakeException) {
            return retry(certificateProblem(target, e).orElse("the TLS handshake with " + where + " failed ("
                    + SyslogConnections.describe(e) + ")"));
        }
        if (e instanceof SSLException) {
            return retry("the server at " + where + " did not complete a TLS handshake (" + SyslogConnections.describe(e)
                    + "): this channel sends only over TLS (RFC 5425); is the port a plain TCP listener?");
        }
        return retry("could not connect to " + where + " (" + SyslogConnections.describe(e) + ")");
    }

    private static java.util.Optional<String> certificateProblem(Target target, Throwable e) {
        String trust = target.caCertificate() == null ? "a CA of the JDK's default trust store (config.ca_certificate is "
                + "not set)" : "the CA in config.ca_certificate";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (cause instanceof CertificateExpiredException || text.contains("validity check failed")
                    || cause instanceof CertificateNotYetValidException) {
                return java.util.Optional.of("the certificate of " + target.address() + " is expired or not yet valid ("
                        + SyslogConnections.describe(cause) + "): renew the server's certificate; will retry");
            }
            if (text.contains("no subject alternative") || text.contains("no name matching")
                    || text.contains("does not match")) {
                return java.util.Optional.of("the certificate of " + target.address() + " does not name " + target.host()
                        + " (" + SyslogConnections.describe(cause) + "): set config.host to a name the certificate lists in "
                        + "its subjectAltName, or reissue the server's certificate for " + target.host() + "; will retry");
            }
            if (cause instanceof CertPathValidatorException || text.contains("pkix path")
                    || text.contains("unable to find valid certification path")) {
                return java.util.Optional.of("the certificate of " + target.address() + " is not trusted: it does not "
                        + "chain to " + trust + "; give the PEM of the CA that signed the server's certificate in "
                        + "config.ca_certificate; will retry");
            }
        }
        return java.util.Optional.empty();
    }

    private static SendFailure retry(String message) {
        return new SendFailure(Outcome.RETRY, message);
    }
}
