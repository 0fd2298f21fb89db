package app.ascend.notify.channel.slack;

import java.net.URI;
import java.net.URISyntaxException;

import app.ascend.notify.outbound.Redaction;
import app.ascend.notify.secret.KeyMask;

/**
 * Where a Slack message goes, as the core stores it (sealed) and compares it: the incoming webhook's URL, or
 * {@code bot|<channel id>|<bot token>} for the Web API. One destination is one Slack channel (a webhook is
 * bound to one channel, FACTS.md §1), so the rate budget (about one message a second per channel, §3) and the
 * order of messages hold per Slack channel.
 */
record SlackDestination(String webhookUrl, String channel, String botToken) {
    private static final String BOT_PREFIX = "bot|";

    static SlackDestination webhook(String url) {
        return new SlackDestination(url, null, null);
    }

    static SlackDestination bot(String channel, String token) {
        return new SlackDestination(null, channel, token);
    }

    boolean isBot() {
        return botToken != null;
    }

    /** The stored form. */
    String encoded() {
        return isBot() ? BOT_PREFIX + channel + "|" + botToken : webhookUrl;
    }

    static SlackDestination decode(String destination) {
        if (destination.startsWith(BOT_PREFIX)) {
            String rest = destination.substring(BOT_PREFIX.length());
            int bar = rest.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("not a Slack bot destination");
            }
            return bot(rest.substring(0, bar), rest.substring(bar + 1));
        }
        return webhook(destination);
    }

    /** As answers and log lines show it: the channel id and the token's last four; the webhook's host only. */
    String masked() {
        if (isBot()) {
            return "channel " + channel + " (bot token " + KeyMask.mask(botToken) + ")";
        }
        return maskUrl(webhookUrl);
    }

    static String maskUrl(String url) {
        try {
            return Redaction.url(new URI(url));
        } catch (URISyntaxException e) {
            return "(unreadable URL)";
        }
    }
}
