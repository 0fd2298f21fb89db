/**
 * The {@code slack} channel type: an incoming webhook (post only) or a bot token with a channel id (the Web
 * API's {@code chat.postMessage}, and {@code chat.update} of the original message on a follow-up), Block Kit
 * messages within Slack's limits, Slack's answers read per its docs ({@code /work/shared/reference/slack/FACTS.md};
 * https://docs.slack.dev/reference/methods/chat.postMessage, https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks).
 *
 * <p>Slack's official Java SDK ({@code com.slack.api:slack-api-client}, OkHttp and Gson) is not used to send:
 * its own HTTP client would bypass the shared {@code outbound.HttpSender} (the outbound address policy checked
 * before every send, the no-redirect rule, the bounded exchange and the {@code ascend_notifier_requests_total}
 * metrics), and its model classes enforce none of Block Kit's limits (FACTS.md §7), which this package must
 * enforce itself anyway; the Block Kit JSON here is a few small objects.
 */
package app.ascend.notify.channel.slack;
