package app.ascend.notify.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The product page's bands cover 0–100 without gap or overlap; scores outside are clamped into the nearest. */
class RiskLevelTest {

    @Test
    void bandsAreThePagesAndCoverEveryScoreOnce() {
        assertThat(RiskLevel.wireNames()).containsExactly("critical", "high", "medium", "low");
        for (int score = 0; score <= 100; score++) {
            RiskLevel level = RiskLevel.ofScore(score);
            assertThat(score).as(level.wireName()).isBetween(level.minScore(), level.maxScore());
        }
        assertThat(RiskLevel.ofScore(89)).isEqualTo(RiskLevel.HIGH);
        assertThat(RiskLevel.ofScore(90)).isEqualTo(RiskLevel.CRITICAL);
        assertThat(RiskLevel.ofScore(39)).isEqualTo(RiskLevel.LOW);
        assertThat(RiskLevel.ofScore(40)).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void scoresOutsideTheRangeAreClampedIntoTheNearestBand() {
        assertThat(RiskLevel.ofScore(150)).isEqualTo(RiskLevel.CRITICAL);
        assertThat(RiskLevel.ofScore(-5)).isEqualTo(RiskLevel.LOW);
    }
}
