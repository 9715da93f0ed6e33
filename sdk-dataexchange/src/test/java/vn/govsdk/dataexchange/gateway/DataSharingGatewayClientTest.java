package vn.govsdk.dataexchange.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.Fault;
import vn.govsdk.testkit.FaultRule;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.gateway.DataSharingGatewayService;
import vn.govsdk.testkit.gateway.SyntheticCompanies;

class DataSharingGatewayClientTest {

    static MockGovPlatform platform;
    static DataSharingGatewayService gateway;

    /** The caller's own response type: unknown members of the answer are ignored. */
    record Echo(String method, Map<String, String> query, Map<String, Object> body) {
    }

    /** The caller's own request type. */
    record Ping(String message, int count) {
    }

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().seed(11).service(p -> new DataSharingGatewayService(p)).build();
        gateway = (DataSharingGatewayService) platform.service(DataSharingGatewayService.PREFIX).orElseThrow();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void clean() {
        platform.reset();
    }

    static URI tokenUri() {
        return platform.baseUrl(DataSharingGatewayService.TOKEN_PATH);
    }

    static ClientCredentials wso2() {
        return GatewayAuth.clientCredentials(tokenUri(), DataSharingGatewayService.CLIENT_ID,
                Secret.of(DataSharingGatewayService.CLIENT_SECRET));
    }

    static LgspAccessToken vnpt(String secretKey) {
        return LgspAccessToken.builder().accessKey(DataSharingGatewayService.ACCESS_KEY).secretKey(Secret.of(secretKey))
                .appName(DataSharingGatewayService.APP_NAME).partnerCode(DataSharingGatewayService.PARTNER_CODE)
                .partnerCodeCus(DataSharingGatewayService.PARTNER_CODE).build();
    }

    static DataSharingGatewayClient.Builder client() {
        return DataSharingGatewayClient.builder().endpoint(platform.baseUrl("/lgsp"))
                .retryPolicy(RetryPolicy.none());
    }

    @Test
    void wso2ClientCredentialsCallAnyApiWithQueryAndTypedResponse() {
        try (DataSharingGatewayClient c = client().credentials(wso2()).build()) {
            Echo echo = c.get(GatewayApi.of("demo", "1.0"), "echo", Map.of("q", "Bến Thành"), Echo.class);
            assertThat(echo.method()).isEqualTo("GET");
            assertThat(echo.query()).containsEntry("q", "Bến Thành");
            Echo posted = c.post(GatewayApi.of("demo", "1.0"), "/echo", new Ping("xin chào", 3), Echo.class);
            assertThat(posted.method()).isEqualTo("POST");
            assertThat(posted.body()).containsEntry("message", "xin chào").containsEntry("count", 3);
        }
        assertThat(platform.journal().requestsTo(DataSharingGatewayService.TOKEN_PATH)).hasSize(1);
        assertThat(platform.journal().requestsTo("/lgsp/demo")).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.header("Authorization")).get().asString().startsWith("Bearer ");
                    assertThat(e.header("lgspaccesstoken")).isEmpty();
                });
    }

    @Test
    void vnptFlavourSendsLgspAccessTokenOnTheTokenRequestAndEveryCall() {
        try (DataSharingGatewayClient c = client().credentials(wso2(), vnpt(DataSharingGatewayService.SECRET_KEY)).build()) {
            assertThat(c.get(GatewayApi.of("demo", "1.0"), "echo", Map.of(), Echo.class).method()).isEqualTo("GET");
        }
        assertThat(platform.journal().requestsTo("/lgsp")).hasSize(2)
                .allSatisfy(e -> assertThat(e.header("lgspaccesstoken")).isPresent());
    }

    @Test
    void aWrongLgspAccessTokenIsRefusedAtTheTokenEndpoint() {
        try (DataSharingGatewayClient c = client().credentials(wso2(), vnpt("wrong-secret")).build()) {
            assertThatThrownBy(() -> c.get(GatewayApi.of("demo", "1.0"), "echo", Map.of(), Echo.class))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThat(platform.journal().requestsTo("/lgsp/demo")).isEmpty();
    }

    @Test
    void aCallWithoutAValidTokenIsRefusedWithTheWso2Fault() {
        try (DataSharingGatewayClient c = client().credentials(GatewayAuth.none()).build()) {
            assertThatThrownBy(() -> c.get(GatewayApi.of("demo", "1.0"), "echo", Map.of(), Echo.class))
                    .isInstanceOfSatisfying(GovServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.errorCode()).contains("900902");
                        assertThat(e.serviceMessage()).get().asString().contains("Missing Credentials");
                    });
        }
    }

    @Test
    void businessRegistryDetailByTaxCode() {
        SyntheticCompanies.Company company = gateway.companies().company(123);
        try (DataSharingGatewayClient c = client().credentials(wso2()).build()) {
            BusinessDetail detail = c.getBusiness(company.taxCode());
            assertThat(detail.taxCode().value()).isEqualTo(company.taxCode());
            assertThat(detail.name()).isEqualTo(company.name());
            assertThat(detail.representativeNames()).containsExactly(company.representative().fullName());
            assertThat(detail.address()).isEqualTo(company.address());
            assertThat(detail.status()).isEqualTo(company.status());
            assertThat(detail.registrationDate()).isEqualTo(company.foundingDate());
            assertThat(detail.toString()).doesNotContain(company.representative().fullName())
                    .doesNotContain(company.taxCode());
        }
        assertThat(platform.journal().lastTo("/lgsp/apiCSDLDKDN/1.0/chiTietDoanhNghiep")).get()
                .satisfies(e -> assertThat(e.request().queryParameter("maSoDoanhNghiep")).contains(company.taxCode()));
    }

    @Test
    void anUnknownBusinessIsNotFound() {
        // A valid tax code (the Viettel test vector) that no synthetic company has.
        try (DataSharingGatewayClient c = client().credentials(wso2()).build()) {
            assertThatThrownBy(() -> c.getBusiness("0100109106")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aMalformedTaxCodeIsRefusedBeforeAnyRequest() {
        try (DataSharingGatewayClient c = client().credentials(wso2()).build()) {
            assertThatThrownBy(() -> c.getBusiness("0100109107"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isNotBlank());
            assertThatThrownBy(() -> c.getBusiness("01001-09106")).isInstanceOf(InvalidInputException.class);
        }
        assertThat(platform.journal().count()).isZero();
    }

    @Test
    void aZeroWidthCharacterInAPathIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> GatewayApi.of("apiCSDLDKDN\u200B", "1.0"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("context");
                    assertThat(e.getMessage()).contains("U+200B");
                });
        try (DataSharingGatewayClient c = client().credentials(wso2()).build()) {
            assertThatThrownBy(() -> c.get(GatewayApi.of("demo", "1.0"), "\uFEFFecho", Map.of(), Echo.class))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("resource"));
            assertThatThrownBy(() -> c.get(GatewayApi.of("demo", "1.0"), "../token", Map.of(), Echo.class))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(platform.journal().count()).isZero();
    }

    @Test
    void sharedCodeListsAreTyped() {
        try (DataSharingGatewayClient c = client().credentials(wso2()).build()) {
            List<CodeList> lists = c.listCodeLists();
            assertThat(lists).extracting(CodeList::code).contains("DM_DANTOC", "DM_GIOITINH");
            CodeList ethnic = lists.stream().filter(l -> l.code().equals("DM_DANTOC")).findFirst().orElseThrow();
            assertThat(ethnic.name()).isEqualTo("Dân tộc");
            assertThat(ethnic.find("01")).contains(new CodeEntry("01", "Kinh"));
            assertThat(ethnic.find("99")).isEmpty();
        }
    }

    @Test
    void soapBodyIsPostedAndTheAnswerParsed() {
        try (DataSharingGatewayClient c = client().credentials(wso2()).build()) {
            XmlDocument answer = c.postXml(GatewayApi.of("demo", "1.0"), "echo",
                    "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                            + "<Echo><ping>hello &amp; bye</ping></Echo></soap:Body></soap:Envelope>", "urn:echo");
            assertThat(answer.rootName()).isEqualTo("Envelope");
            assertThat(answer.firstText("pong")).contains("hello & bye");
            assertThat(answer.texts("method")).containsExactly("POST");
        }
        assertThat(platform.journal().lastTo("/lgsp/demo")).get()
                .satisfies(e -> assertThat(e.header("SOAPAction")).contains("\"urn:echo\""));
    }

    @Test
    void readsAreRetriedOnATransientFailureAndWritesAreNot() {
        platform.faults().add(FaultRule.builder().prefix("/lgsp").path("/lgsp/demo/**")
                .fault(Fault.status(503)).failFirst(1).build());
        List<java.time.Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DataSharingGatewayClient c = client().credentials(wso2())
                .retryPolicy(RetryPolicy.builder().maxRetries(2).build()).sleeper(slept::add).build()) {
            assertThat(c.get(GatewayApi.of("demo", "1.0"), "echo", Map.of(), Echo.class).method()).isEqualTo("GET");
            assertThat(slept).hasSize(1);
            platform.faults().add(FaultRule.builder().prefix("/lgsp").path("/lgsp/demo/**")
                    .fault(Fault.status(503)).failFirst(1).build());
            assertThatThrownBy(() -> c.post(GatewayApi.of("demo", "1.0"), "echo", new Ping("once", 1), Echo.class))
                    .isInstanceOfSatisfying(GovServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        }
        assertThat(platform.journal().requests(e -> e.path().startsWith("/lgsp/demo") && e.method().equals("POST")))
                .hasSize(1);
    }

    @Test
    void aVnptOnlyGatewayRefusesTheWso2FlavourAndAcceptsTheVnptOne() {
        try (MockGovPlatform vnptOnly = MockGovPlatform.builder().seed(11)
                .service(p -> new DataSharingGatewayService(p, DataSharingGatewayService.Flavour.VNPT)).build()) {
            java.util.function.Function<DataSharingGatewayClient.Builder, DataSharingGatewayClient.Builder> base =
                    b -> b.endpoint(vnptOnly.baseUrl("/lgsp")).retryPolicy(RetryPolicy.none());
            ClientCredentials cc = GatewayAuth.clientCredentials(vnptOnly.baseUrl(DataSharingGatewayService.TOKEN_PATH),
                    DataSharingGatewayService.CLIENT_ID, Secret.of(DataSharingGatewayService.CLIENT_SECRET));
            try (DataSharingGatewayClient wso2Only = base.apply(DataSharingGatewayClient.builder()).credentials(cc).build()) {
                assertThatThrownBy(wso2Only::listCodeLists).isInstanceOf(AuthenticationFailedException.class);
            }
            try (DataSharingGatewayClient both = base.apply(DataSharingGatewayClient.builder())
                    .credentials(cc, vnpt(DataSharingGatewayService.SECRET_KEY)).build()) {
                assertThat(both.listCodeLists()).isNotEmpty();
            }
        }
    }

    @Test
    void buildNamesWhatIsMissing() {
        assertThatThrownBy(() -> DataSharingGatewayClient.builder().credentials(wso2()).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endpoint"));
        assertThatThrownBy(() -> DataSharingGatewayClient.builder().endpoint(URI.create("https://api.ngsp.gov.vn")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("credentials"));
    }

    @Test
    void datesInTheFormatsSeenAreRead() {
        assertThat(vn.govsdk.dataexchange.internal.gateway.RegistryMapper.date("05/09/2019")).isEqualTo(LocalDate.of(2019, 9, 5));
        assertThat(vn.govsdk.dataexchange.internal.gateway.RegistryMapper.date("2019-09-05T00:00:00+07:00"))
                .isEqualTo(LocalDate.of(2019, 9, 5));
        assertThat(vn.govsdk.dataexchange.internal.gateway.RegistryMapper.date("not a date")).isNull();
    }
}
