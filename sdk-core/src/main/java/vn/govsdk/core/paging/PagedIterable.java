package vn.govsdk.core.paging;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import vn.govsdk.core.ResponseDecodingException;

/**
 * The result of a list operation: lazy, fetched page by page as it is consumed. Nothing is sent
 * until iteration starts, and each page is fetched only when the previous one is used up, so a
 * {@code stream().limit(n)} or a {@code break} fetches no more pages than it needs.
 *
 * <p>Each call to {@link #iterator()}, {@link #stream()} or {@link #byPage()} starts again from the
 * first page. {@link #byPage(String)} resumes from a continuation token saved earlier, for example
 * by a batch job that stopped half-way.
 *
 * <pre>{@code
 * for (Dossier d : client.listDossiers(filter)) { ... }
 * client.listDossiers(filter).stream().filter(...).limit(10).toList();
 * for (Page<Dossier> page : client.listDossiers(filter).byPage()) {
 *     save(page.items());
 *     checkpoint(page.nextContinuationToken());
 * }
 * }</pre>
 *
 * <p>A failed page fetch throws the {@link vn.govsdk.core.GovSdkException} of that call from
 * {@code hasNext()} or {@code next()}. A server that hands back the token it was given is refused
 * with {@link ResponseDecodingException} rather than looped on forever.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    private final Function<String, Page<T>> fetcher;

    /**
     * Creates the iterable.
     *
     * @param fetcher fetches a page: given {@code null} the first page, otherwise the page the
     *                continuation token names; called only while the iterable is consumed
     */
    public PagedIterable(Function<String, Page<T>> fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * Iterates over every item of every page, from the first page.
     *
     * @return a lazy iterator
     */
    @Override
    public Iterator<T> iterator() {
        return new ItemIterator<>(new PageIterator<>(fetcher, null));
    }

    /**
     * Streams every item of every page, from the first page. Sequential and lazy.
     *
     * @return a lazy stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(
                () -> Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), Spliterator.ORDERED, false);
    }

    /**
     * Iterates page by page from the first page.
     *
     * @return the pages, lazily
     */
    public Iterable<Page<T>> byPage() {
        return () -> new PageIterator<>(fetcher, null);
    }

    /**
     * Iterates page by page from the page a continuation token names.
     *
     * @param continuationToken a token from {@link Page#nextContinuationToken()}
     * @return the pages from that one on, lazily
     */
    public Iterable<Page<T>> byPage(String continuationToken) {
        if (continuationToken == null || continuationToken.isBlank()) {
            throw new vn.govsdk.core.InvalidInputException("continuationToken", "must not be blank");
        }
        return () -> new PageIterator<>(fetcher, continuationToken);
    }

    private static final class PageIterator<T> implements Iterator<Page<T>> {
        private final Function<String, Page<T>> fetcher;
        private String nextToken;
        private boolean started;
        private Page<T> next;

        PageIterator(Function<String, Page<T>> fetcher, String firstToken) {
            this.fetcher = fetcher;
            this.nextToken = firstToken;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (started && nextToken == null) {
                return false;
            }
            String token = nextToken;
            Page<T> page = Objects.requireNonNull(fetcher.apply(token), "page fetcher returned null");
            started = true;
            if (token != null && token.equals(page.continuationToken())) {
                throw new ResponseDecodingException("paging did not advance: the server returned the continuation"
                        + " token it was given", null);
            }
            nextToken = page.continuationToken();
            next = page;
            return true;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Page<T> page = next;
            next = null;
            return page;
        }
    }

    private static final class ItemIterator<T> implements Iterator<T> {
        private final Iterator<Page<T>> pages;
        private Iterator<T> current = java.util.Collections.emptyIterator();

        ItemIterator(Iterator<Page<T>> pages) {
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!pages.hasNext()) {
                    return false;
                }
                current = pages.next().items().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
