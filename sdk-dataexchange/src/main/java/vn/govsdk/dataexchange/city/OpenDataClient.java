package vn.govsdk.dataexchange.city;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.http.ClientBuilder;
import vn.govsdk.core.http.ClientOptions;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;


import vn.govsdk.core.internal.http.ErrorMapping;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.http.ServiceError;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.paging.Page;
import vn.govsdk.core.paging.PagedIterable;
import vn.govsdk.dataexchange.internal.city.OpenDataWire;

/**
 * A client of the city open-data portal (cổng dữ liệu mở, {@code opendata.hochiminhcity.gov.vn}):
 * its CKAN-compatible datastore search, in the DKAN form seen in use or the CKAN v3 form
 * ({@link OpenDataApiStyle}), and its catalogue ({@code package_list}, {@code package_show}).
 *
 * <p>{@link #stream(String, Class)} walks every record of a resource page by page: only one page is
 * held at a time, so a resource of millions of rows is read in constant memory. Records are mapped
 * to the caller's class by member name (a record whose components are the column names, a bean, or
 * {@code Map}); unknown columns are ignored. Reads are retried on transient failures. The portal is
 * public: no credentials are needed, though a {@link GatewayAuth} can be set for a portal behind a
 * gateway.
 *
 * <p>Immutable and thread-safe; close it when done (closing releases the transport only if the client
 * created it).
 */
public final class OpenDataClient implements AutoCloseable {

    private static final Pattern FIELD = Pattern.compile("[\\p{L}\\p{N}_ .\\-]{1,100}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");

    private final HttpUrl endpoint;
    private final OpenDataApiStyle style;
    private final int pageSize;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final GovHttpPipeline pipeline;

    private OpenDataClient(Builder b, ClientOptions o) {
        this.endpoint = HttpUrl.get(b.endpoint.toString());
        this.style = b.style;
        this.pageSize = b.pageSize;
        this.ownsTransport = o.sharedTransport().isEmpty();
        this.transport = ownsTransport ? HttpTransport.create() : o.transport();
        GovHttpPipeline.Builder p = GovHttpPipeline.builder(transport).options(o)
                .errorExtractor(OpenDataWire.errors());
        if (b.auth != null) {
            p.auth(b.auth);
        }
        this.pipeline = p.build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the page size {@link #stream} asks for.
     *
     * @return records per request
     */
    public int pageSize() {
        return pageSize;
    }

    /**
     * Searches one page of a datastore resource.
     *
     * @param resourceId the resource id (a UUID on DKAN portals)
     * @param filters exact-match filters, column name to value (may be empty)
     * @param offset how many matching records to skip, 0 or more
     * @param limit how many records to return, 1 to 32000; the portal may return fewer
     * @param recordType the class each record is mapped to
     * @param <T> the record type
     * @return the page
     * @throws InvalidInputException if an argument is invalid (before any request)
     * @throws vn.govsdk.core.NotFoundException if the portal has no such resource
     * @throws vn.govsdk.core.GovServiceException for other portal errors (a filter it refuses, say)
     * @throws ResponseDecodingException if the answer is not a datastore result or a record does not fit
     */
    public <T> DatastorePage<T> search(String resourceId, Map<String, String> filters, long offset, int limit,
            Class<T> recordType) {
        if (recordType == null) {
            throw new InvalidInputException("recordType", "must not be null");
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "must not be negative");
        }
        if (limit < 1 || limit > 32000) {
            throw new InvalidInputException("limit", "must be between 1 and 32000");
        }
        HttpUrl url = searchUrl(id("resourceId", resourceId), checkFilters(filters), offset, limit);
        JsonNode result = result(pipeline.execute(Operation.read("opendata.datastore_search"),
                new Request.Builder().url(url).get().header("Accept", "application/json").build()));
        JsonNode records = result.get("records");
        if (records == null || !records.isArray()) {
            throw new ResponseDecodingException("datastore search: the answer has no records array", null);
        }
        List<T> out = new ArrayList<>(records.size());
        for (JsonNode r : records) {
            out.add(GovJson.convert(r, recordType));
        }
        List<DatastoreField> fields = new ArrayList<>();
        JsonNode f = result.get("fields");
        if (f != null && f.isArray()) {
            for (JsonNode field : f) {
                fields.add(new DatastoreField(OpenDataWire.text(field, "id"), OpenDataWire.text(field, "type")));
            }
        }
        JsonNode total = result.get("total");
        long count = total != null && total.canConvertToLong() ? total.asLong() : offset + out.size();
        return new DatastorePage<>(out, count, offset, fields);
    }

    /**
     * Streams every record of a resource, page by page ({@link #pageSize()} records a request), one
     * page in memory at a time. Iterating again starts again from the first record.
     *
     * @param resourceId the resource id
     * @param recordType the class each record is mapped to
     * @param <T> the record type
     * @return the records, fetched lazily
     * @throws InvalidInputException if an argument is invalid (at once, before any request)
     */
    public <T> PagedIterable<T> stream(String resourceId, Class<T> recordType) {
        return stream(resourceId, Map.of(), recordType);
    }

    /**
     * Streams every record of a resource matching exact-match filters, page by page.
     *
     * @param resourceId the resource id
     * @param filters column name to value (may be empty)
     * @param recordType the class each record is mapped to
     * @param <T> the record type
     * @return the records, fetched lazily; the continuation token of each page is the next offset
     * @throws InvalidInputException if an argument is invalid (at once, before any request)
     */
    public <T> PagedIterable<T> stream(String resourceId, Map<String, String> filters, Class<T> recordType) {
        String id = id("resourceId", resourceId);
        Map<String, String> checked = checkFilters(filters);
        if (recordType == null) {
            throw new InvalidInputException("recordType", "must not be null");
        }
        return new PagedIterable<>(token -> {
            long offset = token == null ? 0 : Long.parseLong(token);
            DatastorePage<T> page = search(id, checked, offset, pageSize, recordType);
            String next = page.hasMore() ? Long.toString(offset + page.records().size()) : null;
            return new Page<>(page.records(), next);
        });
    }

    /**
     * Lists the names of the portal's datasets ({@code package_list}).
     *
     * @return the dataset names
     */
    public List<String> listDatasets() {
        JsonNode result = result(pipeline.execute(Operation.read("opendata.package_list"),
                new Request.Builder().url(action("package_list").build()).get()
                        .header("Accept", "application/json").build()));
        if (!result.isArray()) {
            throw new ResponseDecodingException("package_list: expected an array of names", null);
        }
        List<String> names = new ArrayList<>();
        result.forEach(n -> names.add(n.asText()));
        return List.copyOf(names);
    }

    /**
     * Returns a dataset's metadata and resources ({@code package_show}).
     *
     * @param nameOrId the dataset's name or id
     * @return the dataset
     * @throws vn.govsdk.core.NotFoundException if the portal has no such dataset
     */
    public Dataset getDataset(String nameOrId) {
        HttpUrl url = action("package_show").addQueryParameter("id", id("nameOrId", nameOrId)).build();
        JsonNode r = result(pipeline.execute(Operation.read("opendata.package_show"),
                new Request.Builder().url(url).get().header("Accept", "application/json").build()));
        List<DatasetResource> resources = new ArrayList<>();
        JsonNode rs = r.get("resources");
        if (rs != null && rs.isArray()) {
            for (JsonNode res : rs) {
                JsonNode active = res.get("datastore_active");
                resources.add(new DatasetResource(OpenDataWire.text(res, "id"), OpenDataWire.text(res, "name"),
                        OpenDataWire.text(res, "format"), active != null && active.asBoolean(false)));
            }
        }
        JsonNode org = r.get("organization");
        return new Dataset(OpenDataWire.text(r, "id"), OpenDataWire.text(r, "name"), OpenDataWire.text(r, "title"),
                OpenDataWire.text(r, "notes"), org == null || !org.isObject() ? null : OpenDataWire.text(org, "title"),
                OpenDataWire.text(r, "license_title"), OpenDataWire.text(r, "metadata_modified"), resources);
    }

    /** Releases the transport if this client created it. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    /** Shows the endpoint and style only. */
    @Override
    public String toString() {
        return "OpenDataClient[" + endpoint + ", " + style + "]";
    }

    private HttpUrl searchUrl(String resourceId, Map<String, String> filters, long offset, int limit) {
        HttpUrl.Builder b;
        if (style == OpenDataApiStyle.DKAN) {
            b = endpoint.newBuilder().addPathSegments("api/action/datastore/search.json");
        } else {
            b = action("datastore_search");
        }
        b.addQueryParameter("resource_id", resourceId).addQueryParameter("limit", Integer.toString(limit))
                .addQueryParameter("offset", Long.toString(offset));
        if (!filters.isEmpty()) {
            if (style == OpenDataApiStyle.DKAN) {
                filters.forEach((k, v) -> b.addQueryParameter("filters[" + k + "]", v));
            } else {
                b.addQueryParameter("filters", GovJson.writeString(filters));
            }
        }
        return b.build();
    }

    private HttpUrl.Builder action(String name) {
        return endpoint.newBuilder().addPathSegments("api/3/action").addPathSegment(name);
    }

    private static JsonNode result(GovResponse response) {
        JsonNode node = GovJson.readTree(response.body());
        JsonNode success = node.get("success");
        if (success != null && !success.asBoolean(true)) {
            ServiceError e = OpenDataWire.error(node);
            throw ErrorMapping.toException(response.status(), e == null ? ServiceError.NONE : e,
                    response.requestId(), response.attempts(), null);
        }
        JsonNode result = node.get("result");
        if (result == null || result.isNull()) {
            throw new ResponseDecodingException("the portal's answer has no result", null);
        }
        return result;
    }

    private static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be 1 to 200 letters, digits, '_', '.' or '-'");
        }
        return value;
    }

    private static Map<String, String> checkFilters(Map<String, String> filters) {
        if (filters == null) {
            throw new InvalidInputException("filters", "must not be null (use Map.of())");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : filters.entrySet()) {
            if (e.getKey() == null || !FIELD.matcher(e.getKey()).matches()) {
                throw new InvalidInputException("filters", "column names must be 1 to 100 letters, digits, '_', '.', '-' or spaces");
            }
            if (e.getValue() == null || e.getValue().chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("filters." + e.getKey(), "value must not be null or hold control characters");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Map.copyOf(copy);
    }

    /** Builds an {@link OpenDataClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private URI endpoint;
        private OpenDataApiStyle style = OpenDataApiStyle.DKAN;
        private int pageSize = 1000;
        private GatewayAuth auth;

        private Builder() {
        }

        /**
         * Sets the portal's base URL, for example {@code https://opendata.hochiminhcity.gov.vn}.
         *
         * @param endpoint an absolute http or https URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            if (endpoint == null || endpoint.getScheme() == null
                    || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))
                    || HttpUrl.parse(endpoint.toString()) == null) {
                throw new InvalidInputException("endpoint", "must be an absolute http or https URI");
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets the API form; default {@link OpenDataApiStyle#DKAN}.
         *
         * @param style the form
         * @return this builder
         */
        public Builder apiStyle(OpenDataApiStyle style) {
            if (style == null) {
                throw new InvalidInputException("apiStyle", "must not be null");
            }
            this.style = style;
            return this;
        }

        /**
         * Sets how many records {@link #stream} asks for a request; default 1000.
         *
         * @param pageSize 1 to 32000
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > 32000) {
                throw new InvalidInputException("pageSize", "must be between 1 and 32000");
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Sets credentials, for a portal published behind a gateway; default none (the portal is public).
         *
         * @param credentials the scheme
         * @return this builder
         */
        public Builder credentials(GatewayAuth credentials) {
            if (credentials == null) {
                throw new InvalidInputException("credentials", "must not be null");
            }
            this.auth = credentials;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming what is missing
         */
        public OpenDataClient build() {
            if (endpoint == null) {
                throw new InvalidInputException("endpoint", "must be set");
            }
            return new OpenDataClient(this, clientOptions());
        }
    }
}
