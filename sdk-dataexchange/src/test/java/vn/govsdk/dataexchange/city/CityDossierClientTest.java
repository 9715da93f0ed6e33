package vn.govsdk.dataexchange.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.paging.Page;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.city.CityDossierService;

class CityDossierClientTest {

    static MockGovPlatform platform;
    static CityDossierService dvc;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().seed(21).service(p -> new CityDossierService(p)).build();
        dvc = (CityDossierService) platform.service(CityDossierService.PREFIX).orElseThrow();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void clean() {
        platform.reset();
    }

    static CityDossierClient.Builder client(String secret) {
        return CityDossierClient.builder().endpoint(platform.baseUrl(CityDossierService.PREFIX))
                .credentials(platform.baseUrl(CityDossierService.TOKEN_PATH), CityDossierService.CLIENT_ID, Secret.of(secret))
                .retryPolicy(RetryPolicy.none());
    }

    @Test
    void getDossierByCodeWithKeycloakBasicClientCredentials() {
        String code = dvc.dossierCode(17);
        try (CityDossierClient c = client(CityDossierService.CLIENT_SECRET).build()) {
            CityDossier d = c.getDossier(code).orElseThrow();
            assertThat(d.code()).isEqualTo(code);
            assertThat(d.applicantName()).isEqualTo(dvc.applicant(17).fullName());
            assertThat(d.procedureName()).isNotBlank();
            assertThat(d.currentStep()).isIn("Tiếp nhận hồ sơ", "Thẩm định hồ sơ", "Phê duyệt", "Trả kết quả");
            assertThat(d.appliedAt().getZone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
            assertThat(d.appointmentAt()).isAfter(d.appliedAt());
            assertThat(d.completed()).isEqualTo(d.currentStep().equals("Trả kết quả"));
            assertThat(d.toString()).contains(code).doesNotContain(d.applicantName());
        }
        List<JournalEntry> sent = platform.journal().requests();
        assertThat(sent).hasSize(2);
        JournalEntry token = sent.get(0);
        assertThat(token.path()).isEqualTo(CityDossierService.TOKEN_PATH);
        assertThat(token.bodyAsString()).contains("grant_type=client_credentials").doesNotContain("client_secret");
        assertThat(token.header("Authorization")).contains("Basic " + Base64.getEncoder().encodeToString(
                (CityDossierService.CLIENT_ID + ":" + CityDossierService.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        JournalEntry search = sent.get(1);
        assertThat(search.path()).isEqualTo(CityDossierService.SEARCH_PATH);
        assertThat(search.request().queryParameter("spec")).contains("slice");
        assertThat(search.request().queryParameter("code")).contains(code);
        assertThat(search.header("Authorization").orElseThrow()).startsWith("Bearer ");
    }

    @Test
    void unknownCodeIsEmpty() {
        try (CityDossierClient c = client(CityDossierService.CLIENT_SECRET).build()) {
            assertThat(c.getDossier("000.00.00.H29-990101-9999")).isEmpty();
        }
    }

    @Test
    void listDossiersPagesThroughSpringSlicesWithOneToken() {
        try (CityDossierClient c = client(CityDossierService.CLIENT_SECRET).pageSize(100).build()) {
            List<Page<CityDossier>> pages = new ArrayList<>();
            c.listDossiers().byPage().forEach(pages::add);
            assertThat(pages).hasSize(3);
            assertThat(pages.get(2).items()).hasSize(CityDossierService.DOSSIERS - 200);
            assertThat(pages.stream().mapToInt(p -> p.items().size()).sum()).isEqualTo(CityDossierService.DOSSIERS);
            assertThat(pages.get(0).items().get(0).code()).isEqualTo(dvc.dossierCode(0));
        }
        assertThat(platform.journal().count(r -> r.path().equals(CityDossierService.TOKEN_PATH))).isEqualTo(1);
        assertThat(platform.journal().count(r -> r.path().equals(CityDossierService.SEARCH_PATH))).isEqualTo(3);
    }

    @Test
    void wrongSecretFailsAuthentication() {
        try (CityDossierClient c = client("wrong-secret").build()) {
            assertThatThrownBy(() -> c.getDossier(dvc.dossierCode(0))).isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void malformedCodeAndMissingSettingsAreRefusedBeforeAnyRequest() {
        try (CityDossierClient c = client(CityDossierService.CLIENT_SECRET).build()) {
            assertThatThrownBy(() -> c.getDossier("abc&size=1000"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("code"));
            assertThatThrownBy(() -> c.getDossier(null)).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> CityDossierClient.builder().endpoint(platform.baseUrl("/hcmc-dvc")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("credentials"));
        assertThat(platform.journal().count()).isZero();
    }
}
