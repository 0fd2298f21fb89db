package app.ascend.notify.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class InListTest {

    @Test
    void aListIsRoundedUpToAPowerOfTwoWithItsLastValueRepeated() {
        InList in = InList.of(List.of("a", "b", "c"));
        assertThat(in.placeholders()).isEqualTo("?, ?, ?, ?");
        assertThat(in.params()).containsExactly("a", "b", "c", "c");
    }

    @Test
    void oneQueryHasAtMostTenShapesUpToFiveHundredValues() {
        long shapes = IntStream.rangeClosed(1, 500)
                .mapToObj(n -> InList.of(IntStream.range(0, n).boxed().toList()).placeholders()).distinct().count();
        assertThat(shapes).isEqualTo(10); // 1, 2, 4 … 512
    }

    @Test
    void pairsRepeatTheirFirstValue() {
        InList in = InList.pairs("org", List.of("x", "y", "z"));
        assertThat(in.placeholders()).isEqualTo("(?, ?), (?, ?), (?, ?), (?, ?)");
        assertThat(in.params()).containsExactly("org", "x", "org", "y", "org", "z", "org", "z");
    }

    @Test
    void leadingParametersComeFirst() {
        assertThat(InList.of(List.of("id")).after("org", 1)).containsExactly("org", 1, "id");
    }

    @Test
    void anEmptyListIsAMistake() {
        assertThatThrownBy(() -> InList.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
