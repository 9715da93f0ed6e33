package vn.govsdk.dataexchange.gateway;

import vn.govsdk.core.InvalidInputException;
import vn.govsdk.dataexchange.internal.gateway.PathRules;

/**
 * The X-Road identifier of the calling subsystem, sent as
 * {@code X-Road-Client: {instance}/{memberClass}/{memberCode}/{subsystemCode}}.
 *
 * @param instance the X-Road instance, for example {@code VN}
 * @param memberClass the member class, for example {@code GOV}
 * @param memberCode the member code, for example {@code 000.00.00.H29}
 * @param subsystemCode the subsystem code
 */
public record XRoadClientId(String instance, String memberClass, String memberCode, String subsystemCode) {

    /**
     * Validates the parts: each one path segment, no control or invisible characters.
     *
     * @throws InvalidInputException if a part breaks the rule
     */
    public XRoadClientId {
        instance = PathRules.segment("instance", instance);
        memberClass = PathRules.segment("memberClass", memberClass);
        memberCode = PathRules.segment("memberCode", memberCode);
        subsystemCode = PathRules.segment("subsystemCode", subsystemCode);
    }

    /**
     * Parses {@code instance/memberClass/memberCode/subsystemCode}.
     *
     * @param value the identifier
     * @return the client id
     * @throws InvalidInputException if it does not have four valid parts
     */
    public static XRoadClientId parse(String value) {
        if (value == null) {
            throw new InvalidInputException("clientId", "must not be null");
        }
        String[] p = value.split("/", -1);
        if (p.length != 4) {
            throw new InvalidInputException("clientId", "must be instance/memberClass/memberCode/subsystemCode");
        }
        return new XRoadClientId(p[0], p[1], p[2], p[3]);
    }

    /**
     * Returns the header value.
     *
     * @return {@code instance/memberClass/memberCode/subsystemCode}
     */
    public String headerValue() {
        return instance + "/" + memberClass + "/" + memberCode + "/" + subsystemCode;
    }
}
