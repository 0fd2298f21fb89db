package app.ascend.notify.channel.spi;

import java.time.Duration;

/**
 * How a channel type asks its destination's own API what became of the incidents ASCEND opened there, so a
 * periodic check can correct what drifted while the destination's webhooks were not set up or were lost. The
 * core decides which incidents to ask about, when, how many, and records the corrections; the type only asks.
 */
public interface Reconciliation {

    /** Whether a channel with these settings can be reconciled (it holds a credential for the API): false, nothing runs. */
    boolean enabled(ChannelSettings settings);

    /**
     * The destination's newest incident for {@code incidentKey} (the dedup key ASCEND sent it under): one or a
     * few requests, each bounded in time. Remote failures are results, never exceptions.
     */
    Lookup lookup(ChannelSettings settings, String incidentKey);

    /** What one lookup found. */
    enum Outcome {
        /** The destination knows the incident: {@link Lookup#incident()}. */
        FOUND,
        /** The destination knows no incident with this key. */
        NOT_FOUND,
        /** The credential was refused (401/403): nothing more can be asked until it is changed. */
        REFUSED,
        /** Too many requests: ask again no sooner than {@link Lookup#retryAfter()} (null: the caller's backoff). */
        THROTTLED,
        /** No usable answer (timeout, 5xx, unreadable): try again at the next pass. */
        FAILED
    }

    /**
     * @param error a sentence for people (never quoting the credential); null when found or not found
     */
    record Lookup(Outcome outcome, RemoteIncident incident, String error, Duration retryAfter) {
        public static Lookup found(RemoteIncident incident) {
            return new Lookup(Outcome.FOUND, incident, null, null);
        }

        public static Lookup notFound() {
            return new Lookup(Outcome.NOT_FOUND, null, null, null);
        }

        public static Lookup failed(Outcome outcome, String error, Duration retryAfter) {
            return new Lookup(outcome, null, error, retryAfter);
        }
    }
}
