package app.ascend.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an attempt stores is cut to its columns and stays readable: the errors list is a JSON array
 * with a last element counting what was left out; no text ends in half a surrogate pair.
 */
class StoredAttemptTextTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aLongErrorsListIsCutElementByElementAndStaysJson() {
        List<String> errors = IntStream.range(0, 500).mapToObj(i -> "'payload.custom_details.f" + i + "' is invalid 😀").toList();

        String stored = StoredText.errorsJson(JSON, errors, StoredText.ERRORS_MAX);

        assertThat(stored.length()).isLessThanOrEqualTo(StoredText.ERRORS_MAX);
        List<String> read = JSON.readValue(stored, new TypeReference<List<String>>() { });
        int kept = read.size() - 1;
        assertThat(read.subList(0, kept)).isEqualTo(errors.subList(0, kept));
        assertThat(read.get(kept)).isEqualTo("[" + (errors.size() - kept)
                + " more errors not stored: the list is kept to 8000 characters]");
    }

    @Test
    void oneHugeErrorIsCutByCodePointsAndMarked() {
        String huge = "😀".repeat(5_000) + "\"quoted\"";

        String stored = StoredText.errorsJson(JSON, List.of(huge, "second"), StoredText.ERRORS_MAX);

        assertThat(stored.length()).isLessThanOrEqualTo(StoredText.ERRORS_MAX);
        List<String> read = JSON.readValue(stored, new TypeReference<List<String>>() { });
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).endsWith("😀…").startsWith("😀😀");
        assertThat(read.get(1)).startsWith("[1 more error not stored");
    }

    @Test
    void aShortListIsStoredWhole() {
        assertThat(StoredText.errorsJson(JSON, List.of("a", "b"), StoredText.ERRORS_MAX)).isEqualTo("[\"a\",\"b\"]");
        assertThat(StoredText.errorsJson(JSON, null, StoredText.ERRORS_MAX)).isEqualTo("[]");
    }

    @Test
    void theMessageCutNeverSplitsASurrogatePair() {
        String message = "x" + "😀".repeat(3_000); // a pair starts at every odd index: 3999 is the first half of one

        String stored = Outbox.truncate(message, 4000);

        assertThat(stored).hasSize(3999).endsWith("😀");
        assertThat(Character.isHighSurrogate(stored.charAt(stored.length() - 1))).isFalse();
        assertThat(Outbox.truncate("short", 4000)).isEqualTo("short");
    }
}
