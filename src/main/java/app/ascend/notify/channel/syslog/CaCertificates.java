package app.ascend.notify.channel.syslog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The CA certificates a channel trusts for its server's certificate (RFC 5425 §4.2.1 certification-path validation):
 * PEM text of one or more {@code CERTIFICATE} blocks, e.g. QRadar's generated certificate or the customer's CA.
 */
final class CaCertificates {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private CaCertificates() {
    }

    /** The certificates of {@code pem}; an {@link IllegalArgumentException} saying what is wrong (never quoting it). */
    static List<X509Certificate> parse(String pem) {
        if (pem.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("holds a private key: give only the CA's certificate, and keep the key secret");
        }
        Matcher blocks = BLOCK.matcher(pem);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (blocks.find()) {
                Collection<? extends Certificate> read = factory.generateCertificates(
                        new ByteArrayInputStream(blocks.group().getBytes(StandardCharsets.US_ASCII)));
                for (Certificate c : read) {
                    certificates.add((X509Certificate) c);
                }
            }
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("is not a readable PEM certificate: a block between -----BEGIN CERTIFICATE----- "
                    + "and -----END CERTIFICATE----- does not hold an X.509 certificate");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("must be PEM text holding at least one certificate (-----BEGIN CERTIFICATE----- "
                    + "… -----END CERTIFICATE-----): the CA that signed the syslog server's certificate");
        }
        return certificates;
    }

    /**
     * A TLS context trusting exactly the certificates of {@code pem}, or the JDK's default trust store when
     * {@code pem} is null.
     */
    static SSLContext context(String pem) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (pem == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (X509Certificate certificate : parse(pem)) {
                    store.setCertificateEntry("ca-" + i++, certificate);
                }
                trust.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the TLS context could not be made: " + e.getMessage(), e);
        }
    }
}
