package vn.govsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;

class GatewayAuthTest {

    private static final String CLIENT_SECRET = "cs-Secret-111";
    private static final String LGSP_ACCESS = "ak-Access-222";
    private static final String LGSP_SECRET = "sk-Secret-333";
    private static final String C06_SECRET = "c06-Secret-444";
    private static final String API_KEY = "api-Key-555";
    private static final String PASSWORD = "portal-Password-666";

    static ClientCredentials clientCredentials() {
        return GatewayAuth.clientCredentials(URI.create("https://api.ngsp.example/token"), "consumer-key",
                Secret.of(CLIENT_SECRET));
    }

    static LgspAccessToken lgsp() {
        return LgspAccessToken.builder().accessKey(LGSP_ACCESS).secretKey(Secret.of(LGSP_SECRET)).appName("MotCua")
                .partnerCode("000.00.00.H29").build();
    }

    static PopulationDbBasic populationDb() {
        return PopulationDbBasic.builder().username("079203012345").secretKey(Secret.of(C06_SECRET))
                .apiKey(Secret.of(API_KEY)).xRoadClient("VN/GOV/1/DVC").build();
    }

    static PortalSession portal() {
        return PortalSession.builder().authUri(URI.create("https://adapter.example/auth")).username("079203012345")
                .password(Secret.of(PASSWORD)).dstcode("000.00.00.H29").build();
    }

    @Test
    void noToStringShowsASecret() {
        List<GatewayAuth> all = List.of(clientCredentials(), lgsp(), populationDb(), portal(),
                GatewayAuth.combine(lgsp(), clientCredentials()), GatewayAuth.combine(populationDb(), portal()));
        for (GatewayAuth auth : all) {
            assertThat(auth.toString()).doesNotContain(CLIENT_SECRET, LGSP_ACCESS, LGSP_SECRET, C06_SECRET, API_KEY,
                    PASSWORD, "079203012345").contains("***");
        }
        assertThat(clientCredentials().toString()).contains("consumer-key", "api.ngsp.example");
        assertThat(GatewayAuth.none()).hasToString("GatewayAuth.none()");
    }

    @Test
    void clientCredentialsDefaults() {
        ClientCredentials cc = clientCredentials();
        assertThat(cc.expiryMargin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(cc.clientAuthentication()).isEqualTo(ClientCredentials.ClientAuthentication.FORM_FIELDS);
        assertThat(cc.scope()).isEmpty();
        assertThat(cc).isEqualTo(clientCredentials());
    }

    @Test
    void buildersNameTheFieldAtFault() {
        assertThatThrownBy(() -> ClientCredentials.builder().clientId("x").clientSecret(Secret.of("y")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tokenUri"));
        assertThatThrownBy(() -> GatewayAuth.clientCredentials(URI.create("ftp://h/token"), "x", Secret.of("y")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).contains("http or https"));
        assertThatThrownBy(() -> GatewayAuth.clientCredentials(URI.create("/token"), "x", Secret.of("y")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ClientCredentials.builder().tokenUri(URI.create("https://h/t")).clientId("x")
                .clientSecret(Secret.of("y")).expiryMargin(Duration.ofSeconds(-1)).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expiryMargin"));
        assertThatThrownBy(() -> LgspAccessToken.builder().accessKey("a").secretKey(Secret.of("b")).partnerCode("d").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("appName"));
        assertThatThrownBy(() -> PopulationDbBasic.builder().username("a:b").secretKey(Secret.of("s")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> PopulationDbBasic.builder().username("u").secretKey(Secret.of("s"))
                .xRoadClient("VN\r\nX-Injected: 1").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("xRoadClient"));
        assertThatThrownBy(() -> PopulationDbBasic.builder().username("u").secretKey(Secret.of("s"))
                .timestampHeader("Time stamp").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timestampHeader"));
        assertThatThrownBy(() -> PortalSession.builder().authUri(URI.create("https://a/auth")).username("u")
                .password(Secret.of("p")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dstcode"));
        assertThatThrownBy(() -> PortalSession.builder().expiredSessionCodes(Set.of(" ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("expiredSessionCodes"));
    }

    @Test
    void populationDbDefaults() {
        PopulationDbBasic basic = PopulationDbBasic.builder().username("u").secretKey(Secret.of("s")).build();
        assertThat(basic.timestampUnit()).isEqualTo(PopulationDbBasic.TimestampUnit.MILLISECONDS);
        assertThat(basic.authenticationUrl()).isEmpty();
        assertThat(List.of(basic.timestampHeader(), basic.xRoadClientHeader(), basic.apiKeyHeader()))
                .containsExactly("Timestamp", "X-Road-Client", "ApiKey");
    }

    @Test
    void combineFlattensAndRefusesCollisions() {
        GatewayAuth combined = GatewayAuth.combine(lgsp(), GatewayAuth.combine(clientCredentials(), GatewayAuth.none()));
        assertThat(((CombinedAuth) combined).parts()).containsExactly(lgsp(), clientCredentials());
        assertThat(GatewayAuth.combine()).isEqualTo(GatewayAuth.none());
        assertThat(((CombinedAuth) GatewayAuth.none()).parts()).isEmpty();

        assertThatThrownBy(() -> GatewayAuth.combine(clientCredentials(), populationDb()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Authorization");
        assertThatThrownBy(() -> GatewayAuth.combine(lgsp(), lgsp()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("same type");
        assertThatThrownBy(() -> GatewayAuth.combine(lgsp(), null)).isInstanceOf(InvalidInputException.class);
    }
}
