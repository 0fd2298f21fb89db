package app.ascend.notify.web;

import java.util.List;
import java.util.function.Function;

/** Every list answers {@code {"items": [...], "next_cursor": "..." | null}}, newest first. */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only says that there is more,
     * and the cursor is the id of the last row shown (ids are time-ordered).
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, PageParams params, Function<T, String> idOf) {
        if (rowsPlusOne.size() > params.limit()) {
            List<T> shown = rowsPlusOne.subList(0, params.limit());
            return new Page<>(List.copyOf(shown), PageParams.cursorFor(idOf.apply(shown.get(shown.size() - 1))));
        }
        return new Page<>(List.copyOf(rowsPlusOne), null);
    }
}
