package app.ascend.notify.outbound;

import java.net.URI;

/**
 * A URL as log lines and messages may show it: scheme, host and port only. Webhook URLs carry their
 * secret in the path or query (Slack's {@code /services/T…/B…/…}, Teams' {@code sig=}), so neither is
 * ever written anywhere.
 */
public final class Redaction {
    private Redaction() {
    }

    public static String url(URI uri) {
        if (uri == null || uri.getHost() == null) {
            return "(no host)";
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        boolean hasMore = (uri.getRawPath() != null && uri.getRawPath().length() > 1) || uri.getRawQuery() != null;
        return uri.getScheme() + "://" + uri.getHost() + port + (hasMore ? "/…" : "");
    }
}
