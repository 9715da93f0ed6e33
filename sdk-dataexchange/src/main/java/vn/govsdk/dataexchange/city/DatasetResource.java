package vn.govsdk.dataexchange.city;

/**
 * One resource (tài nguyên) of a dataset: a file or a datastore table.
 *
 * @param id the resource id, used by {@link OpenDataClient#search} and {@link OpenDataClient#stream}
 * @param name the resource's name
 * @param format the format, for example {@code CSV}
 * @param datastoreActive whether the resource can be searched through the datastore
 */
public record DatasetResource(String id, String name, String format, boolean datastoreActive) {
}
