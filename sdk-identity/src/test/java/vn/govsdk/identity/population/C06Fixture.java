package vn.govsdk.identity.population;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.population.PopulationDbService;

/** Shared set-up: the mock platform with the population database, and clients for both routes. */
final class C06Fixture {

    static final CallOptions CALLER = CallOptions.builder().serviceCode("VPCP").integrationCode("037")
            .officerAccount("canbo.kiemthu").build();

    private C06Fixture() {
    }

    static MockGovPlatform platform() {
        return MockGovPlatform.builder().seed(7).service(p -> new PopulationDbService(p)).build();
    }

    static PopulationDbBasic directCredentials(String secret) {
        return PopulationDbBasic.builder().username(PopulationDbService.DIRECT_USERNAME).secretKey(Secret.of(secret))
                .xRoadClient(PopulationDbService.X_ROAD_CLIENT).build();
    }

    static PopulationRegistryClient.Builder direct(MockGovPlatform platform) {
        return PopulationRegistryClient.builder()
                .endpoint(platform.baseUrl(PopulationDbService.DIRECT_PATH))
                .credentials(directCredentials(PopulationDbService.DIRECT_SECRET_KEY))
                .callOptions(CALLER);
    }

    static PopulationRegistryClient.Builder lgsp(MockGovPlatform platform, String clientSecret) {
        return PopulationRegistryClient.builder()
                .endpoint(platform.baseUrl(PopulationDbService.LGSP_PATH))
                .credentials(ClientCredentials.builder().tokenUri(platform.baseUrl(PopulationDbService.LGSP_TOKEN_PATH))
                                .clientId(PopulationDbService.LGSP_CLIENT_ID).clientSecret(Secret.of(clientSecret)).build(),
                        LgspAccessToken.builder().accessKey(PopulationDbService.LGSP_ACCESS_KEY)
                                .secretKey(Secret.of(PopulationDbService.LGSP_SECRET_KEY))
                                .appName(PopulationDbService.LGSP_APP_NAME)
                                .partnerCode(PopulationDbService.LGSP_PARTNER_CODE).build())
                .callOptions(CALLER);
    }

    /** The local names of the request's {@code dan:} elements, in document order. */
    static List<String> danElements(String body) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<dan:([A-Za-z]+)[\\s/>]").matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The text of the first {@code dan:} element with that name. */
    static String danText(String body, String name) {
        Matcher m = Pattern.compile("<dan:" + name + ">([^<]*)</dan:" + name + ">").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** A valid citizen ID that the synthetic population does not hold. */
    static CitizenId unknownCitizenId(MockGovPlatform platform) {
        String base = platform.data().citizen(0).citizenId().substring(0, 6);
        for (int i = 999_999; i > 0; i--) {
            String candidate = base + String.format("%06d", i);
            if (CitizenId.isValid(candidate) && platform.data().findByCitizenId(candidate).isEmpty()) {
                return CitizenId.of(candidate);
            }
        }
        throw new IllegalStateException("no unknown citizen ID found");
    }

    static SyntheticCitizen citizen(MockGovPlatform platform, long index) {
        return platform.data().citizen(index);
    }

    static Clock systemClock() {
        return Clock.systemUTC();
    }
}
