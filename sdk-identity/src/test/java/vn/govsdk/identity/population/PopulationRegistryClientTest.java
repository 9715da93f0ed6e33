package vn.govsdk.identity.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.govsdk.identity.population.C06Fixture.danElements;
import static vn.govsdk.identity.population.C06Fixture.danText;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.Gender;
import vn.govsdk.core.id.LegacyIdNumber;
import vn.govsdk.core.id.PersonalIdentifier;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.data.Relationship;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.SyntheticHousehold;
import vn.govsdk.testkit.population.PopulationDbService;

class PopulationRegistryClientTest {

    static MockGovPlatform platform;
    static PopulationRegistryClient direct;

    @BeforeAll
    static void start() {
        platform = C06Fixture.platform();
        direct = C06Fixture.direct(platform).build();
    }

    @AfterAll
    static void stop() {
        direct.close();
        platform.close();
    }

    @BeforeEach
    void clean() {
        platform.reset();
    }

    private static JournalEntry lastSoap(String path) {
        return platform.journal().lastTo(path).orElseThrow();
    }

    @Test
    void looksUpACitizenDirectlyWithElementsInContractOrder() {
        SyntheticCitizen c = platform.data().citizen(42);
        CitizenRecord r = direct.lookupCitizen(CitizenId.of(c.citizenId()));

        assertThat(r.citizenId().value()).isEqualTo(c.citizenId());
        assertThat(r.fullName()).isEqualTo(c.fullNameUpperCase());
        assertThat(r.birthDate()).isEqualTo(BirthDate.of(c.birthDate()));
        assertThat(r.gender()).isEqualTo(c.gender().name().equals("MALE") ? Gender.MALE : Gender.FEMALE);
        assertThat(r.householdId()).isEqualTo(c.householdId());
        assertThat(r.ethnicity()).isEqualTo(c.ethnicity());
        assertThat(r.permanentAddress()).isEqualTo(c.address().fullText());
        assertThat(r.nationality()).isEqualTo("Việt Nam");
        assertThat(r.father().fullName()).isEqualTo(c.father().fullName().toUpperCase(CitizenQuery.VIETNAMESE));
        assertThat(r.mother().fullName()).isEqualTo(c.mother().fullName().toUpperCase(CitizenQuery.VIETNAMESE));
        assertThat(r.legacyIdNumber().value()).isEqualTo(PopulationDbService.legacyIdNumberOf(42));

        JournalEntry sent = lastSoap(PopulationDbService.DIRECT_PATH);
        assertThat(danElements(sent.bodyAsString())).containsExactly("TraCuuThongTinCongDan", "MaYeuCau", "MaDVC",
                "MaTichHop", "MaCanBo", "SoDinhDanh");
        assertThat(sent.header("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
        assertThat(sent.header("Timestamp")).hasValueSatisfying(v -> assertThat(v).matches("[0-9]{13}"));
        assertThat(sent.header("X-Road-Client")).hasValue(PopulationDbService.X_ROAD_CLIENT);
        assertThat(sent.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(danText(sent.bodyAsString(), "MaDVC")).isEqualTo("VPCP");
        assertThat(danText(sent.bodyAsString(), "MaTichHop")).isEqualTo("037");
        assertThat(danText(sent.bodyAsString(), "MaCanBo")).isEqualTo("canbo.kiemthu");
    }

    @Test
    void sendsNameUpperCasedInVietnameseAndBirthDateAfterTheSubject() {
        SyntheticCitizen c = platform.data().citizen(3);
        CitizenRecord r = direct.lookupCitizen(CitizenQuery.builder(c.citizenId())
                .fullName("  " + c.fullName().toLowerCase(CitizenQuery.VIETNAMESE).replace(" ", "   ") + " ")
                .birthDate(BirthDate.of(c.birthDate())).build());
        assertThat(r.citizenId().value()).isEqualTo(c.citizenId());

        String body = lastSoap(PopulationDbService.DIRECT_PATH).bodyAsString();
        assertThat(danElements(body)).containsExactly("TraCuuThongTinCongDan", "MaYeuCau", "MaDVC", "MaTichHop",
                "MaCanBo", "SoDinhDanh", "HoVaTen", "NgayThangNamSinh", "NgayThangNam");
        assertThat(danText(body, "HoVaTen")).isEqualTo(c.fullNameUpperCase());
        assertThat(danText(body, "NgayThangNam")).isEqualTo(c.birthDate().toString().replace("-", ""));
    }

    @Test
    void upperCasesWithVietnameseDiacritics() {
        assertThat(CitizenQuery.normalizeName("nguyễn thị ánh đào")).isEqualTo("NGUYỄN THỊ ÁNH ĐÀO");
        assertThat(CitizenQuery.normalizeName("Lê  Văn\tƯớc")).isEqualTo("LÊ VĂN ƯỚC");
    }

    @Test
    void sendsABirthYearAloneAsNam() {
        SyntheticCitizen c = platform.data().citizen(5);
        direct.lookupCitizen(CitizenQuery.builder(c.citizenId()).birthDate(BirthDate.ofYear(c.birthDate().getYear())).build());
        String body = lastSoap(PopulationDbService.DIRECT_PATH).bodyAsString();
        assertThat(danElements(body)).endsWith("SoDinhDanh", "NgayThangNamSinh", "Nam");
        assertThat(danText(body, "Nam")).isEqualTo(Integer.toString(c.birthDate().getYear()));
    }

    @Test
    void looksUpByLegacyIdNumberAsSoCmnd() {
        SyntheticCitizen c = platform.data().citizen(7);
        CitizenRecord r = direct.lookupCitizen(LegacyIdNumber.of(PopulationDbService.legacyIdNumberOf(7)));
        assertThat(r.citizenId().value()).isEqualTo(c.citizenId());
        String body = lastSoap(PopulationDbService.DIRECT_PATH).bodyAsString();
        assertThat(danElements(body)).endsWith("MaCanBo", "SoCMND").doesNotContain("SoDinhDanh");
    }

    @Test
    void anUnknownCitizenIsNotFoundWithTheServiceCode() {
        CitizenId unknown = C06Fixture.unknownCitizenId(platform);
        assertThatThrownBy(() -> direct.lookupCitizen(unknown))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.errorCode()).hasValue(PopulationErrorCodes.NOT_FOUND);
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.attempts()).isEqualTo(1);
                });
    }

    @Test
    void aLookupWhoseDetailsDoNotMatchIsNotFound() {
        SyntheticCitizen c = platform.data().citizen(8);
        assertThatThrownBy(() -> direct.lookupCitizen(CitizenQuery.builder(c.citizenId())
                .fullName("Trần Thị Không Khớp").build()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.errorCode()).hasValue(PopulationErrorCodes.NOT_FOUND));
    }

    @Test
    void verifiesMatchingDetails() {
        SyntheticCitizen c = platform.data().citizen(11);
        Verification v = direct.verifyCitizen(CitizenQuery.builder(c.citizenId()).fullName(c.fullName())
                .birthDate(BirthDate.of(c.birthDate())).build());
        assertThat(v.exists()).isTrue();
        assertThat(v.matches()).isTrue();
        assertThat(v.matched()).containsExactlyInAnyOrder(VerifiedField.FULL_NAME, VerifiedField.BIRTH_DATE);
        assertThat(v.mismatched()).isEmpty();
        assertThat(danElements(lastSoap(PopulationDbService.DIRECT_PATH).bodyAsString())).containsExactly(
                "XacThucThongTinCongDan", "MaYeuCau", "MaDVC", "MaTichHop", "MaCanBo", "SoDinhDanh", "HoVaTen",
                "NgayThangNamSinh", "NgayThangNam");
    }

    @Test
    void verificationNamesTheMismatchedField() {
        SyntheticCitizen c = platform.data().citizen(12);
        Verification v = direct.verifyCitizen(CitizenQuery.builder(c.citizenId()).fullName(c.fullName())
                .birthDate(BirthDate.ofYear(c.birthDate().getYear() + 1)).build());
        assertThat(v.exists()).isTrue();
        assertThat(v.matches()).isFalse();
        assertThat(v.matched()).containsExactly(VerifiedField.FULL_NAME);
        assertThat(v.mismatched()).containsExactly(VerifiedField.BIRTH_DATE);
    }

    @Test
    void verifyingAnUnknownIdentifierSaysItDoesNotExist() {
        Verification v = direct.verifyCitizen(CitizenQuery.builder(C06Fixture.unknownCitizenId(platform))
                .fullName("Nguyễn Văn An").build());
        assertThat(v.exists()).isFalse();
        assertThat(v.matches()).isFalse();
        assertThat(v.matched()).isEmpty();
    }

    @Test
    void verifiesMaritalStatusWithTheSpouse() {
        SyntheticCitizen married = null;
        SyntheticCitizen single = null;
        for (long i = 0; i < 500 && (married == null || single == null); i++) {
            SyntheticCitizen c = platform.data().citizen(i);
            if (married == null && c.maritalStatus() == vn.govsdk.testkit.data.MaritalStatus.MARRIED
                    && c.relationshipToHead() == Relationship.HEAD
                    && platform.data().householdOf(c).members().stream()
                            .anyMatch(m -> m.relationshipToHead() == Relationship.SPOUSE)) {
                married = c;
            }
            if (single == null && c.maritalStatus() == vn.govsdk.testkit.data.MaritalStatus.SINGLE) {
                single = c;
            }
        }
        assertThat(married).isNotNull();
        assertThat(single).isNotNull();
        SyntheticCitizen spouse = platform.data().householdOf(married).members().stream()
                .filter(m -> m.relationshipToHead() == Relationship.SPOUSE).findFirst().orElseThrow();

        MaritalStatusResult m = direct.verifyMaritalStatus(CitizenQuery.of(CitizenId.of(married.citizenId())));
        assertThat(m.status()).isEqualTo(MaritalStatus.MARRIED);
        assertThat(m.citizenId().value()).isEqualTo(married.citizenId());
        assertThat(m.spouse().citizenId().value()).isEqualTo(spouse.citizenId());
        assertThat(danElements(lastSoap(PopulationDbService.DIRECT_PATH).bodyAsString()))
                .startsWith("XacMinhTinhTrangHonNhan", "MaYeuCau", "MaDVC", "MaTichHop", "MaCanBo", "SoDinhDanh");

        MaritalStatusResult s = direct.verifyMaritalStatus(CitizenQuery.of(CitizenId.of(single.citizenId())));
        assertThat(s.status()).isEqualTo(MaritalStatus.SINGLE);
        assertThat(s.spouseIfPresent()).isEmpty();
    }

    @Test
    void getsTheHouseholdWithRelationships() {
        SyntheticCitizen c = platform.data().citizen(20);
        SyntheticHousehold h = platform.data().householdOf(c);
        Household got = direct.getHousehold(CitizenQuery.of(CitizenId.of(c.citizenId())));
        assertThat(got.householdId()).isEqualTo(h.householdId());
        assertThat(got.address()).isEqualTo(h.address().fullText());
        assertThat(got.members()).extracting(m -> m.citizenId().value())
                .containsExactlyElementsOf(h.members().stream().map(SyntheticCitizen::citizenId).toList());
        assertThat(got.head().citizenId().value()).isEqualTo(c.householdHeadCitizenId());
        for (int i = 0; i < h.members().size(); i++) {
            assertThat(got.members().get(i).relationship().name()).isEqualTo(h.members().get(i).relationshipToHead().name());
        }
        assertThat(danElements(lastSoap(PopulationDbService.DIRECT_PATH).bodyAsString()))
                .startsWith("CungCapThongTinHoGiaDinh", "MaYeuCau", "MaDVC", "MaTichHop", "MaCanBo", "SoDinhDanh");
    }

    @Test
    void batchLookupIsPolledUntilDoneThenFetched() {
        List<Duration> sleeps = new ArrayList<>();
        try (PopulationRegistryClient client = C06Fixture.direct(platform).sleeper(sleeps::add)
                .pollInterval(Duration.ofSeconds(3)).build()) {
            CitizenId unknown = C06Fixture.unknownCitizenId(platform);
            List<PersonalIdentifier> subjects = List.of(CitizenId.of(platform.data().citizen(1).citizenId()),
                    LegacyIdNumber.of(PopulationDbService.legacyIdNumberOf(2)), unknown);
            BatchLookupResult result = client.beginBatchLookup(subjects).await();

            assertThat(result.found()).extracting(r -> r.citizenId().value()).containsExactly(
                    platform.data().citizen(1).citizenId(), platform.data().citizen(2).citizenId());
            assertThat(result.notFound()).containsExactly(unknown);
            assertThat(result.requestHandle()).isNotBlank();
            List<String> operations = platform.journal().requestsTo(PopulationDbService.DIRECT_PATH).stream()
                    .map(e -> danElements(e.bodyAsString()).get(0)).toList();
            List<String> expected = new ArrayList<>();
            expected.add("GuiYeuCauTraCuu");
            for (int i = 0; i <= PopulationDbService.POLLS_BEFORE_DONE; i++) {
                expected.add("GetRequestStatus");
            }
            expected.add("GetRequestResult");
            assertThat(operations).containsExactlyElementsOf(expected);
            assertThat(sleeps).hasSize(PopulationDbService.POLLS_BEFORE_DONE).allMatch(d -> d.equals(Duration.ofSeconds(3)));
            String submit = platform.journal().requestsTo(PopulationDbService.DIRECT_PATH).get(0).bodyAsString();
            assertThat(danElements(submit)).containsExactly("GuiYeuCauTraCuu", "MaYeuCau", "MaDVC", "MaTichHop",
                    "MaCanBo", "DanhSachCongDan", "SoDinhDanh", "SoCMND", "SoDinhDanh");
        }
    }

    @Test
    void everyCallGetsAFreshRequestId() {
        String id = platform.data().citizen(1).citizenId();
        direct.lookupCitizen(CitizenId.of(id));
        direct.lookupCitizen(CitizenId.of(id));
        Set<String> ids = platform.journal().requestsTo(PopulationDbService.DIRECT_PATH).stream()
                .map(e -> danText(e.bodyAsString(), "MaYeuCau")).collect(Collectors.toSet());
        assertThat(ids).hasSize(2).allMatch(s -> s.matches("[0-9a-f]{32}"));
    }

    @Test
    void callOptionsOverrideTheClientsPerCall() {
        String id = platform.data().citizen(1).citizenId();
        direct.lookupCitizen(CitizenQuery.builder(id).callOptions(CallOptions.builder().serviceCode("G15-TP110")
                .unitCode("000.00.01.H29").phoneNumber("0912345678").build()).build());
        String body = lastSoap(PopulationDbService.DIRECT_PATH).bodyAsString();
        assertThat(danText(body, "MaDVC")).isEqualTo("G15-TP110");
        assertThat(danText(body, "MaTichHop")).isEqualTo("037");
        assertThat(danText(body, "MaCanBo")).isEqualTo("canbo.kiemthu");
        assertThat(danElements(body)).containsExactly("TraCuuThongTinCongDan", "MaYeuCau", "MaDVC", "MaTichHop",
                "MaCanBo", "MaDonVi", "SoDienThoai", "SoDinhDanh");
    }

    @Test
    void worksThroughTheLgspWithOneTokenForManyCalls() {
        try (PopulationRegistryClient lgsp = C06Fixture.lgsp(platform, PopulationDbService.LGSP_CLIENT_SECRET).build()) {
            SyntheticCitizen c = platform.data().citizen(9);
            assertThat(lgsp.lookupCitizen(CitizenId.of(c.citizenId())).fullName()).isEqualTo(c.fullNameUpperCase());
            assertThat(lgsp.verifyCitizen(CitizenQuery.builder(c.citizenId()).fullName(c.fullName()).build()).matches())
                    .isTrue();
            assertThat(lgsp.getHousehold(CitizenQuery.of(CitizenId.of(c.citizenId()))).householdId())
                    .isEqualTo(c.householdId());
            assertThat(lgsp.verifyMaritalStatus(CitizenQuery.of(CitizenId.of(c.citizenId()))).status().name())
                    .isEqualTo(c.maritalStatus().name());

            assertThat(platform.journal().count(PopulationDbService.LGSP_TOKEN_PATH)).isEqualTo(1);
            JournalEntry token = platform.journal().lastTo(PopulationDbService.LGSP_TOKEN_PATH).orElseThrow();
            assertThat(token.header("lgspaccesstoken")).isPresent();
            assertThat(token.bodyAsString()).contains("grant_type=client_credentials");
            List<JournalEntry> soap = platform.journal().requestsTo(PopulationDbService.LGSP_PATH);
            assertThat(soap).hasSize(4).allSatisfy(e -> {
                assertThat(e.header("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
                assertThat(e.header("lgspaccesstoken")).isPresent();
                assertThat(e.status()).isEqualTo(200);
            });
            assertThat(platform.journal().count(PopulationDbService.DIRECT_PATH)).isZero();
            assertThat(danElements(soap.get(0).bodyAsString())).containsExactly("TraCuuThongTinCongDan", "MaYeuCau",
                    "MaDVC", "MaTichHop", "MaCanBo", "SoDinhDanh");
        }
    }

    @Test
    void batchLookupWorksThroughTheLgsp() {
        try (PopulationRegistryClient lgsp = C06Fixture.lgsp(platform, PopulationDbService.LGSP_CLIENT_SECRET)
                .sleeper(d -> { }).build()) {
            BatchLookupResult r = lgsp.beginBatchLookup(List.of(CitizenId.of(platform.data().citizen(4).citizenId())))
                    .await();
            assertThat(r.found()).hasSize(1);
            assertThat(platform.journal().count(PopulationDbService.LGSP_PATH))
                    .isEqualTo(2 + PopulationDbService.POLLS_BEFORE_DONE + 1);
        }
    }

    @Test
    void aWrongLgspClientSecretIsRefused() {
        try (PopulationRegistryClient lgsp = C06Fixture.lgsp(platform, "not-the-secret").build()) {
            assertThatThrownBy(() -> lgsp.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId())))
                    .isInstanceOfSatisfying(AuthenticationFailedException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(401));
            assertThat(platform.journal().count(PopulationDbService.LGSP_PATH)).isZero();
        }
    }

    @Test
    void aWrongDirectSignatureIsRefused() {
        try (PopulationRegistryClient wrong = C06Fixture.direct(platform)
                .credentials(C06Fixture.directCredentials("wrong-secret")).build()) {
            assertThatThrownBy(() -> wrong.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId())))
                    .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.errorCode()).hasValue(PopulationErrorCodes.AUTHENTICATION_FAILED);
                    });
        }
    }

    @Test
    void aStaleDirectTimestampIsRefused() {
        try (PopulationRegistryClient late = C06Fixture.direct(platform)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-30))).build()) {
            assertThatThrownBy(() -> late.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId())))
                    .isInstanceOfSatisfying(AuthenticationFailedException.class,
                            e -> assertThat(e.errorCode()).hasValue(PopulationErrorCodes.STALE_TIMESTAMP));
        }
    }

    @Test
    void birthDatesParseBothForms() {
        assertThat(BirthDate.parse("1990-02-28").date()).hasValue(LocalDate.of(1990, 2, 28));
        assertThat(BirthDate.parse("1990").isYearOnly()).isTrue();
        assertThatThrownBy(() -> BirthDate.parse("1990-02-30")).hasMessageContaining("birthDate");
        assertThatThrownBy(() -> BirthDate.parse("28/02/1990")).hasMessageContaining("yyyy-MM-dd");
    }

    @Test
    void aServiceFaultInsideA200AnswerCarriesItsCode() {
        // the platform's fault injection replaces the answer: a SOAP fault with a code, status 200
        platform.faults().add(PopulationDbService.DIRECT_PATH, vn.govsdk.testkit.Fault.status(200, "text/xml",
                "<soapenv:Envelope xmlns:soapenv='http://schemas.xmlsoap.org/soap/envelope/'><soapenv:Body>"
                        + "<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>busy</faultstring>"
                        + "<detail><MaLoi xmlns='http://dancuquocgia.bca'>C06-500</MaLoi></detail></soapenv:Fault>"
                        + "</soapenv:Body></soapenv:Envelope>"));
        assertThatThrownBy(() -> direct.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId())))
                .isInstanceOfSatisfying(GovServiceException.class, e -> {
                    assertThat(e.errorCode()).hasValue(PopulationErrorCodes.REQUEST_FAILED);
                    assertThat(e.serviceMessage()).hasValue("busy");
                });
    }

    @Test
    void callerValuesAreEscapedNotConcatenated() {
        String id = platform.data().citizen(1).citizenId();
        direct.lookupCitizen(CitizenQuery.builder(id).callOptions(CallOptions.builder()
                .officerAccount("cb</dan:MaCanBo><dan:SoCMND>123456789</dan:SoCMND>&x").build()).build());
        String body = lastSoap(PopulationDbService.DIRECT_PATH).bodyAsString();
        assertThat(body).contains("cb&lt;/dan:MaCanBo&gt;&lt;dan:SoCMND&gt;123456789&lt;/dan:SoCMND&gt;&amp;x");
        assertThat(danElements(body)).containsExactly("TraCuuThongTinCongDan", "MaYeuCau", "MaDVC", "MaTichHop",
                "MaCanBo", "SoDinhDanh");
    }

    @Test
    void aTimestampInSecondsIsAcceptedToo() {
        try (PopulationRegistryClient seconds = C06Fixture.direct(platform).credentials(PopulationDbBasic.builder()
                .username(PopulationDbService.DIRECT_USERNAME).secretKey(Secret.of(PopulationDbService.DIRECT_SECRET_KEY))
                .xRoadClient(PopulationDbService.X_ROAD_CLIENT).timestampUnit(PopulationDbBasic.TimestampUnit.SECONDS)
                .build()).build()) {
            seconds.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId()));
            assertThat(lastSoap(PopulationDbService.DIRECT_PATH).header("Timestamp"))
                    .hasValueSatisfying(v -> assertThat(v).matches("[0-9]{10}"));
        }
    }

    @Test
    void anLgspTokenTheServiceForgotIsRenewedOnceAndTheCallResent() {
        try (PopulationRegistryClient lgsp = C06Fixture.lgsp(platform, PopulationDbService.LGSP_CLIENT_SECRET).build()) {
            String id = platform.data().citizen(6).citizenId();
            lgsp.lookupCitizen(CitizenId.of(id));
            platform.reset(); // the mock forgets every token it issued
            assertThat(lgsp.lookupCitizen(CitizenId.of(id)).citizenId().value()).isEqualTo(id);
            assertThat(platform.journal().count(PopulationDbService.LGSP_TOKEN_PATH)).isEqualTo(1);
            assertThat(platform.journal().requestsTo(PopulationDbService.LGSP_PATH)).extracting(JournalEntry::status)
                    .containsExactly(401, 200);
        }
    }
}
