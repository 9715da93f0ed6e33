package vn.govsdk.dataexchange.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.city.CivilRegistryService;
import vn.govsdk.testkit.data.MaritalStatus;
import vn.govsdk.testkit.data.SyntheticCitizen;

class CivilRegistryClientTest {

    static MockGovPlatform platform;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().seed(33).service(p -> new CivilRegistryService(p)).build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void clean() {
        platform.reset();
    }

    static CivilRegistryClient client() {
        return CivilRegistryClient.builder().endpoint(platform.baseUrl(CivilRegistryService.PREFIX))
                .credentials(GatewayAuth.clientCredentials(platform.baseUrl(CivilRegistryService.TOKEN_PATH),
                        CivilRegistryService.CLIENT_ID, Secret.of(CivilRegistryService.CLIENT_SECRET)))
                .retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void birthExtractByCitizenIdProgressesToTheExtract() {
        SyntheticCitizen c = platform.data().citizen(1234);
        try (CivilRegistryClient client = client()) {
            ExtractReceipt receipt = client.requestExtract(ExtractKind.BIRTH, CitizenId.of(c.citizenId()), "Bổ sung hồ sơ");
            assertThat(receipt.state()).isEqualTo(ExtractState.RECEIVED);
            JournalEntry sent = platform.journal().lastTo(CivilRegistryService.EXTRACT_PATH).orElseThrow();
            assertThat(sent.bodyAsString()).contains("\"loaiTrichLuc\":\"KHAI_SINH\"").contains(c.citizenId());
            ExtractStatus first = client.getExtractStatus(receipt.requestId());
            assertThat(first.state()).isEqualTo(ExtractState.PROCESSING);
            assertThat(first.result()).isEmpty();
            ExtractStatus done = client.getExtractStatus(receipt.requestId());
            assertThat(done.state()).isEqualTo(ExtractState.COMPLETED);
            CivilExtract e = done.result().orElseThrow();
            assertThat(e.kind()).isEqualTo(ExtractKind.BIRTH);
            assertThat(e.personName()).isEqualTo(c.fullName());
            assertThat(e.registerNumber()).isEqualTo(CivilRegistryService.registerNumber("KHAI_SINH", 1234));
            assertThat(e.registeredOn()).isAfter(c.birthDate());
            assertThat(e.details()).containsEntry("ngaySinh", c.birthDate().toString());
            assertThat(e.toString()).doesNotContain(c.fullName()).doesNotContain(c.citizenId());
        }
    }

    @Test
    void byRegisterNumberAndRefusalsAsStates() {
        long index = 0;
        while (platform.data().citizen(index).maritalStatus() == MaritalStatus.MARRIED) {
            index++;
        }
        try (CivilRegistryClient client = client()) {
            ExtractReceipt marriage = client.requestExtractByRegisterNumber(ExtractKind.MARRIAGE,
                    CivilRegistryService.registerNumber("KET_HON", index), "Làm thủ tục");
            client.getExtractStatus(marriage.requestId());
            ExtractStatus refused = client.getExtractStatus(marriage.requestId());
            assertThat(refused.state()).isEqualTo(ExtractState.REJECTED);
            assertThat(refused.state().isFinal()).isTrue();
            assertThat(refused.reason()).contains("kết hôn");
            ExtractReceipt death = client.requestExtract(ExtractKind.DEATH, platform.data().citizen(5).citizenId(), "Thừa kế");
            client.getExtractStatus(death.requestId());
            assertThat(client.getExtractStatus(death.requestId()).state()).isEqualTo(ExtractState.REJECTED);
            assertThatThrownBy(() -> client.requestExtractByRegisterNumber(ExtractKind.BIRTH, "KT-000001", "x"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> client.getExtractStatus("TL99999999")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void malformedInputIsRefusedBeforeAnyRequest() {
        try (CivilRegistryClient client = client()) {
            assertThatThrownBy(() -> client.requestExtract(ExtractKind.BIRTH, "12345", "x"))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> client.requestExtract(ExtractKind.BIRTH, platform.data().citizen(1).citizenId(), " "))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("purpose"));
            assertThatThrownBy(() -> client.requestExtractByRegisterNumber(ExtractKind.BIRTH, "KS 1; drop", "x"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("registerNumber"));
            assertThatThrownBy(() -> client.requestExtractByRegisterNumber(null, "KS-000001", "x"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
            assertThatThrownBy(() -> client.getExtractStatus("a&b"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("requestId"));
        }
        assertThat(platform.journal().count()).isZero();
    }
}
