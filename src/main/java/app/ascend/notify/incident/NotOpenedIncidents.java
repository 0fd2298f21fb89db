package app.ascend.notify.incident;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.ascend.notify.delivery.DeliveryStatus;
import app.ascend.notify.channel.ChannelTypes;
import app.ascend.notify.delivery.TriggerNotDelivered;

/**
 * Keeps the incident list what the destination holds: a trigger that was refused (a 400: the
 * message is invalid and never processed) or died after its maximum age opened nothing
 * there, so its incident is closed as {@code not_opened}, saying why, in the transaction that records
 * the outcome. Unless the destination has (or may yet get) it open: a trigger of the same incident was
 * delivered, or a later one is still queued (whose own outcome then decides).
 *
 * <p>The incident is found by what defines it, channel + destination + dedup key (the open one of the
 * channel and dedup key whose destination is the delivery's), not by the delivery's sequence key.
 */
@Component
class NotOpenedIncidents {
    private static final Logger log = LoggerFactory.getLogger(NotOpenedIncidents.class);
    private static final int REASON_MAX = 1000;
    /*
     * Other triggers of the same incident, in the delivery's own sequence: still to be sent, or delivered
     * after the last resolve before this delivery (earlier ones belonged to an incident since resolved);
     * "before" and "after" are positions in the sequence (seq_position), the order they are sent in.
     */
    private static final String OPEN_ELSEWHERE = """
            select count(*) from deliveries t
             where t.sequence_key = ? and t.channel_id = ? and t.dedup_key = ? and t.kind = 'trigger' and t.id <> ?
               and (t.status in ('pending', 'in_flight')
                    or (t.status = 'delivered' and t.seq_position > coalesce((
                        select max(r.seq_position) from deliveries r
                         where r.sequence_key = ? and r.channel_id = ? and r.dedup_key = ? and r.kind = 'resolve'
                           and r.seq_position < ?), ?)))""";

    private final JdbcClient jdbc;
    private final IncidentRepository incidents;
    private final ChannelTypes types;

    NotOpenedIncidents(JdbcClient jdbc, IncidentRepository incidents, ChannelTypes types) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.types = types;
    }

    /** The delivery as this transaction recorded it; absent when its outcome was not recorded here. */
    private record Recorded(String dedupKey, String sequenceKey, long position) {
    }

    @EventListener
    void on(TriggerNotDelivered trigger) {
        Optional<Recorded> recorded = jdbc.sql("select dedup_key, sequence_key, seq_position from deliveries "
                        + "where id = ? and status = ? and kind = 'trigger'")
                .params(trigger.deliveryId(), trigger.status().wireName())
                .query((rs, row) -> new Recorded(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .optional();
        if (recorded.isEmpty()) {
            return; // the claim had passed to another instance: its outcome stands
        }
        Recorded d = recorded.get();
        List<Incident> open = incidents.openFor(trigger.organizationId(), trigger.channelId(), d.dedupKey()).stream()
                .filter(incident -> incident.destination().equals(trigger.destination())).toList();
        if (open.isEmpty() || openElsewhere(trigger, d)) {
            return;
        }
        String reason = reason(trigger);
        for (Incident incident : open) {
            if (incidents.markNotOpened(incident.id(), trigger.at(), reason, trigger.deliveryId())) {
                log.info("incident {} org {} channel {} key {}: not opened ({}), delivery {}", incident.id(),
                        incident.organizationId(), incident.channelId(), incident.destinationMasked(), reason,
                        trigger.deliveryId());
            }
        }
    }

    private boolean openElsewhere(TriggerNotDelivered trigger, Recorded d) {
        return jdbc.sql(OPEN_ELSEWHERE)
                .params(d.sequenceKey(), trigger.channelId(), d.dedupKey(), trigger.deliveryId(), d.sequenceKey(),
                        trigger.channelId(), d.dedupKey(), d.position(), Long.MIN_VALUE)
                .query(Long.class).single() > 0;
    }

    /** "<destination> refused the trigger (400): first error" or "the trigger died after 24 h of retries (…)". */
    private String reason(TriggerNotDelivered trigger) {
        String text;
        if (trigger.status() == DeliveryStatus.FAILED) {
            String first = trigger.errors() != null && !trigger.errors().isEmpty() ? trigger.errors().get(0)
                    : trigger.message();
            text = types.get(trigger.channelType()).displayName() + " refused the trigger ("
                    + trigger.httpStatus() + ")" + (first == null || first.isBlank() ? "" : ": " + first);
        } else {
            String last = trigger.httpStatus() != null ? "HTTP " + trigger.httpStatus()
                    : trigger.message() == null ? "no answer" : trigger.message();
            text = "the trigger died after " + readable(Duration.between(trigger.retryFrom(), trigger.at()))
                    + " of retries (last answer: " + last + ")";
        }
        return cut(text);
    }

    private static String readable(Duration duration) {
        if (duration.toHours() >= 1) {
            return duration.toHours() + " h";
        }
        return duration.toMinutes() >= 1 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    /** Within the column, never splitting a surrogate pair. */
    private static String cut(String text) {
        if (text.length() <= REASON_MAX) {
            return text;
        }
        int end = REASON_MAX;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
