package vn.govsdk.dataexchange.gateway;

import vn.govsdk.core.GovSdkException;

/**
 * The answer's {@code X-Road-Request-Hash} does not match the request as sent: the answer may belong
 * to another request or have been altered, so it is not returned.
 */
public final class XRoadRequestHashException extends GovSdkException {

    private static final long serialVersionUID = 1L;

    private final String xroadId;

    /**
     * Creates the exception.
     *
     * @param xroadId the call's {@code X-Road-Id}
     */
    public XRoadRequestHashException(String xroadId) {
        super("X-Road-Request-Hash of the answer does not match the request sent (X-Road-Id " + xroadId
                + "): the answer was refused");
        this.xroadId = xroadId;
    }

    /**
     * Returns the call's {@code X-Road-Id}.
     *
     * @return the id
     */
    public String xroadId() {
        return xroadId;
    }
}
