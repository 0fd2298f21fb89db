package app.ascend.notify.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The product page's "Deduplication": {@code dedup_key: ascend-{action_id}}, within PagerDuty's 255. */
class DedupKeyTest {

    @Test
    void actionIdGivesThePageKey() {
        assertThat(DedupKeys.forEvent(TestEvents.pageExample().build())).isEqualTo("ascend-act_xyz789");
    }

    @Test
    void eventsOwnDedupKeyOverridesTheActionId() {
        assertThat(DedupKeys.forEvent(TestEvents.pageExample().dedupKey("custom-key-1").build()))
                .isEqualTo("custom-key-1");
    }

    @Test
    void eventIdIsUsedWhenThereIsNoActionId() {
        assertThat(DedupKeys.forEvent(TestEvents.pageExample().actionId(null).build())).isEqualTo("ascend-evt_page01");
        assertThat(DedupKeys.forEvent(TestEvents.pageExample().actionId("  ").dedupKey("").build()))
                .isEqualTo("ascend-evt_page01");
    }

    @Test
    void keyOfExactly255CharactersIsKeptAsIs() {
        String actionId = "a".repeat(255 - "ascend-".length());

        assertThat(DedupKeys.forEvent(TestEvents.pageExample().actionId(actionId).build()))
                .isEqualTo("ascend-" + actionId);
    }

    @Test
    void longerKeyIsCutTo255WithAHashOfTheWholeKey() {
        String actionId = "a".repeat(400);
        String key = DedupKeys.forEvent(TestEvents.pageExample().actionId(actionId).build());

        assertThat(key).hasSize(255);
        assertThat(key).startsWith("ascend-aaaa");
        assertThat(key).matches("ascend-a{183}-[0-9a-f]{64}");
        assertThat(DedupKeys.forEvent(TestEvents.pageExample().actionId(actionId).build()))
                .as("deterministic, so resolve finds the alert").isEqualTo(key);
    }

    @Test
    void distinctLongKeysStayDistinctEvenWithTheSamePrefix() {
        String common = "x".repeat(300);
        String first = DedupKeys.forEvent(TestEvents.pageExample().actionId(common + "1").build());
        String second = DedupKeys.forEvent(TestEvents.pageExample().actionId(common + "2").build());

        assertThat(first).hasSize(255).isNotEqualTo(second);
        assertThat(first.substring(0, 190)).isEqualTo(second.substring(0, 190));
    }

    @Test
    void longOverrideIsHashedTooAndNeverSplitsASurrogatePair() {
        // 189 ASCII chars then emoji: the 190-char prefix would end on a high surrogate.
        String override = "k".repeat(189) + "😀".repeat(100);
        String key = DedupKeys.forEvent(TestEvents.pageExample().dedupKey(override).build());

        assertThat(key.length()).isLessThanOrEqualTo(255);
        assertThat(key).startsWith("k".repeat(189) + "-");
        assertThat(key.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }
}
