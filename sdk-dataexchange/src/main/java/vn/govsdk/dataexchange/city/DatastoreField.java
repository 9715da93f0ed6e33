package vn.govsdk.dataexchange.city;

/**
 * One column of a datastore resource, as the portal describes it.
 *
 * @param id the column name, for example {@code ma_phuong}
 * @param type the datastore type, for example {@code text}, {@code int}, {@code date}, {@code numeric}
 */
public record DatastoreField(String id, String type) {
}
