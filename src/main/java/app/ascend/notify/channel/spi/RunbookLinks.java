package app.ascend.notify.channel.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import app.ascend.notify.event.EventType;
import app.ascend.notify.web.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * A channel's {@code config.runbook_links}: event type (its wire name) → the runbook's URL, which the channel
 * shows on that type's messages as a link or button. The URLs are shown to readers, never called by the
 * service, so any absolute http(s) URL is taken (no address policy). Each bad entry is an error naming its
 * path ({@code config.runbook_links.alert.created}); the good ones are still read.
 */
public final class RunbookLinks {
    /** The longest runbook URL taken: room for a wiki page's address, and within every channel's link limit. */
    public static final int MAX_URL_LENGTH = 2000;
    /** The field's name within {@code config}. */
    public static final String FIELD = "runbook_links";

    private RunbookLinks() {
    }

    /**
     * The links of {@code config.runbook_links} in the order sent, empty when the field is absent or null;
     * errors are recorded in {@code config}'s errors.
     */
    public static Map<String, String> read(JsonFields config) {
        Map<String, String> links = new LinkedHashMap<>();
        if (!config.hasValue(FIELD)) {
            return links;
        }
        JsonFields.object(config.get(FIELD), config.path(FIELD), config.errors()).ifPresent(map -> {
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                String path = map.path(entry.getKey());
                if (EventType.fromWireName(entry.getKey()).isEmpty()) {
                    config.errors().add(path, "unknown event type; known types: " + String.join(", ", EventType.wireNames()));
                    continue;
                }
                map.string(entry.getKey(), true, MAX_URL_LENGTH).ifPresent(url -> {
                    if (isHttpUrl(url)) {
                        links.put(entry.getKey(), url.trim());
                    } else {
                        config.errors().add(path, "must be an absolute http:// or https:// URL");
                    }
                });
            }
        });
        return links;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
