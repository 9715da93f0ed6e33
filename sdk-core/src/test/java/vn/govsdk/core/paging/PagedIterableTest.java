package vn.govsdk.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.ResponseDecodingException;

class PagedIterableTest {

    /** Three pages of two items; records every token it is asked for. */
    final List<String> requested = new ArrayList<>();
    final Map<String, Page<String>> pages = Map.of(
            "first", new Page<>(List.of("a", "b"), "p2"),
            "p2", new Page<>(List.of("c", "d"), "p3"),
            "p3", new Page<>(List.of("e", "f"), null));
    final Function<String, Page<String>> fetcher = token -> {
        requested.add(String.valueOf(token));
        return pages.get(token == null ? "first" : token);
    };

    @Test
    void nothingIsFetchedUntilIterationStarts() {
        PagedIterable<String> items = new PagedIterable<>(fetcher);
        var stream = items.stream();
        items.byPage();
        Iterator<String> iterator = items.iterator();

        assertThat(requested).isEmpty();
        assertThat(iterator.next()).isEqualTo("a");
        assertThat(requested).containsExactly("null");
        assertThat(stream.count()).isEqualTo(6);
    }

    @Test
    void iteratingFetchesEachPageOnceInOrder() {
        List<String> all = new ArrayList<>();
        new PagedIterable<>(fetcher).forEach(all::add);

        assertThat(all).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(requested).containsExactly("null", "p2", "p3");
    }

    @Test
    void aShortCircuitingStreamFetchesOnlyThePagesItNeeds() {
        List<String> firstThree = new PagedIterable<>(fetcher).stream().limit(3).toList();

        assertThat(firstThree).containsExactly("a", "b", "c");
        assertThat(requested).containsExactly("null", "p2");
    }

    @Test
    void findFirstFetchesOnePage() {
        assertThat(new PagedIterable<>(fetcher).stream().filter(s -> s.equals("b")).findFirst()).contains("b");
        assertThat(requested).containsExactly("null");
    }

    @Test
    void byPageExposesTokensAndResumesFromOne() {
        List<String> tokens = new ArrayList<>();
        for (Page<String> page : new PagedIterable<>(fetcher).byPage()) {
            tokens.add(page.nextContinuationToken().orElse("end"));
        }
        assertThat(tokens).containsExactly("p2", "p3", "end");

        requested.clear();
        List<String> resumed = new ArrayList<>();
        for (Page<String> page : new PagedIterable<>(fetcher).byPage("p2")) {
            resumed.addAll(page.items());
        }
        assertThat(resumed).containsExactly("c", "d", "e", "f");
        assertThat(requested).containsExactly("p2", "p3");
    }

    @Test
    void eachIterationStartsAgainFromTheFirstPage() {
        PagedIterable<String> items = new PagedIterable<>(fetcher);
        assertThat(items.stream().toList()).hasSize(6);
        assertThat(items.stream().toList()).hasSize(6);

        assertThat(requested).containsExactly("null", "p2", "p3", "null", "p2", "p3");
    }

    @Test
    void anEmptyPageWithATokenIsSkippedAndAnEmptyResultIsEmpty() {
        PagedIterable<Integer> sparse = new PagedIterable<>(token -> token == null
                ? new Page<>(List.of(), "next") : new Page<>(List.of(1), " "));
        assertThat(sparse.stream().toList()).containsExactly(1);

        PagedIterable<Integer> empty = new PagedIterable<>(token -> new Page<>(List.of(), null));
        assertThat(empty.iterator().hasNext()).isFalse();
    }

    @Test
    void aServerThatDoesNotAdvanceIsRefusedInsteadOfLoopedOn() {
        PagedIterable<Integer> stuck = new PagedIterable<>(token -> new Page<>(List.of(1), "same"));

        assertThatThrownBy(() -> stuck.stream().toList())
                .isInstanceOf(ResponseDecodingException.class).hasMessageContaining("did not advance");
    }

    @Test
    void aFetchFailureSurfacesFromTheIterator() {
        PagedIterable<Integer> failing = new PagedIterable<>(token -> {
            throw new NotFoundException(404, null, null, "rid", 1);
        });

        assertThatThrownBy(() -> failing.iterator().hasNext()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBlankResumeTokenIsRefused() {
        assertThatThrownBy(() -> new PagedIterable<>(fetcher).byPage(""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("continuationToken");
    }

    @Test
    void pagesAreImmutable() {
        List<String> source = new ArrayList<>(List.of("x"));
        Page<String> page = new Page<>(source, "t");
        source.add("y");

        assertThat(page.items()).containsExactly("x");
        assertThatThrownBy(() -> page.items().add("z")).isInstanceOf(UnsupportedOperationException.class);
    }
}
