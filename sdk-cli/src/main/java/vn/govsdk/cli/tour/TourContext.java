package vn.govsdk.cli.tour;

import java.util.Objects;
import vn.govsdk.signing.verify.FetchPolicy;
import vn.govsdk.testkit.MockGovPlatform;

/**
 * What the steps of one tour share: the embedded mock platform (every emulated system on one
 * loopback port) and its seed.
 *
 * @param seed the seed of the synthetic data
 * @param platform the running mock platform; the tour closes it at the end
 */
public record TourContext(long seed, MockGovPlatform platform) {

    /**
     * The verifier's fetch policy in the tour: the mock platform's OCSP responder, CRLs and CA
     * certificates answer on loopback, which a verifier refuses by default.
     */
    public static final FetchPolicy MOCK_FETCH = FetchPolicy.builder().allowPrivateAddresses(true).build();

    /**
     * Validates the parts.
     *
     * @param seed the seed
     * @param platform the platform
     */
    public TourContext {
        Objects.requireNonNull(platform, "platform");
    }
}
