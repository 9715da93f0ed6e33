package vn.govsdk.dataexchange.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.http.RetryPolicy;

/** Answers shaped differently from the mock's: the readers must tolerate them. */
class ToleranceTest {

    final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws java.io.IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    DataSharingGatewayClient gateway() {
        return DataSharingGatewayClient.builder().endpoint(server.url("/").uri()).credentials(GatewayAuth.none())
                .retryPolicy(RetryPolicy.none()).build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void registryAnswerWithoutDataWrapperAndRepresentativesAsArray() {
        server.enqueue(json(200, "{\"MainInformation\":{\"NAME\":\"CÔNG TY CP SAO MAI\",\"ENTERPRISE_STATUS\":\"Đang hoạt động\","
                + "\"FOUNDING_DATE\":\"05/09/2019\",\"NEW_MEMBER\":{\"x\":1}},"
                + "\"Representatives\":[{\"FULL_NAME\":\"Trần Văn A\"},{\"FULL_NAME\":\"Lê Thị B\"},{\"OTHER\":1}],"
                + "\"Unknown\":[1,2,3]}"));
        try (DataSharingGatewayClient c = gateway()) {
            BusinessDetail d = c.getBusiness("0300588569");
            assertThat(d.name()).isEqualTo("CÔNG TY CP SAO MAI");
            assertThat(d.representativeNames()).containsExactly("Trần Văn A", "Lê Thị B");
            assertThat(d.status()).isEqualTo("Đang hoạt động");
            assertThat(d.registrationDate()).isEqualTo(java.time.LocalDate.of(2019, 9, 5));
            assertThat(d.address()).isNull();
            assertThat(d.toString()).doesNotContain("Trần Văn A").doesNotContain("0300588569");
        }
    }

    @Test
    void codeListsWithLowercaseMembersAndUnknownCodesAreKept() {
        server.enqueue(json(200, "[{\"code\":\"DM_MOI\",\"name\":\"Danh mục mới\",\"items\":[{\"code\":\"X9\",\"name\":\"Mới\","
                + "\"extra\":true},{\"name\":\"no code\"}]},{\"nothing\":1}]"));
        try (DataSharingGatewayClient c = gateway()) {
            assertThat(c.listCodeLists()).containsExactly(
                    new CodeList("DM_MOI", "Danh mục mới", java.util.List.of(new CodeEntry("X9", "Mới"))));
        }
    }

    @Test
    void soapFaultInAnErrorStatusCarriesTheFaultCode() {
        server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "text/xml")
                .body("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
                        + "<faultcode>s:Client</faultcode><faultstring>bad request</faultstring></s:Fault></s:Body></s:Envelope>")
                .build());
        try (DataSharingGatewayClient c = gateway()) {
            assertThatThrownBy(() -> c.postXml(GatewayApi.of("svc", "1.0"), "op", "<a/>", null))
                    .isInstanceOfSatisfying(GovServiceException.class, e -> {
                        assertThat(e.errorCode()).contains("s:Client");
                        assertThat(e.serviceMessage()).contains("bad request");
                    });
        }
    }

    @Test
    void anAnswerWithoutRequestHashIsAcceptedUnlessRequired() {
        server.enqueue(json(200, "{\"ok\":true}"));
        server.enqueue(json(200, "{\"ok\":true}"));
        XRoadServiceId service = XRoadServiceId.of("VN", "GOV", "G10", "sub", "svc");
        XRoadClient.Builder b = XRoadClient.builder().endpoint(server.url("/").uri())
                .clientId(XRoadClientId.parse("VN/GOV/H29/dvc")).retryPolicy(RetryPolicy.none());
        try (XRoadClient lenient = b.build(); XRoadClient strict = b.requireRequestHash(true).build()) {
            assertThat(lenient.get(service, Map.of(), Map.class)).containsEntry("ok", true);
            assertThatThrownBy(() -> strict.get(service, Map.of(), Map.class)).isInstanceOf(XRoadRequestHashException.class);
        }
    }

    @Test
    void theErrorTypeIsTakenFromTheHeaderWhenTheBodyHasNone() {
        server.enqueue(new MockResponse.Builder().code(500).addHeader("X-Road-Error", "Server.ClientProxy.NetworkError")
                .body("upstream failure").build());
        try (XRoadClient c = XRoadClient.builder().endpoint(server.url("/").uri())
                .clientId(XRoadClientId.parse("VN/GOV/H29/dvc")).retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> c.get(XRoadServiceId.of("VN", "GOV", "G10", "sub", "svc"), Map.of(), Map.class))
                    .isInstanceOfSatisfying(GovServiceException.class,
                            e -> assertThat(e.errorCode()).contains("Server.ClientProxy.NetworkError"));
        }
    }
}
