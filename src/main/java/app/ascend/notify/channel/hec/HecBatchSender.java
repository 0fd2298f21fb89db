package app.ascend.notify.channel.hec;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import app.ascend.notify.channel.spi.Outgoing;
import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.channel.spi.SendResult.Outcome;
import app.ascend.notify.outbound.HttpAnswer;
import app.ascend.notify.outbound.HttpSender;

/**
 * Sends one batch (one channel, one destination) to {@code /services/collector/event} and answers for each event,
 * in order (shared/reference/splunk-hec/FACTS.md §4–§6):
 * <ul>
 * <li>200: every event DELIVERED; with {@code use_ack}, only once {@code /services/collector/ack} says the request
 * is indexed ({@link HecAckPoller}), RETRY if it does not say so in time.</li>
 * <li>400 with {@code invalid-event-number} n (zero-based, the first bad event, [SPEC-REST]): event n REJECTED with
 * HEC's text; the events after it are sent again at once, in a follow-up request, so one bad event drops no other.
 * The events before n are taken as DELIVERED: HEC parses in order and an {@code ackId} comes with such an answer
 * ([I3], [R2]), but Splunk does not document that they were indexed (unconfirmed, FACTS.md §5); with {@code use_ack}
 * that ackId is awaited. Code 7 (index not allowed) is not read per event: every event of a batch carries the
 * channel's one index, so all are refused (which also avoids code 7's reported off-by-one position, [R2]).</li>
 * <li>400 naming no event, for a batch of several (e.g. code 6, invalid data format): each event is sent alone, to
 * find the bad one without refusing the rest.</li>
 * <li>Anything else: the same result for every event ({@link HecAnswers}).</li>
 * </ul>
 * At most {@link #MAX_REQUESTS} requests per batch, and no follow-up request after {@link #FOLLOW_UP_BUDGET}: each
 * event holds a worker and a lease until answered, so events still unsent then are retried later.
 */
final class HecBatchSender {
    static final int MAX_REQUESTS = 16;
    static final java.time.Duration FOLLOW_UP_BUDGET = java.time.Duration.ofSeconds(5);

    private final HttpSender sender;
    private final HecAckPoller acks;
    private final Clock clock;

    HecBatchSender(HttpSender sender, HecAckPoller acks, Clock clock) {
        this.sender = sender;
        this.acks = acks;
        this.clock = clock;
    }

    List<SendResult> send(HecDestination destination, HecSettings settings, Map<String, String> headers,
            List<Outgoing> messages) {
        SendResult[] results = new SendResult[messages.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            pending.add(i);
        }
        List<List<Integer>> queue = new ArrayList<>();
        queue.add(pending);
        int requests = 0;
        long started = System.nanoTime();
        while (!queue.isEmpty()) {
            List<Integer> group = queue.remove(0);
            if (requests > 0 && (requests == MAX_REQUESTS || System.nanoTime() - started > FOLLOW_UP_BUDGET.toNanos())) {
                SendResult later = SendResult.noAnswer(Outcome.RETRY, "not sent yet: this batch already took " + requests
                        + " requests to Splunk HEC; will retry", 0);
                group.forEach(i -> results[i] = later);
                queue.forEach(rest -> rest.forEach(i -> results[i] = later));
                queue.clear();
                break;
            }
            requests++;
            List<Outgoing> sent = group.stream().map(messages::get).toList();
            AtomicReference<HttpAnswer> answered = new AtomicReference<>();
            SendResult failure = sender.post(destination.eventUrl(), headers, HecRequestBody.of(sent), answer -> {
                answered.set(answer);
                return null;
            });
            HttpAnswer answer = answered.get();
            if (answer == null) {
                group.forEach(i -> results[i] = failure);
                continue;
            }
            HecReply reply = HecReply.parse(answer.body());
            if (answer.success()) {
                SendResult result = received(destination, headers, settings, answer, reply, group.size(), started);
                group.forEach(i -> results[i] = result);
            } else if (answer.status() == 400 && !HecAnswers.configuration(reply, 400)
                    && reply.invalidEventNumber() != null && reply.invalidEventNumber() >= 0
                    && reply.invalidEventNumber() < group.size()) {
                int bad = reply.invalidEventNumber();
                if (bad > 0) {
                    SendResult taken = taken(destination, headers, settings, answer, reply, bad, started);
                    group.subList(0, bad).forEach(i -> results[i] = taken);
                }
                results[group.get(bad)] = new SendResult(Outcome.REJECTED, 400, "Splunk HEC refused this event (number "
                        + bad + " of a request of " + group.size() + "): " + reply.said(400)
                        + "; the other events of the request were sent", List.of(), null, answer.latencyMillis(),
                        answer.bodyExcerpt(HecAnswers.BODY_EXCERPT));
                if (bad + 1 < group.size()) {
                    queue.add(0, new ArrayList<>(group.subList(bad + 1, group.size())));
                }
            } else if (answer.status() == 400 && group.size() > 1 && !HecAnswers.configuration(reply, 400)) {
                // HEC named no event: send each alone to find which it refuses, in order.
                for (int k = group.size() - 1; k >= 0; k--) {
                    queue.add(0, List.of(group.get(k)));
                }
            } else {
                SendResult result = HecAnswers.classify(answer, reply, clock);
                group.forEach(i -> results[i] = result);
            }
        }
        return Arrays.asList(results);
    }

    /** Every event of a request HEC answered 200: delivered, once acknowledged when the channel asks for that. */
    private SendResult received(HecDestination destination, Map<String, String> headers, HecSettings settings,
            HttpAnswer answer, HecReply reply, int events, long started) {
        String excerpt = answer.bodyExcerpt(HecAnswers.BODY_EXCERPT);
        String what = events == 1 ? "the event" : "the request's " + events + " events";
        if (!settings.useAck()) {
            return new SendResult(Outcome.DELIVERED, answer.status(), "Splunk HEC received " + what + ": "
                    + reply.said(answer.status()) + " (no indexer acknowledgement asked for)", List.of(), null,
                    answer.latencyMillis(), excerpt);
        }
        return acknowledged(destination, headers, answer, reply, what, started,
                r -> new SendResult(Outcome.DELIVERED, answer.status(), r, List.of(), null, answer.latencyMillis(), excerpt));
    }

    /** The events before a refused one: HEC parsed them first (see the class comment). */
    private SendResult taken(HecDestination destination, Map<String, String> headers, HecSettings settings,
            HttpAnswer answer, HecReply reply, int events, long started) {
        String excerpt = answer.bodyExcerpt(HecAnswers.BODY_EXCERPT);
        String note = "Splunk HEC refused a later event of the same request (" + reply.said(400) + "); this one came "
                + "before it, which HEC takes in order (that it was indexed is not documented by Splunk)";
        if (!settings.useAck() || reply.ackId() == null) {
            return new SendResult(Outcome.DELIVERED, answer.status(), note, List.of(), null, answer.latencyMillis(), excerpt);
        }
        return acknowledged(destination, headers, answer, reply, events + " events", started,
                r -> new SendResult(Outcome.DELIVERED, answer.status(), note + "; " + r, List.of(), null,
                        answer.latencyMillis(), excerpt));
    }

    private SendResult acknowledged(HecDestination destination, Map<String, String> headers, HttpAnswer answer,
            HecReply reply, String what, long started, Function<String, SendResult> delivered) {
        String excerpt = answer.bodyExcerpt(HecAnswers.BODY_EXCERPT);
        if (reply.ackId() == null) {
            return delivered.apply("Splunk HEC received " + what + " but gave no ackId: indexer acknowledgement is off "
                    + "for this token, so receipt is all HEC confirms; turn it on for the token, or set config.use_ack to false");
        }
        HecAckPoller.Waited waited = acks.await(destination, headers, reply.ackId(), started);
        return switch (waited.ack()) {
            case INDEXED -> delivered.apply("Splunk indexed " + what + ": " + waited.said());
            // Received (200) but the ack query was refused (e.g. code 14, ACK off): sending again would only duplicate.
            case REFUSED -> delivered.apply("Splunk HEC received " + what + " but refused the acknowledgement query ("
                    + waited.said() + "): receipt is all HEC confirms; check the token's indexer acknowledgement setting");
            case NOT_YET, NO_ANSWER -> new SendResult(Outcome.RETRY, answer.status(), "Splunk HEC received " + what
                    + " but did not acknowledge indexing in time (" + waited.said() + "); will send again, which may "
                    + "index a duplicate (dedupe on ascend_delivery_id)", List.of(), null, answer.latencyMillis(), excerpt);
        };
    }
}
