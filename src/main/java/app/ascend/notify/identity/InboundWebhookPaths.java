package app.ascend.notify.identity;

/**
 * The inbound webhook route, {@code POST /api/webhooks/{type}/{channel_id}}: reachable without a session or
 * API key, since only a signature made with the channel's secret lets a delivery in.
 */
final class InboundWebhookPaths {
    static final String PREFIX = "/api/webhooks/";
    static final String PATTERN = PREFIX + "**";

    private InboundWebhookPaths() {
    }

    static boolean matches(String servletPath) {
        return servletPath != null && servletPath.startsWith(PREFIX);
    }
}
