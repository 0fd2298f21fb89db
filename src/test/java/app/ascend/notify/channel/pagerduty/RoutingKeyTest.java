package app.ascend.notify.channel.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** PagerDuty's routing key rule (32 alphanumerics, FACTS.md §2) and the code-point truncation helper. */
class RoutingKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"R0123456789abcdefABCDEF012345678", "abcdefabcdefabcdefabcdefabcdef12"})
    void thirtyTwoAlphanumericsAreAValidRoutingKey(String key) {
        assertThat(PagerDutyLimits.isValidRoutingKey(key)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "your-routing-key", "security-on-call",              // the product page's aliases
            "abcdefabcdefabcdefabcdefabcdef1",                    // 31
            "abcdefabcdefabcdefabcdefabcdef123",                  // 33
            "abcdefabcdefabcdefabcdefabcdef1-",                   // non-alphanumeric
            "abcdefabcdefabcdefabcdefabcdef1é"})                  // non-ASCII letter
    void anythingElseIsNot(String key) {
        assertThat(PagerDutyLimits.isValidRoutingKey(key)).isFalse();
    }

    @Test
    void truncateCodePointsKeepsShortTextAndRejectsANonPositiveLimit() {
        assertThat(PagerDutyLimits.truncateCodePoints("abc", 3)).isEqualTo("abc");
        assertThat(PagerDutyLimits.truncateCodePoints("abcd", 3)).isEqualTo("ab…");
        assertThat(PagerDutyLimits.truncateCodePoints(null, 3)).isNull();
        assertThatThrownBy(() -> PagerDutyLimits.truncateCodePoints("abc", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
