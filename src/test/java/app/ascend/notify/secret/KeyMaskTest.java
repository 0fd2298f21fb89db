package app.ascend.notify.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A masked key shows its last four characters, counted in code points, and never half of one. */
class KeyMaskTest {

    @Test
    void aLongKeyShowsItsLastFourCharacters() {
        assertThat(KeyMask.mask("R0123456789abcdef0123456789abcdef")).isEqualTo("****cdef");
    }

    @Test
    void aShortKeyShowsNothing() {
        assertThat(KeyMask.mask("short-key")).isEqualTo("****");
    }

    @Test
    void aKeyEndingInAnEmojiShowsWholeCodePoints() {
        String key = "0123456789abcdefghij🔑🔑🔑🔑";

        String masked = KeyMask.mask(key);

        assertThat(masked).isEqualTo("****🔑🔑🔑🔑");
        assertThat(masked.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }
}
