package app.ascend.notify.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ascend.notify.audit.AuditTrail;
import app.ascend.notify.db.AfterCommit;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.ids.Sha256;
import app.ascend.notify.web.NotFoundException;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;

/**
 * API keys for machine clients. The secret ({@code ask_} + 40 random base62 characters, about 238
 * bits) is shown once; only its SHA-256 is stored. A fast hash is right here, unlike for passwords:
 * the secret is random and long, so there is nothing to brute-force.
 *
 * <p>Authentication reads a key from the database once per {@code ascend.api-keys.cache-ttl} and
 * instance, not once per request ({@link ApiKeyCache}); a revocation evicts it on this instance when it
 * commits, and other instances stop accepting it within the TTL.
 */
@Service
public class ApiKeyService {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private final SecureRandom random = new SecureRandom();
    private final ApiKeyRepository keys;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApiKeyCache cache;

    public ApiKeyService(ApiKeyRepository keys, AuditTrail audit, Clock clock,
            @Value("${ascend.api-keys.cache-ttl:10s}") Duration cacheTtl) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.cache = new ApiKeyCache(cacheTtl, ApiKeyCache.MAX_ENTRIES, clock);
    }

    /** The stored key and its secret, which the caller shows once. */
    public record Created(ApiKey key, String secret) {
    }

    @Transactional
    public Created create(AscendPrincipal by, String name) {
        StringBuilder secret = new StringBuilder("ask_");
        for (int i = 0; i < 40; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        ApiKey key = new ApiKey(Ids.newId("key"), by.organizationId(), name, secret.substring(0, 12), clock.instant(), null);
        keys.insert(key, hash(secret.toString()), by.userId());
        audit.record(by, "api_key.created", "api_key", key.id(), Map.of("name", name, "prefix", key.prefix()));
        return new Created(key, secret.toString());
    }

    public Page<ApiKey> list(AscendPrincipal by, PageParams page) {
        return Page.of(keys.page(by.organizationId(), page), page, ApiKey::id);
    }

    @Transactional
    public void revoke(AscendPrincipal by, String id) {
        ApiKey key = keys.find(by.organizationId(), id).orElseThrow(() -> new NotFoundException("API key", id));
        keys.delete(by.organizationId(), id);
        // After the commit: evicting earlier would let a request between the eviction and the commit read
        // the key (still there) and cache it again. The DELETE answers after this has run.
        AfterCommit.run(() -> cache.evict(id));
        audit.record(by, "api_key.revoked", "api_key", id, Map.of("name", key.name(), "prefix", key.prefix()));
    }

    /**
     * The key a presented secret belongs to; records its use at most once a minute per instance, decided
     * from the key as this instance knows it (no read to decide).
     */
    public Optional<ApiKey> authenticate(String secret) {
        String hash = hash(secret);
        Instant now = clock.instant();
        Optional<ApiKey> cached = cache.get(hash);
        if (cached.isPresent()) {
            ApiKey key = cached.get();
            if (cache.claimTouch(hash, now, TOUCH_INTERVAL) && !keys.touch(key.id(), now)) {
                // Deleted behind this instance's back (revoked on another one): refuse it now.
                cache.evict(key.id());
                return Optional.empty();
            }
            return cached;
        }
        long ticket = cache.ticket();
        Optional<ApiKey> found = keys.findByHash(hash);
        if (found.isEmpty()) {
            return found;
        }
        ApiKey key = found.get();
        if (ApiKeyCache.touchDue(key, now, TOUCH_INTERVAL)) {
            if (!keys.touch(key.id(), now)) {
                return Optional.empty();
            }
            key = new ApiKey(key.id(), key.organizationId(), key.name(), key.prefix(), key.createdAt(), now);
        }
        cache.put(hash, key, ticket);
        return Optional.of(key);
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
