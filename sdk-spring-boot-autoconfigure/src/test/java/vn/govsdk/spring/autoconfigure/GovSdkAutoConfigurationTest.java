package vn.govsdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.dataexchange.outbox.SyncOutbox;
import vn.govsdk.dataexchange.portal.PortalClient;
import vn.govsdk.identity.login.AuthorizationRequest;
import vn.govsdk.identity.login.CitizenLoginClient;
import vn.govsdk.identity.population.CitizenRecord;
import vn.govsdk.identity.population.PopulationRegistryClient;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.junit.MockGovPlatformExtension;
import vn.govsdk.testkit.oidc.OpenIdProviderMock;
import vn.govsdk.testkit.population.PopulationDbService;
import vn.govsdk.testkit.portal.PortalService;

/** Each client bean exists only when its properties do, gives way to the application's own, and fails clearly. */
class GovSdkAutoConfigurationTest {

    @RegisterExtension
    static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(
            b -> b.seed(7).service(PopulationDbService::new).service(PortalService::new)
                    .service(OpenIdProviderMock::dvcqgSso));

    private final ApplicationContextRunner runner = GovSdkContextRunners.registered();

    private static MockGovPlatform platform() {
        return MOCK.platform();
    }

    static String[] populationDirect() {
        return new String[] {
            "govsdk.population.endpoint=" + platform().baseUrl(PopulationDbService.DIRECT_PATH),
            "govsdk.population.direct.username=" + PopulationDbService.DIRECT_USERNAME,
            "govsdk.population.direct.secret-key.value=" + PopulationDbService.DIRECT_SECRET_KEY,
            "govsdk.population.direct.xroad-client=" + PopulationDbService.X_ROAD_CLIENT,
            "govsdk.population.service-code=VPCP",
            "govsdk.population.integration-code=037",
            "govsdk.population.officer-account=canbo.kiemthu"};
    }

    private static String[] portal() {
        return portal(platform());
    }

    /** The portal properties that log in at the given mock platform. */
    static String[] portal(MockGovPlatform platform) {
        return new String[] {
            "govsdk.portal.endpoint=" + platform.baseUrl(PortalService.PREFIX),
            "govsdk.portal.username=" + PortalService.USERNAME,
            "govsdk.portal.password.value=" + PortalService.PASSWORD,
            "govsdk.portal.dstcode=" + PortalService.DSTCODE,
            "govsdk.portal.unit-code=000.00.00.H99"};
    }

    private static Throwable rootCause(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable t = context.getStartupFailure();
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void nothingConfiguredMeansNoGovSdkBean() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(HttpTransport.class).doesNotHaveBean(PopulationRegistryClient.class)
                    .doesNotHaveBean(PortalClient.class).doesNotHaveBean(SignatureVerifier.class)
                    .doesNotHaveBean(SyncOutbox.class).doesNotHaveBean(CitizenLoginClient.class);
        });
    }

    @Test
    void loginClientOnlyWhenItsPropertiesAreAndItBeginsALoginAtTheMock() {
        java.net.URI callback = java.net.URI.create("http://127.0.0.1:8081/login/callback");
        runner.withPropertyValues("govsdk.login.wso2-server=" + platform().baseUrl("/sso"),
                "govsdk.login.client-id=" + OpenIdProviderMock.DEFAULT_CLIENT_ID,
                "govsdk.login.client-secret.value=" + OpenIdProviderMock.DEFAULT_CLIENT_SECRET,
                "govsdk.login.state-key.value=a-synthetic-state-key-for-tests-0123456789",
                "govsdk.login.acr-values=LoA2").run(context -> {
                    assertThat(context).hasSingleBean(CitizenLoginClient.class)
                            .doesNotHaveBean(PopulationRegistryClient.class).doesNotHaveBean(PortalClient.class);
                    CitizenLoginClient client = context.getBean(CitizenLoginClient.class);
                    assertThat(client.clientId()).isEqualTo(OpenIdProviderMock.DEFAULT_CLIENT_ID);
                    AuthorizationRequest start = client.begin(callback);
                    assertThat(start.authorizationUrl().toString()).startsWith(platform().baseUrl("/sso").toString())
                            .contains("code_challenge_method=S256").contains("acr_values=LoA2");
                });
        runner.withPropertyValues("govsdk.login.wso2-server=" + platform().baseUrl("/sso"),
                "govsdk.login.client-id=" + OpenIdProviderMock.DEFAULT_CLIENT_ID).run(context ->
                        assertThat(rootCause(context)).hasMessageContaining("govsdk.login.client-secret"));
        runner.withPropertyValues("govsdk.login.client-id=" + OpenIdProviderMock.DEFAULT_CLIENT_ID).run(context ->
                assertThat(rootCause(context)).hasMessageContaining("govsdk.login.issuer"));
        runner.withPropertyValues("govsdk.login.wso2-server=" + platform().baseUrl("/sso"),
                "govsdk.login.client-id=" + OpenIdProviderMock.DEFAULT_CLIENT_ID,
                "govsdk.login.client-secret.value=" + OpenIdProviderMock.DEFAULT_CLIENT_SECRET,
                "govsdk.login.state-key.value=short").run(context ->
                        assertThat(rootCause(context)).hasMessageContaining("govsdk.login.state-key"));
    }

    @Test
    void populationClientOnlyWhenItsPropertiesAreAndItLooksUpTheMock() {
        SyntheticCitizen citizen = platform().data().citizen(3);
        runner.withPropertyValues(populationDirect()).run(context -> {
            assertThat(context).hasSingleBean(PopulationRegistryClient.class).hasSingleBean(HttpTransport.class)
                    .doesNotHaveBean(PortalClient.class).doesNotHaveBean(SignatureVerifier.class)
                    .doesNotHaveBean(SyncOutbox.class);
            CitizenRecord record = context.getBean(PopulationRegistryClient.class)
                    .lookupCitizen(CitizenId.of(citizen.citizenId()));
            assertThat(record.citizenId()).isEqualTo(CitizenId.of(citizen.citizenId()));
            assertThat(record.fullName()).isEqualToIgnoringCase(citizen.fullName());
        });
    }

    @Test
    void populationClientTakesTheLgspRouteFromLgspCredentials() {
        SyntheticCitizen citizen = platform().data().citizen(4);
        runner.withPropertyValues(
                "govsdk.population.endpoint=" + platform().baseUrl(PopulationDbService.LGSP_PATH),
                "govsdk.population.lgsp.token-uri=" + platform().baseUrl(PopulationDbService.LGSP_TOKEN_PATH),
                "govsdk.population.lgsp.client-id=" + PopulationDbService.LGSP_CLIENT_ID,
                "govsdk.population.lgsp.client-secret.value=" + PopulationDbService.LGSP_CLIENT_SECRET,
                "govsdk.population.lgsp.access-key=" + PopulationDbService.LGSP_ACCESS_KEY,
                "govsdk.population.lgsp.secret-key.value=" + PopulationDbService.LGSP_SECRET_KEY,
                "govsdk.population.lgsp.app-name=" + PopulationDbService.LGSP_APP_NAME,
                "govsdk.population.lgsp.partner-code=" + PopulationDbService.LGSP_PARTNER_CODE,
                "govsdk.population.service-code=VPCP", "govsdk.population.integration-code=037",
                "govsdk.population.officer-account=canbo.kiemthu").run(context -> {
                    PopulationRegistryClient client = context.getBean(PopulationRegistryClient.class);
                    assertThat(client.toString()).contains("route=lgsp");
                    assertThat(client.lookupCitizen(CitizenId.of(citizen.citizenId())).fullName())
                            .isEqualToIgnoringCase(citizen.fullName());
                });
    }

    @Test
    void portalClientOnlyWhenItsPropertiesAreAndItReadsTheMockCatalogue() {
        runner.withPropertyValues(portal()).run(context -> {
            assertThat(context).hasSingleBean(PortalClient.class).doesNotHaveBean(PopulationRegistryClient.class)
                    .doesNotHaveBean(SignatureVerifier.class).doesNotHaveBean(SyncOutbox.class);
            assertThat(context.getBean(PortalClient.class).listProcedures().stream().findFirst()).isPresent();
        });
    }

    @Test
    void verifierOnlyWhenConfiguredWithRevocationAndFetchPolicyFromProperties() {
        runner.withPropertyValues("govsdk.signing.verifier.revocation=off", "govsdk.signing.verifier.max-fetches=3",
                "govsdk.signing.verifier.fetch-time-budget=5s").run(context -> {
                    assertThat(context).hasSingleBean(SignatureVerifier.class)
                            .doesNotHaveBean(PopulationRegistryClient.class).doesNotHaveBean(PortalClient.class);
                    SignatureVerifier verifier = context.getBean(SignatureVerifier.class);
                    assertThat(verifier.revocationChecking()).isEqualTo(RevocationChecking.OFF);
                    assertThat(verifier.fetchPolicy().maxFetches()).isEqualTo(3);
                    assertThat(verifier.fetchPolicy().timeBudget()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(verifier.trustAnchors().timeBoundAnchors()).isEmpty();
                });
    }

    @Test
    void verifierTrustsTheHistoricPkiAndExtraPemFilesOnlyWhenAsked(@TempDir Path dir) throws Exception {
        HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("Test Department Root")
                .build();
        Path pem = dir.resolve("department-root.pem");
        Files.writeString(pem, root.certificatePem(), StandardCharsets.US_ASCII);
        X509Certificate extra = root.certificate();
        runner.withPropertyValues("govsdk.signing.verifier.enabled=true").run(context -> {
            SignatureVerifier verifier = context.getBean(SignatureVerifier.class);
            assertThat(verifier.revocationChecking()).isEqualTo(RevocationChecking.ONLINE);
            assertThat(verifier.trustAnchors().anchors()).doesNotContain(extra);
        });
        runner.withPropertyValues("govsdk.signing.verifier.historic-trust=true",
                "govsdk.signing.verifier.trust-pem[0]=" + pem).run(context -> {
                    SignatureVerifier verifier = context.getBean(SignatureVerifier.class);
                    assertThat(verifier.trustAnchors().timeBoundAnchors()).isNotEmpty();
                    assertThat(verifier.trustAnchors().anchors()).contains(extra);
                });
    }

    @Test
    void aTrustFileWithoutCertificateFailsNamingItsProperty(@TempDir Path dir) throws Exception {
        Path notPem = dir.resolve("empty.pem");
        Files.writeString(notPem, "no certificate here\n");
        runner.withPropertyValues("govsdk.signing.verifier.trust-pem[0]=" + notPem).run(context ->
                assertThat(rootCause(context)).isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("govsdk.signing.verifier.trust-pem[0]"));
    }

    @Test
    void usersOwnBeansWin() {
        try (HttpTransport mine = HttpTransport.create()) {
            PortalClient myPortal = PortalClient.builder().endpoint(platform().baseUrl(PortalService.PREFIX))
                    .credentials("someone-else", vn.govsdk.core.auth.Secret.of("x"), "OTHER").unitCode("000.00.00.H01")
                    .httpClient(mine).build();
            SignatureVerifier myVerifier = SignatureVerifier.builder().revocationChecking(RevocationChecking.OFFLINE)
                    .build();
            runner.withPropertyValues(portal()).withPropertyValues("govsdk.signing.verifier.revocation=off")
                    .withBean(HttpTransport.class, () -> mine)
                    .withBean(PortalClient.class, () -> myPortal)
                    .withBean(SignatureVerifier.class, () -> myVerifier)
                    .run(context -> {
                        assertThat(context).hasSingleBean(HttpTransport.class).hasSingleBean(PortalClient.class)
                                .hasSingleBean(SignatureVerifier.class);
                        assertThat(context.getBean(HttpTransport.class)).isSameAs(mine);
                        assertThat(context.getBean(PortalClient.class)).isSameAs(myPortal);
                        assertThat(context.getBean(SignatureVerifier.class).revocationChecking())
                                .isEqualTo(RevocationChecking.OFFLINE);
                    });
        }
    }

    @Test
    void aSystemConfiguredInPartFailsNamingTheMissingProperty() {
        runner.withPropertyValues("govsdk.population.direct.username=" + PopulationDbService.DIRECT_USERNAME)
                .run(context -> assertThat(rootCause(context))
                        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("govsdk.population.endpoint"));
        String[] withoutOfficer = java.util.Arrays.stream(populationDirect())
                .filter(p -> !p.startsWith("govsdk.population.officer-account")).toArray(String[]::new);
        runner.withPropertyValues(withoutOfficer).run(context -> assertThat(rootCause(context))
                .hasMessageContaining("govsdk.population.officer-account"));
        runner.withPropertyValues("govsdk.portal.endpoint=" + platform().baseUrl(PortalService.PREFIX))
                .run(context -> assertThat(rootCause(context)).hasMessageContaining("govsdk.portal.username"));
        assertThat(platform().journal().count()).as("refused before any call").isZero();
    }

    @Test
    void aValueTheSdkRefusesFailsNamingItsProperty() {
        String[] props = java.util.Arrays.copyOf(portal(), portal().length + 1);
        props[props.length - 1] = "govsdk.portal.timeouts.read=0s";
        runner.withPropertyValues(props).run(context -> assertThat(rootCause(context))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("govsdk.portal.timeouts.read"));
        runner.withPropertyValues(portal()).withPropertyValues("govsdk.portal.page-size=0").run(context ->
                assertThat(rootCause(context)).hasMessageContaining("govsdk.portal.page-size")
                        .hasMessageContaining("between 1 and 1000"));
        runner.withPropertyValues(portal()).withPropertyValues("govsdk.portal.integration-path=no-slash").run(context ->
                assertThat(rootCause(context)).hasMessageContaining("govsdk.portal.integration-path"));
        runner.withPropertyValues("govsdk.population.endpoint=ftp://127.0.0.1/c06").run(context ->
                assertThat(rootCause(context)).hasMessageContaining("govsdk.population.endpoint"));
        assertThat(platform().journal().count()).as("refused before any call").isZero();
    }

    @Test
    void secretsComeFromExactlyOneOfValueFileOrEnvironment(@TempDir Path dir) throws Exception {
        Path passwordFile = dir.resolve("portal-password");
        Files.writeString(passwordFile, PortalService.PASSWORD + "\n");
        String[] fromFile = java.util.Arrays.stream(portal())
                .map(p -> p.startsWith("govsdk.portal.password.value=") ? "govsdk.portal.password.file=" + passwordFile : p)
                .toArray(String[]::new);
        // The file's secret, trailing line break removed, logs in at the mock.
        runner.withPropertyValues(fromFile).run(context ->
                assertThat(context.getBean(PortalClient.class).listProcedures().stream().findFirst()).isPresent());

        runner.withPropertyValues(portal()).withPropertyValues("govsdk.portal.password.file=" + passwordFile)
                .run(context -> assertThat(rootCause(context)).hasMessageContaining("govsdk.portal.password")
                        .hasMessageContaining("exactly one"));

        String[] fromUnsetVariable = java.util.Arrays.stream(portal())
                .map(p -> p.startsWith("govsdk.portal.password.value=")
                        ? "govsdk.portal.password.env=GOVSDK_TEST_VARIABLE_THAT_IS_NOT_SET" : p)
                .toArray(String[]::new);
        runner.withPropertyValues(fromUnsetVariable).run(context -> assertThat(rootCause(context))
                .hasMessageContaining("govsdk.portal.password.env").hasMessageContaining("is not set"));

        String[] without = java.util.Arrays.stream(portal())
                .filter(p -> !p.startsWith("govsdk.portal.password.")).toArray(String[]::new);
        runner.withPropertyValues(without).run(context -> assertThat(rootCause(context))
                .hasMessageContaining("govsdk.portal.password"));
    }

    @Test
    void aSystemWhoseModuleIsAbsentIsLeftOut() {
        // The client modules are optional dependencies of the auto-configuration: without sdk-signing or
        // sdk-identity on the class path their properties make nothing and break nothing.
        runner.withClassLoader(new FilteredClassLoader(SignatureVerifier.class, PopulationRegistryClient.class))
                .withPropertyValues("govsdk.signing.verifier.enabled=true")
                .withPropertyValues(populationDirect()).withPropertyValues(portal())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("govsdkSignatureVerifier")
                            .doesNotHaveBean("govsdkPopulationRegistryClient").hasSingleBean(PortalClient.class);
                });
    }

    @Test
    void enabledFalseLeavesAConfiguredSystemOut() {
        runner.withPropertyValues(populationDirect()).withPropertyValues("govsdk.population.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(PopulationRegistryClient.class)
                            .doesNotHaveBean(HttpTransport.class);
                });
    }

    @Test
    void theSharedTransportIsClosedWithTheContext() {
        AtomicReference<HttpTransport> transport = new AtomicReference<>();
        runner.withPropertyValues(portal()).withPropertyValues(populationDirect()).run(context -> {
            transport.set(context.getBean(HttpTransport.class));
            assertThat(transport.get().isOwned()).isTrue();
            assertThat(transport.get().isClosed()).isFalse();
        });
        assertThat(transport.get().isClosed()).isTrue();
    }
}
