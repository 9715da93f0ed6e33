package vn.govsdk.dataexchange.gateway;

import vn.govsdk.dataexchange.internal.gateway.PathRules;

/**
 * An API published on a data-sharing gateway, named by its context and version as in WSO2 API
 * Manager: calls go to {@code <endpoint>/<context>/<version>/<resource>}, for example context
 * {@code apiCSDLDKDN}, version {@code 1.0}.
 *
 * @param context the API context (one or more path segments, without leading or trailing slash)
 * @param version the API version (one path segment)
 */
public record GatewayApi(String context, String version) {

    /** The national business registry (cơ sở dữ liệu đăng ký doanh nghiệp): {@code apiCSDLDKDN/1.0}. */
    public static final GatewayApi BUSINESS_REGISTRY = new GatewayApi("apiCSDLDKDN", "1.0");

    /** The shared national code lists (danh mục dùng chung): {@code dmdc/1.0}. */
    public static final GatewayApi SHARED_CODE_LISTS = new GatewayApi("dmdc", "1.0");

    /**
     * Validates the parts: path segments of letters, digits and {@code . _ ~ : @ -}; no control or
     * invisible characters (a zero-width space copied along with a constant is refused, naming it).
     *
     * @throws vn.govsdk.core.InvalidInputException if a part breaks the rule
     */
    public GatewayApi {
        context = PathRules.path("context", context);
        version = PathRules.segment("version", version);
    }

    /**
     * Names an API.
     *
     * @param context the API context, for example {@code apiCSDLDKDN}
     * @param version the version, for example {@code 1.0}
     * @return the API
     * @throws vn.govsdk.core.InvalidInputException if a part breaks the rule
     */
    public static GatewayApi of(String context, String version) {
        return new GatewayApi(context, version);
    }

    /**
     * Returns the path of this API: {@code context/version}.
     *
     * @return the path, without leading slash
     */
    public String path() {
        return context + "/" + version;
    }
}
