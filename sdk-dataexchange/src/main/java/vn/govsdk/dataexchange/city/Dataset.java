package vn.govsdk.dataexchange.city;

import java.util.List;

/**
 * A dataset's metadata (bộ dữ liệu), from {@code package_show}.
 *
 * @param id the dataset's id
 * @param name the dataset's name (slug), as listed by {@link OpenDataClient#listDatasets()}
 * @param title the title
 * @param description the description, or {@code null}
 * @param organization the publishing organisation's title, or {@code null}
 * @param license the licence title, or {@code null}
 * @param modified the metadata modification time as served, or {@code null}
 * @param resources the resources
 */
public record Dataset(String id, String name, String title, String description, String organization,
        String license, String modified, List<DatasetResource> resources) {

    /**
     * Copies the list.
     *
     * @param id the id
     * @param name the name
     * @param title the title
     * @param description the description
     * @param organization the organisation
     * @param license the licence
     * @param modified the modification time
     * @param resources the resources
     */
    public Dataset {
        resources = List.copyOf(resources);
    }
}
