package app.ascend.notify.db;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which database this instance stores in, for the few statements whose cheapest shape differs between the embedded
 * H2 and PostgreSQL. Every statement is written once, in the dialect both accept; only how statements are grouped
 * into round trips may differ.
 */
@Component
public final class DatabaseProduct {
    private final boolean embeddedH2;

    public DatabaseProduct(@Value("${spring.datasource.url}") String url) {
        this.embeddedH2 = url.startsWith("jdbc:h2:");
    }

    /**
     * Whether a {@code UNION ALL} of two queries is cheaper as one statement than as two. On PostgreSQL it is: one
     * round trip instead of two. On H2 it is not: H2 runs in this process (no round trip to save) and caches no
     * compound query, so it parses and plans the whole union again on every call, where each part alone is parsed
     * once per connection (H2 2.4's {@code SelectUnion} is not cacheable, a {@code Select} is:
     * {@code Prepared.isCacheable}; measured ~100 µs against ~10 µs per call, docs/PERFORMANCE.md, tenth look).
     */
    public boolean unionInOneStatement() {
        return !embeddedH2;
    }
}
