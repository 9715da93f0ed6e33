package vn.govsdk.identity.population;

/**
 * The provisional error codes of the population database (mã lỗi), as carried in a SOAP fault's
 * {@code detail/MaLoi} and reported by {@link vn.govsdk.core.GovServiceException#errorCode()}. The
 * real service publishes none; these are the govsdk contract (docs/contracts/population-database.md)
 * that the client and the testkit mock both implement, and may change when real codes are known.
 */
public final class PopulationErrorCodes {

    /** The request is not a well-formed SOAP 1.1 envelope for a known operation. */
    public static final String MALFORMED_REQUEST = "C06-001";
    /** The request's elements are not in the order the service requires. */
    public static final String ELEMENT_ORDER = "C06-002";
    /** A required element is missing or a value breaks its rule. */
    public static final String INVALID_FIELD = "C06-003";
    /** No citizen (or household, or request) with that identifier; a {@link vn.govsdk.core.NotFoundException}. */
    public static final String NOT_FOUND = "C06-004";
    /** The request id (MaYeuCau) was already used. */
    public static final String DUPLICATE_REQUEST_ID = "C06-005";
    /** Authentication refused: wrong user, signature or token (HTTP 401). */
    public static final String AUTHENTICATION_FAILED = "C06-401";
    /** The timestamp of the direct route's signature is outside the accepted window (HTTP 401). */
    public static final String STALE_TIMESTAMP = "C06-402";
    /** The asynchronous request failed on the service side. */
    public static final String REQUEST_FAILED = "C06-500";

    private PopulationErrorCodes() {
    }
}
