package app.ascend.notify.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.ascend.notify.channel.spi.MessageKind;
import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.channel.spi.RenderedMessage;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.simulator.PagerDutySimulator;
import app.ascend.notify.simulator.SlackFault;
import app.ascend.notify.simulator.SlackPost;
import tools.jackson.databind.JsonNode;

/**
 * The send, over real HTTP against the simulator's Slack stand-in: the Web API with the bearer token and JSON, the
 * alert's ts kept, a follow-up that updates the alert and replies in its thread, a webhook's follow-up that quotes
 * the alert, refusals and rate limits as Slack answers them.
 */
class SlackSendTest {
    private final PagerDutySimulator sim = PagerDutySimulator.start(0);
    private final SlackChannelType type = SlackTypes.against(sim.baseUrl() + "/slack/api");

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void botModePostsWithTheTokenAndKeepsTheTs() {
        SlackSettings settings = SlackTypes.bot("C0123456789");
        SendResult result = send(settings, type.render(SlackTypes.channel(settings), SlackTypes.blocked("act_1", "PII"), "Acme"),
                null);

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        SlackPost post = sim.slack().postsTo("C0123456789").get(0);
        assertThat(post.via()).isEqualTo("chat.postMessage");
        assertThat(post.token()).isEqualTo(settings.botToken());
        assertThat(post.body().has(SlackMessage.META)).isFalse();
        SlackRemoteRef ref = SlackRemoteRef.decode(result.remoteRef());
        assertThat(ref.ts()).isEqualTo(post.ts());
        assertThat(ref.channel()).isEqualTo("C0123456789");
        assertThat(ref.summary()).isEqualTo("PII");
    }

    @Test
    void aFollowUpUpdatesTheAlertAndRepliesInItsThread() {
        SlackSettings settings = SlackTypes.bot("C0123456789");
        SendResult trigger = send(settings, type.render(SlackTypes.channel(settings), SlackTypes.blocked("act_1", "PII"),
                "Acme"), null);
        SendResult followUp = send(settings, type.render(SlackTypes.channel(settings),
                SlackTypes.approved("act_1", "alice@acme.example"), "Acme"), trigger.remoteRef());

        assertThat(followUp.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(followUp.message()).contains("updated the alert");
        String ts = SlackRemoteRef.decode(trigger.remoteRef()).ts();
        assertThat(sim.slack().postsTo("C0123456789")).extracting(SlackPost::via)
                .containsExactly("chat.postMessage", "chat.update", "chat.postMessage");
        SlackPost reply = sim.slack().postsTo("C0123456789").get(2);
        assertThat(reply.threadTs()).isEqualTo(ts);
        assertThat(reply.text()).contains("alice@acme.example").contains("2026-12-06T10:01:00Z");
        JsonNode updated = sim.slack().message("C0123456789", ts).orElseThrow();
        assertThat(updated.get("blocks").get(0).get("text").get("text").stringValue())
                .isEqualTo("✅ RESOLVED · HIGH · Action blocked");
        assertThat(updated.get("blocks").get(1).get("text").get("text").stringValue()).isEqualTo("PII");
    }

    @Test
    void aFollowUpWhoseAlertIsGoneIsANewMessageQuotingIt() {
        SlackSettings settings = SlackTypes.bot("C0123456789");
        SendResult trigger = send(settings, type.render(SlackTypes.channel(settings), SlackTypes.blocked("act_1", "PII"),
                "Acme"), null);
        SlackRemoteRef ref = SlackRemoteRef.decode(trigger.remoteRef());
        String unknown = new SlackRemoteRef(ref.channel(), "1.000001", ref.title(), ref.level(), ref.dedupKey(),
                ref.summary()).encoded();

        SendResult followUp = send(settings, type.render(SlackTypes.channel(settings),
                SlackTypes.approved("act_1", "alice@acme.example"), "Acme"), unknown);

        assertThat(followUp.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(sim.slack().postsTo("C0123456789")).extracting(SlackPost::via, SlackPost::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("chat.postMessage", null),
                        org.assertj.core.groups.Tuple.tuple("chat.update", "message_not_found"),
                        org.assertj.core.groups.Tuple.tuple("chat.postMessage", null));
        assertThat(sim.slack().postsTo("C0123456789").get(2).body().toString()).contains("> Action blocked: PII");
    }

    @Test
    void webhookModeQuotesTheAlertInANewMessage() {
        SlackSettings settings = SlackTypes.webhook(sim.baseUrl() + "/slack/webhooks/ops");
        SendResult trigger = send(settings, type.render(SlackTypes.channel(settings), SlackTypes.blocked("act_1", "PII"),
                "Acme"), null);
        SendResult followUp = send(settings, type.render(SlackTypes.channel(settings),
                SlackTypes.approved("act_1", "alice@acme.example"), "Acme"), trigger.remoteRef());

        assertThat(trigger.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(SlackRemoteRef.decode(trigger.remoteRef()).ts()).isNull();
        assertThat(followUp.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(sim.slack().postsTo("ops")).hasSize(2).allMatch(SlackPost::accepted);
        assertThat(sim.slack().postsTo("ops").get(1).body().get("blocks").get(1).get("text").get("text").stringValue())
                .isEqualTo("> Action blocked: PII\n_dedup key ascend-act_1_");
    }

    @Test
    void refusalsAreRejectedWithWhatToFix() {
        SlackSettings settings = SlackTypes.bot("C0NOTMEMBER");
        sim.slack().setChannelState("C0NOTMEMBER", "not_in_channel");

        SendResult result = send(settings, type.render(SlackTypes.channel(settings), SlackTypes.blocked("act_1", "x"), "Acme"),
                null);

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.message()).contains("not_in_channel").contains("invite");
        assertThat(result.remoteRef()).isNull();
    }

    @Test
    void ratelimitedWaitsForRetryAfter() {
        SlackSettings settings = SlackTypes.bot("C0LIMITED01");
        sim.slack().injectFault(SlackFault.ratelimited("C0LIMITED01", 4, 1));

        SendResult result = send(settings, type.render(SlackTypes.channel(settings), SlackTypes.blocked("act_1", "x"), "Acme"),
                null);

        assertThat(result.outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void anArchivedWebhookIsGone() {
        SlackSettings settings = SlackTypes.webhook(sim.baseUrl() + "/slack/webhooks/archived");
        sim.slack().setWebhookState("archived", "archived");

        SendResult result = send(settings, type.render(SlackTypes.channel(settings), SlackTypes.blocked("act_1", "x"), "Acme"),
                null);

        assertThat(result.outcome()).isEqualTo(Outcome.GONE);
        assertThat(result.message()).contains("channel_is_archived").contains("unarchive");
    }

    private SendResult send(SlackSettings settings, RenderedMessage message, String originalRef) {
        return type.send(new Outgoing("dlv_1", "org_1", "chan_slack_1", message.kind(),
                settings.destinationFor(app.ascend.notify.event.EventType.ACTION_BLOCKED).orElseThrow(), message.payload(),
                1, null, message.kind() == MessageKind.TRIGGER ? null : originalRef));
    }
}
