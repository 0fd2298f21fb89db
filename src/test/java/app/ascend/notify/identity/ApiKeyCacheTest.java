package app.ascend.notify.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.MutableClock;

/**
 * The API-key cache on a clock the test moves: an entry lives its TTL from when it was read however often
 * it is used, the size stays bounded, an eviction also drops a read that was in flight, and the
 * last-used write is claimed once per interval.
 */
class ApiKeyCacheTest {
    private static final Duration TTL = Duration.ofSeconds(10);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final ApiKeyCache cache = new ApiKeyCache(TTL, 3, clock);

    private ApiKey key(String id) {
        return new ApiKey(id, "org_1", "engine", "ask_abcdefgh", clock.instant(), null);
    }

    @Test
    void anEntryLivesItsTtlFromWhenItWasReadHoweverOftenItIsUsed() {
        cache.put("h1", key("key_1"), cache.ticket());

        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.get("h1")).map(ApiKey::id).contains("key_1");
        clock.advance(Duration.ofSeconds(1));

        assertThat(cache.get("h1")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void anEntryIsStaleWhenTheClockWentBackPastItsRead() {
        cache.put("h1", key("key_1"), cache.ticket());

        clock.advance(Duration.ofMillis(-1));

        assertThat(cache.get("h1")).isEmpty();
    }

    @Test
    void aFullCacheDropsItsExpiredEntriesFirst() {
        cache.put("h1", key("key_1"), cache.ticket());
        cache.put("h2", key("key_2"), cache.ticket());
        clock.advance(TTL);
        cache.put("h3", key("key_3"), cache.ticket());

        cache.put("h4", key("key_4"), cache.ticket());

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("h3")).isPresent();
        assertThat(cache.get("h4")).isPresent();
    }

    @Test
    void aCacheFullOfLiveKeysStartsOverRatherThanGrow() {
        cache.put("h1", key("key_1"), cache.ticket());
        cache.put("h2", key("key_2"), cache.ticket());
        cache.put("h3", key("key_3"), cache.ticket());

        cache.put("h4", key("key_4"), cache.ticket());

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("h4")).isPresent();
        cache.put("h4", key("key_4"), cache.ticket());
        assertThat(cache.size()).as("a key already cached is replaced, not counted twice").isEqualTo(1);
    }

    @Test
    void anEvictedKeyIsGoneAndAReadStartedBeforeTheEvictionIsNotCached() {
        cache.put("h1", key("key_1"), cache.ticket());
        cache.put("h2", key("key_2"), cache.ticket());
        long readBeforeRevocation = cache.ticket();

        cache.evict("key_1");
        cache.put("h1", key("key_1"), readBeforeRevocation);

        assertThat(cache.get("h1")).isEmpty();
        assertThat(cache.get("h2")).isPresent();
        cache.put("h1", key("key_1"), cache.ticket());
        assertThat(cache.get("h1")).as("a read after the eviction caches again").isPresent();
    }

    @Test
    void theLastUseIsClaimedOncePerInterval() {
        cache.put("h1", key("key_1"), cache.ticket());
        Instant now = clock.instant();

        assertThat(cache.claimTouch("h1", now, MINUTE)).isTrue();
        assertThat(cache.claimTouch("h1", now, MINUTE)).isFalse();
        assertThat(cache.get("h1")).map(ApiKey::lastUsedAt).contains(now);
        assertThat(cache.claimTouch("h1", now.plus(MINUTE), MINUTE)).isFalse();
        assertThat(cache.claimTouch("h1", now.plus(MINUTE).plusMillis(1), MINUTE)).isTrue();
        assertThat(cache.claimTouch("absent", now, MINUTE)).isFalse();
    }

    @Test
    void claimingTheLastUseDoesNotExtendTheEntry() {
        cache.put("h1", key("key_1"), cache.ticket());
        clock.advance(Duration.ofSeconds(9));

        cache.claimTouch("h1", clock.instant(), MINUTE);
        clock.advance(Duration.ofSeconds(1));

        assertThat(cache.get("h1")).isEmpty();
    }

    @Test
    void aZeroTtlCachesNothingAndANegativeOneIsRefused() {
        ApiKeyCache off = new ApiKeyCache(Duration.ZERO, 3, clock);

        off.put("h1", key("key_1"), off.ticket());

        assertThat(off.enabled()).isFalse();
        assertThat(off.get("h1")).isEmpty();
        assertThatThrownBy(() -> new ApiKeyCache(Duration.ofSeconds(-1), 3, clock))
                .hasMessageContaining("ascend.api-keys.cache-ttl");
    }
}
