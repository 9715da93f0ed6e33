package vn.govsdk.dataexchange.gateway;

import java.util.Optional;
import vn.govsdk.dataexchange.internal.gateway.PathRules;

/**
 * The X-Road identifier of a service, called at
 * {@code /r1/{instance}/{memberClass}/{memberCode}/{subsystemCode}/{serviceCode}[/{version}]}.
 *
 * @param instance the provider's X-Road instance
 * @param memberClass the provider's member class
 * @param memberCode the provider's member code
 * @param subsystemCode the provider's subsystem code
 * @param serviceCode the service code
 * @param version the service version, or {@code null} for none
 */
public record XRoadServiceId(String instance, String memberClass, String memberCode, String subsystemCode,
        String serviceCode, String version) {

    /**
     * Validates the parts: each one path segment, no control or invisible characters.
     *
     * @throws vn.govsdk.core.InvalidInputException if a part breaks the rule
     */
    public XRoadServiceId {
        instance = PathRules.segment("instance", instance);
        memberClass = PathRules.segment("memberClass", memberClass);
        memberCode = PathRules.segment("memberCode", memberCode);
        subsystemCode = PathRules.segment("subsystemCode", subsystemCode);
        serviceCode = PathRules.segment("serviceCode", serviceCode);
        if (version != null) {
            version = PathRules.segment("version", version);
        }
    }

    /**
     * Names a service without a version.
     *
     * @param instance the provider's instance
     * @param memberClass the provider's member class
     * @param memberCode the provider's member code
     * @param subsystemCode the provider's subsystem code
     * @param serviceCode the service code
     * @return the service id
     */
    public static XRoadServiceId of(String instance, String memberClass, String memberCode, String subsystemCode,
            String serviceCode) {
        return new XRoadServiceId(instance, memberClass, memberCode, subsystemCode, serviceCode, null);
    }

    /**
     * Returns the same service with a version.
     *
     * @param serviceVersion the version, for example {@code v1}
     * @return a new service id
     */
    public XRoadServiceId withVersion(String serviceVersion) {
        return new XRoadServiceId(instance, memberClass, memberCode, subsystemCode, serviceCode, serviceVersion);
    }

    /**
     * Returns the version.
     *
     * @return the version, or empty
     */
    public Optional<String> serviceVersion() {
        return Optional.ofNullable(version);
    }

    /**
     * Returns the path under the security server: {@code r1/instance/class/member/subsystem/service[/version]}.
     *
     * @return the path, without leading slash
     */
    public String path() {
        return "r1/" + instance + "/" + memberClass + "/" + memberCode + "/" + subsystemCode + "/" + serviceCode
                + (version == null ? "" : "/" + version);
    }
}
