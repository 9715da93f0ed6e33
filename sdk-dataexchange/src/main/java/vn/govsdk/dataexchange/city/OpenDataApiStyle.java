package vn.govsdk.dataexchange.city;

/** Which form of the CKAN-compatible datastore search the portal answers. */
public enum OpenDataApiStyle {
    /**
     * The DKAN (Drupal) form seen in use on {@code opendata.hochiminhcity.gov.vn}:
     * {@code GET /api/action/datastore/search.json?resource_id=&limit=&offset=&filters[Field]=value}.
     */
    DKAN,
    /**
     * The CKAN v3 form: {@code GET /api/3/action/datastore_search?resource_id=&limit=&offset=&filters={"Field":"value"}}.
     */
    CKAN_V3
}
