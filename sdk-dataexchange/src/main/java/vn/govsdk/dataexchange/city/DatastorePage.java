package vn.govsdk.dataexchange.city;

import java.util.List;

/**
 * One page of a datastore search.
 *
 * @param records the records of this page, mapped to the caller's type
 * @param total how many records match in all (every page)
 * @param offset the offset of the first record of this page
 * @param fields the resource's columns
 * @param <T> the record type
 */
public record DatastorePage<T>(List<T> records, long total, long offset, List<DatastoreField> fields) {

    /**
     * Copies the lists.
     *
     * @param records the records
     * @param total the total
     * @param offset the offset
     * @param fields the columns
     */
    public DatastorePage {
        records = List.copyOf(records);
        fields = List.copyOf(fields);
    }

    /**
     * Tells whether records remain after this page.
     *
     * @return {@code true} if {@code offset + records.size() < total} and this page was not empty
     */
    public boolean hasMore() {
        return !records.isEmpty() && offset + records.size() < total;
    }
}
