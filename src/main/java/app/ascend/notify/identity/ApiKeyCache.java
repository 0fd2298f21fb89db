package app.ascend.notify.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys recently authenticated on this instance, by the SHA-256 of their secret, so that an ingest
 * request does not read {@code api_keys} every time (issue 12, "a lean ingest request"). An entry lives
 * {@code ttl} from when it was read from the database, however often it is used: that is the bound on
 * how long a key revoked on another instance (or deleted behind the service's back) still works here.
 * A revocation on this instance evicts at once ({@link #evict(String)}).
 *
 * <p>Unknown secrets are not cached: a refusal costs the one indexed lookup it cost before, and a
 * cache of misses would be memory an attacker fills with random secrets (none of which ever hits
 * again), with nothing gained but for a client that keeps sending the same revoked key.
 *
 * <p>Reads are lock-free; {@link #put} and {@link #evict} (a miss and a revocation, both rare) take
 * the lock, so that a key read from the database before a revocation committed is never cached after
 * the revocation's eviction: a reader takes a {@link #ticket()} before its query, and the put is dropped
 * when a revocation happened since.
 */
final class ApiKeyCache {
    /** About 2 MB at most; past it the expired entries go, and if that was not enough, all of them. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiKey key, Instant readAt, Instant expiresAt) {
        /**
         * Also stale when the clock went back past when it was read ({@code DatabaseClock} follows the
         * database's time): an entry never lives longer than {@code ttl} of the clock's forward movement.
         */
        boolean liveAt(Instant now) {
            return now.isBefore(expiresAt) && !now.isBefore(readAt);
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private volatile long revocations;

    ApiKeyCache(Duration ttl, int maxEntries, Clock clock) {
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("ascend.api-keys.cache-ttl must be 0 (off) or more, not " + ttl);
        }
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    boolean enabled() {
        return !ttl.isZero();
    }

    /** The key cached for this hash, unless there is none or it is older than the TTL. */
    Optional<ApiKey> get(String keyHash) {
        Entry entry = entries.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.liveAt(clock.instant())) {
            entries.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    /** Take before reading a key from the database, and hand to {@link #put}. */
    long ticket() {
        return revocations;
    }

    /** Caches a key read from the database, unless a key was revoked since {@code ticket} was taken. */
    synchronized void put(String keyHash, ApiKey key, long ticket) {
        if (!enabled() || ticket != revocations) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= maxEntries && !entries.containsKey(keyHash)) {
            entries.values().removeIf(e -> !e.liveAt(now));
            if (entries.size() >= maxEntries) {
                // More live keys than a deployment has: someone is cycling keys. Starting over costs one
                // read per key; evicting the oldest would cost a scan per put or an ordered map per read.
                entries.clear();
            }
        }
        entries.put(keyHash, new Entry(key, now, now.plus(ttl)));
    }

    /**
     * Records that the key was used at {@code now}, if its last use is more than {@code interval} ago.
     * True for exactly one caller per interval (the one that must write {@code last_used_at}); false
     * when the use is recent or the entry has gone (expired, evicted), leaving the write to whoever
     * reads the key from the database next. The entry's expiry does not move. A write that then fails
     * (the database is down: the request answers 503) is not retried before the next interval:
     * {@code last_used_at} is a hint for people, not a lease.
     */
    boolean claimTouch(String keyHash, Instant now, Duration interval) {
        Entry entry = entries.get(keyHash);
        if (entry == null || !touchDue(entry.key(), now, interval)) {
            return false;
        }
        ApiKey k = entry.key();
        ApiKey used = new ApiKey(k.id(), k.organizationId(), k.name(), k.prefix(), k.createdAt(), now);
        return entries.replace(keyHash, entry, new Entry(used, entry.readAt(), entry.expiresAt()));
    }

    static boolean touchDue(ApiKey key, Instant now, Duration interval) {
        return key.lastUsedAt() == null || key.lastUsedAt().plus(interval).isBefore(now);
    }

    /** Forgets a key (revoked, or found gone), and any read of it still in flight. */
    synchronized void evict(String keyId) {
        revocations++;
        entries.values().removeIf(e -> e.key().id().equals(keyId));
    }

    int size() {
        return entries.size();
    }
}
