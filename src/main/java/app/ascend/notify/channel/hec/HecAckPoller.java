package app.ascend.notify.channel.hec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import app.ascend.notify.channel.spi.SendResult;
import app.ascend.notify.outbound.HttpAnswer;
import app.ascend.notify.outbound.HttpSender;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waits for HEC's indexer acknowledgement of one request: {@code POST /services/collector/ack} on the request's data
 * channel with {@code {"acks":[id]}}, answered {@code {"acks":{"id":true}}} once the events are indexed
 * (shared/reference/splunk-hec/FACTS.md §6, [SPEC-REST], [C5]; POST as Splunk's Kafka connector sends it, [C2]).
 * {@code false} means "not yet, or lost": Splunk does not say which. Splunk's guidance is a poll every 10 s and a
 * resend after about 5 minutes ([C5]); a delivery holds a worker and a lease while it waits, so this polls sooner
 * (from {@link #FIRST_POLL}, doubling to {@link #LONGEST_PAUSE}) and gives up {@code timeout} after the batch's first
 * request, well inside the lease: the delivery is then retried, a possible duplicate (the events carry their delivery
 * id to dedupe).
 */
final class HecAckPoller {
    static final Duration FIRST_POLL = Duration.ofMillis(50);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How one wait ended. */
    enum Ack { INDEXED, NOT_YET, REFUSED, NO_ANSWER }

    /** The outcome of waiting, with the last answer's text for the delivery log. */
    record Waited(Ack ack, String said) {
    }

    private final HttpSender sender;
    private final Duration timeout;

    HecAckPoller(HttpSender sender, Duration timeout) {
        this.sender = sender;
        this.timeout = timeout;
    }

    /** Polls until the ackId reads true, or until {@code timeout} after {@code startedNanos} (a System.nanoTime()). */
    Waited await(HecDestination destination, Map<String, String> headers, long ackId, long startedNanos) {
        long deadline = startedNanos + timeout.toNanos();
        long pauseMillis = FIRST_POLL.toMillis();
        byte[] body = ("{\"acks\":[" + ackId + "]}").getBytes(StandardCharsets.UTF_8);
        String said = "no answer yet";
        while (true) {
            AtomicReference<HttpAnswer> answered = new AtomicReference<>();
            SendResult result = sender.post(destination.ackUrl(), headers, body, answer -> {
                answered.set(answer);
                return SendResult.noAnswer(SendResult.Outcome.DELIVERED, "", answer.latencyMillis());
            });
            HttpAnswer answer = answered.get();
            if (answer == null) {
                said = result.message();
            } else if (answer.status() == 200) {
                if (indexed(answer.body(), ackId)) {
                    return new Waited(Ack.INDEXED, "acknowledged (ackId " + ackId + ")");
                }
                said = "not acknowledged yet (ackId " + ackId + ")";
            } else {
                HecReply reply = HecReply.parse(answer.body());
                if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 429) {
                    return new Waited(Ack.REFUSED, reply.said(answer.status()));
                }
                said = reply.said(answer.status());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Waited(answer == null ? Ack.NO_ANSWER : Ack.NOT_YET, said);
            }
            if (!pause(Math.min(pauseMillis, Math.max(1, left / 1_000_000)))) {
                return new Waited(Ack.NOT_YET, "interrupted while waiting for the acknowledgement (service stopping)");
            }
            pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE.toMillis());
        }
    }

    static boolean indexed(String body, long ackId) {
        try {
            JsonNode acks = JSON.readTree(body == null ? "" : body).get("acks");
            JsonNode ack = acks == null ? null : acks.get(Long.toString(ackId));
            return ack != null && ack.isBoolean() && ack.booleanValue();
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
