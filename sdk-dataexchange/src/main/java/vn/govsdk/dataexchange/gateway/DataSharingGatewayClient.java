package vn.govsdk.dataexchange.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.http.ClientBuilder;
import vn.govsdk.core.http.ClientOptions;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;


import vn.govsdk.core.id.TaxCode;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.dataexchange.internal.gateway.GatewayErrors;
import vn.govsdk.dataexchange.internal.gateway.PathRules;
import vn.govsdk.dataexchange.internal.gateway.RegistryMapper;

/**
 * A client of a data-sharing platform (nền tảng tích hợp, chia sẻ dữ liệu): the city LGSP or the
 * national NGSP, both WSO2 API Manager style. Calls any published API by context, version and
 * resource ({@code <endpoint>/<context>/<version>/<resource>}), with JSON mapped to the caller's
 * classes or an XML (SOAP) body, and offers the national services seen in use: the business registry
 * ({@link #getBusiness(TaxCode)}) and the shared code lists ({@link #listCodeLists()}).
 *
 * <p>Authentication is either flavour that LGSP deployments use: WSO2 client credentials
 * ({@link GatewayAuth#clientCredentials}) or the VNPT {@code lgspaccesstoken} with client
 * credentials ({@link Builder#credentials(ClientCredentials, LgspAccessToken)}). Tokens are cached and
 * renewed; a 401 is answered with one renewal. Reads are retried by the retry policy; POSTs are not
 * (unless sent with {@link #postIdempotent}). Errors are unchecked {@link vn.govsdk.core.GovSdkException}s
 * carrying status, the gateway's error code (WSO2 fault code, {@code error_code}, SOAP fault code) and
 * the request id. Logs are masked.
 *
 * <p>Immutable and thread-safe; create one per gateway and close it when done (closing releases the
 * transport only if the client created it).
 */
public final class DataSharingGatewayClient implements AutoCloseable {

    private final HttpUrl endpoint;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final GovHttpPipeline pipeline;
    private final GatewayApi businessApi;
    private final GatewayApi codeListApi;

    private DataSharingGatewayClient(Builder b, ClientOptions o) {
        this.endpoint = HttpUrl.get(b.endpoint.toString());
        this.ownsTransport = o.sharedTransport().isEmpty();
        this.transport = ownsTransport ? HttpTransport.create() : o.transport();
        this.businessApi = b.businessApi;
        this.codeListApi = b.codeListApi;
        GovHttpPipeline.Builder p = GovHttpPipeline.builder(transport).options(o).auth(b.auth)
                .errorExtractor(GatewayErrors.gateway());
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
     * Calls {@code GET <context>/<version>/<resource>} and maps the JSON answer. Retried on transient
     * failures.
     *
     * @param api the API
     * @param resource the resource path under the API, for example {@code chiTietDoanhNghiep}
     * @param query the query parameters (may be empty), sent in iteration order
     * @param responseType the class to map the JSON answer to (a record, a bean class or {@code Map});
     *                     unknown members are ignored
     * @param <T> the response type
     * @return the mapped answer
     * @throws InvalidInputException if the resource or a parameter is invalid (before any request)
     * @throws vn.govsdk.core.GovServiceException if the gateway or the API answers an error
     * @throws ResponseDecodingException if the answer is not JSON of that shape
     */
    public <T> T get(GatewayApi api, String resource, Map<String, String> query, Class<T> responseType) {
        requireType(responseType);
        HttpUrl url = url(api, resource, query);
        return pipeline.getJson(Operation.read(operationName(api, resource)), url, responseType);
    }

    /**
     * Calls {@code POST <context>/<version>/<resource>} with a JSON body and maps the JSON answer. Not
     * retried: a write may not be safe to repeat.
     *
     * @param api the API
     * @param resource the resource path under the API
     * @param body the request, serialised as JSON (a record, a class or a {@code Map})
     * @param responseType the class to map the JSON answer to
     * @param <T> the response type
     * @return the mapped answer
     * @throws InvalidInputException if the resource or body is invalid (before any request)
     * @throws vn.govsdk.core.GovServiceException if the gateway or the API answers an error
     */
    public <T> T post(GatewayApi api, String resource, Object body, Class<T> responseType) {
        return post(Operation.write(operationName(api, resource)), api, resource, body, responseType);
    }

    /**
     * Like {@link #post(GatewayApi, String, Object, Class)}, for a resource whose POST is idempotent
     * (a search, a lookup): retried on transient failures like a read.
     *
     * @param api the API
     * @param resource the resource path under the API
     * @param body the request, serialised as JSON
     * @param responseType the class to map the JSON answer to
     * @param <T> the response type
     * @return the mapped answer
     */
    public <T> T postIdempotent(GatewayApi api, String resource, Object body, Class<T> responseType) {
        return post(Operation.idempotentWrite(operationName(api, resource)), api, resource, body, responseType);
    }

    private <T> T post(Operation op, GatewayApi api, String resource, Object body, Class<T> responseType) {
        requireType(responseType);
        if (body == null) {
            throw new InvalidInputException("body", "must not be null");
        }
        return pipeline.postJson(op, url(api, resource, Map.of()), body, responseType);
    }

    /**
     * Posts an XML (SOAP 1.1) body to {@code <context>/<version>/<resource>} and parses the answer with
     * the hardened parser. Not retried. A SOAP fault (in an error status) becomes a
     * {@link vn.govsdk.core.GovServiceException} with the fault code.
     *
     * @param api the API
     * @param resource the resource path under the API
     * @param xml the XML body
     * @param soapAction the {@code SOAPAction} header value, or {@code null} for none
     * @return the parsed answer
     * @throws InvalidInputException if the resource or body is invalid (before any request)
     * @throws ResponseDecodingException if the answer is not well-formed XML or carries a DTD
     */
    public XmlDocument postXml(GatewayApi api, String resource, String xml, String soapAction) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidInputException("xml", "must not be empty");
        }
        Map<String, String> headers = soapAction == null ? Map.of() : Map.of("SOAPAction", "\"" + soapAction + "\"");
        GovResponse response = pipeline.postXml(Operation.write(operationName(api, resource)),
                url(api, resource, Map.of()), xml, headers);
        return new XmlDocument(response.xml());
    }

    /**
     * Looks up a business in the national business registry ({@code chiTietDoanhNghiep?maSoDoanhNghiep=}).
     *
     * @param taxCode the business's tax code (mã số thuế), which is its enterprise code
     * @return the detail
     * @throws NotFoundException if the registry has no such business
     * @throws vn.govsdk.core.GovServiceException for other errors
     */
    public BusinessDetail getBusiness(TaxCode taxCode) {
        if (taxCode == null) {
            throw new InvalidInputException("taxCode", "must not be null");
        }
        HttpUrl url = url(businessApi, "chiTietDoanhNghiep", Map.of("maSoDoanhNghiep", taxCode.value()));
        GovResponse response = pipeline.execute(Operation.read("business-registry.chiTietDoanhNghiep"),
                new Request.Builder().url(url).get().header("Accept", "application/json").build());
        JsonNode data = RegistryMapper.data(GovJson.readTree(response.body()));
        JsonNode main = data.get("MainInformation");
        String name = RegistryMapper.text(main, "NAME");
        if (main == null || name == null) {
            throw new NotFoundException(response.status(), null, "the registry answered without MainInformation.NAME",
                    response.requestId(), response.attempts());
        }
        JsonNode address = data.get("HOAddress");
        return new BusinessDetail(taxCode, name, RegistryMapper.text(main, "SHORT_NAME"),
                RegistryMapper.texts(data.get("Representatives"), "FULL_NAME"),
                RegistryMapper.text(address, "AddressFullText"),
                RegistryMapper.text(main, "STATUS_NAME", "ENTERPRISE_STATUS"),
                RegistryMapper.date(RegistryMapper.text(main, "FOUNDING_DATE")));
    }

    /**
     * Looks up a business by a tax code given as text, validated before any request.
     *
     * @param taxCode the tax code, 10 digits or {@code NNNNNNNNNN-NNN}
     * @return the detail
     * @throws InvalidInputException if the tax code is malformed or its check digit is wrong
     * @throws NotFoundException if the registry has no such business
     */
    public BusinessDetail getBusiness(String taxCode) {
        return getBusiness(TaxCode.of(taxCode));
    }

    /**
     * Lists the shared national code lists ({@code AllCategory}). Lists and codes the SDK does not
     * know are returned as served; members it does not know are ignored.
     *
     * @return the code lists
     */
    public List<CodeList> listCodeLists() {
        GovResponse response = pipeline.execute(Operation.read("shared-code-lists.AllCategory"),
                new Request.Builder().url(url(codeListApi, "AllCategory", Map.of())).get()
                        .header("Accept", "application/json").build());
        JsonNode data = RegistryMapper.data(GovJson.readTree(response.body()));
        if (!data.isArray()) {
            throw new ResponseDecodingException("AllCategory: expected an array of code lists", null);
        }
        List<CodeList> lists = new ArrayList<>();
        for (JsonNode c : data) {
            String code = RegistryMapper.text(c, "CategoryCode", "Code", "code");
            if (code == null) {
                continue;
            }
            List<CodeEntry> entries = new ArrayList<>();
            JsonNode items = c.has("Items") ? c.get("Items") : c.get("items");
            if (items != null && items.isArray()) {
                for (JsonNode item : items) {
                    String itemCode = RegistryMapper.text(item, "Code", "code");
                    if (itemCode != null) {
                        entries.add(new CodeEntry(itemCode, RegistryMapper.text(item, "Name", "name")));
                    }
                }
            }
            lists.add(new CodeList(code, RegistryMapper.text(c, "CategoryName", "Name", "name"), entries));
        }
        return List.copyOf(lists);
    }

    /** Releases the transport if this client created it. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    /** Shows the endpoint only. */
    @Override
    public String toString() {
        return "DataSharingGatewayClient[" + endpoint + "]";
    }

    private HttpUrl url(GatewayApi api, String resource, Map<String, String> query) {
        if (api == null) {
            throw new InvalidInputException("api", "must not be null");
        }
        String path = PathRules.path("resource", resource);
        if (query == null) {
            throw new InvalidInputException("query", "must not be null (use Map.of())");
        }
        HttpUrl.Builder b = endpoint.newBuilder();
        for (String s : api.context().split("/")) {
            b.addPathSegment(s);
        }
        b.addPathSegment(api.version());
        for (String s : path.split("/")) {
            b.addPathSegment(s);
        }
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
                throw new InvalidInputException("query", "names and values must not be null or empty names");
            }
            PathRules.invisible("query." + e.getKey(), e.getKey());
            b.addQueryParameter(e.getKey(), e.getValue());
        }
        return b.build();
    }

    private static String operationName(GatewayApi api, String resource) {
        return (api == null ? "?" : api.path()) + "/" + resource;
    }

    private static void requireType(Class<?> type) {
        if (type == null) {
            throw new InvalidInputException("responseType", "must not be null");
        }
    }

    /** Builds a {@link DataSharingGatewayClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private URI endpoint;
        private GatewayAuth auth;
        private GatewayApi businessApi = GatewayApi.BUSINESS_REGISTRY;
        private GatewayApi codeListApi = GatewayApi.SHARED_CODE_LISTS;

        private Builder() {
        }

        /**
         * Sets the gateway's base URL, under which API contexts are published, for example
         * {@code https://api.ngsp.gov.vn}.
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
            PathRules.invisible("endpoint", endpoint.toString());
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets the credentials: usually {@link GatewayAuth#clientCredentials} (WSO2 flavour).
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
         * Sets the VNPT flavour: the {@code lgspaccesstoken} header on the token request and on every
         * call, with the Bearer token from client credentials.
         *
         * @param clientCredentials the token endpoint and client
         * @param accessToken the {@code lgspaccesstoken} values
         * @return this builder
         */
        public Builder credentials(ClientCredentials clientCredentials, LgspAccessToken accessToken) {
            if (clientCredentials == null) {
                throw new InvalidInputException("clientCredentials", "must not be null");
            }
            if (accessToken == null) {
                throw new InvalidInputException("accessToken", "must not be null");
            }
            this.auth = GatewayAuth.combine(accessToken, clientCredentials);
            return this;
        }

        /**
         * Sets where the business registry is published on this gateway; default
         * {@link GatewayApi#BUSINESS_REGISTRY}.
         *
         * @param api the API
         * @return this builder
         */
        public Builder businessRegistryApi(GatewayApi api) {
            if (api == null) {
                throw new InvalidInputException("businessRegistryApi", "must not be null");
            }
            this.businessApi = api;
            return this;
        }

        /**
         * Sets where the shared code lists are published on this gateway; default
         * {@link GatewayApi#SHARED_CODE_LISTS}.
         *
         * @param api the API
         * @return this builder
         */
        public Builder codeListApi(GatewayApi api) {
            if (api == null) {
                throw new InvalidInputException("codeListApi", "must not be null");
            }
            this.codeListApi = api;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming what is missing
         */
        public DataSharingGatewayClient build() {
            if (endpoint == null) {
                throw new InvalidInputException("endpoint", "must be set");
            }
            if (auth == null) {
                throw new InvalidInputException("credentials",
                        "must be set: GatewayAuth.clientCredentials(...) (WSO2) or ClientCredentials + LgspAccessToken "
                                + "(VNPT), or GatewayAuth.none() for an open gateway");
            }
            return new DataSharingGatewayClient(this, clientOptions());
        }
    }
}
