package vn.govsdk.core.paging;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list operation: its items and the token that fetches the next page.
 *
 * @param items the items of this page, in the server's order; may be empty
 * @param continuationToken the opaque token of the next page, or {@code null} on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String continuationToken) {

    /**
     * Copies the items; a blank token means there is no next page.
     *
     * @param items the items of this page, none {@code null}
     * @param continuationToken the next page's token, or {@code null}
     */
    public Page {
        items = List.copyOf(items);
        if (continuationToken != null && continuationToken.isBlank()) {
            continuationToken = null;
        }
    }

    /**
     * Returns the token of the next page.
     *
     * @return the token, or empty on the last page
     */
    public Optional<String> nextContinuationToken() {
        return Optional.ofNullable(continuationToken);
    }
}
