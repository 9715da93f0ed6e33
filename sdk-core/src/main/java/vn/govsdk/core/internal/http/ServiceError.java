package vn.govsdk.core.internal.http;

/**
 * A remote system's own error code and message, as found in an error answer's body.
 *
 * @param code the system's error code, or {@code null}
 * @param message the system's message, or {@code null}
 */
public record ServiceError(String code, String message) {

    /** Nothing found. */
    public static final ServiceError NONE = new ServiceError(null, null);
}
