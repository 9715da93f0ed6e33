package vn.govsdk.dataexchange.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.junit.MockGovPlatformExtension;
import vn.govsdk.testkit.portal.PortalDossierState;
import vn.govsdk.testkit.portal.PortalService;

class PortalClientTest {

    @RegisterExtension
    static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(b -> b.seed(42).service(PortalService::new));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2025-08-01T02:00:00Z"); // 09:00 in Vietnam

    private HttpTransport transport;
    private PortalClient client;

    @BeforeEach
    void setUp() {
        transport = HttpTransport.create();
        client = client(PortalService.DSTCODE);
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    private PortalClient client(String dstcode) {
        return PortalClient.builder().endpoint(platform().baseUrl("/dvcqg"))
                .credentials(PortalService.USERNAME, Secret.of(PortalService.PASSWORD), dstcode)
                .unitCode("000.00.00.H99").httpClient(transport).retryPolicy(RetryPolicy.none()).build();
    }

    private static MockGovPlatform platform() {
        return MOCK.platform();
    }

    private static PortalService portal() {
        return (PortalService) platform().service("/dvcqg").orElseThrow();
    }

    private Dossier.Builder dossier(String code) {
        String citizen = platform().data().citizen(3).citizenId();
        return Dossier.builder().code(code).procedureCode(portal().procedureCodes().get(0))
                .procedureName("Đăng ký khai sinh").fieldCode("G09-TP01").fieldName("Hộ tịch")
                .applicant(new Applicant(ApplicantType.CITIZEN, "Nguyễn Văn An", citizen, "an@example.vn", "0901234567"))
                .summary("Đăng ký khai sinh cho con").receivedAt(RECEIVED).dueAt(RECEIVED.plus(Duration.ofDays(3)))
                .status(DossierStatus.ACCEPTED).channel(Channel.ONLINE).processingUnit("UBND Phường Dĩ An")
                .addAttachment(new Attachment("F1", "to-khai.pdf", "GT-0-1", "http://localhost/f/1", false))
                .addFee(new DossierFee("Lệ phí hộ tịch", "LP01", "Trực tuyến", 50_000L, FeeKind.CHARGE));
    }

    private static List<JournalEntry> calls(String service) {
        return platform().journal().requests(e -> e.bodyAsString().contains("\"service\":\"" + service + "\""));
    }

    private static JsonNode body(JournalEntry e) throws Exception {
        return JSON.readTree(e.bodyAsString());
    }

    @Test
    void listsProceduresLazilyPageByPage() {
        List<ProcedureSummary> first = client.listProcedures().stream().limit(10).toList();
        assertThat(first).hasSize(10);
        assertThat(calls("LayDanhSachTTHC")).hasSize(1);
        assertThat(first.get(0).code()).isEqualTo(portal().procedureCodes().get(0));
        assertThat(first.get(0).name()).isNotBlank();

        platform().journal().clear();
        assertThat(client.listProcedures().stream().count()).isEqualTo(PortalService.PROCEDURE_COUNT);
        // 300 / 50 = 6 full pages, then one empty page ends the listing.
        assertThat(calls("LayDanhSachTTHC")).hasSize(7);
        assertThat(calls("LayDanhSachTTHC").get(0).path()).isEqualTo("/dvcqg/share");
    }

    @Test
    void everyCallCarriesSessionUnitCodeAndDstcode() throws Exception {
        client.listPublicServices(portal().procedureCodes().get(1));
        JournalEntry call = calls("LayDVC").get(0);
        assertThat(call.header("dstcode")).contains(PortalService.DSTCODE);
        JsonNode b = body(call);
        assertThat(b.path("session").asText()).startsWith("mock-session-");
        assertThat(b.path("madonvi").asText()).isEqualTo("000.00.00.H99");
        assertThat(b.path("MaTTHC").asText()).isEqualTo(portal().procedureCodes().get(1));
    }

    @Test
    void readsOneProcedureInFull() {
        String code = portal().procedureCodes().get(5);
        Procedure p = client.getProcedure(code);
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.name()).isNotBlank();
        assertThat(p.fields()).isNotEmpty();
        assertThat(p.channel(Channel.IN_PERSON)).isPresent();
        Procedure.Fee fee = p.channel(Channel.IN_PERSON).orElseThrow().times().get(0).fees().get(0);
        assertThat(fee.amountVnd()).isPresent();
        assertThat(fee.amountVnd().getAsLong()).isPositive().isEqualTo(Long.parseLong(fee.rawAmount().replace(".", "")));
        assertThat(p.documentGroups().get(0).documents()).hasSize(2);
        assertThat(p.stepGroups().get(0).steps()).hasSize(3).first().asString().startsWith("Bước 1");
        assertThat(p.legalBases()).isNotEmpty();
        assertThat(p.agencies()).isNotEmpty();
        assertThat(p.results()).isNotEmpty();
    }

    @Test
    void unknownProcedureGivesThePortalsCode() {
        assertThatThrownBy(() -> client.getProcedure("9.999999"))
                .isInstanceOfSatisfying(GovServiceException.class, e -> assertThat(e.errorCode()).contains("04"));
    }

    @Test
    void listsPublicServices() {
        String code = portal().procedureCodes().get(2);
        List<PublicService> services = client.listPublicServices(code);
        assertThat(services).singleElement().satisfies(s -> {
            assertThat(s.procedureCode()).isEqualTo(code);
            assertThat(s.code()).isEqualTo("DVC-" + code);
        });
    }

    @Test
    void codeListsTolerateUnknownCodesAndNoDistricts() {
        CodeList provinces = client.getCodeList(CodeListKind.PROVINCES);
        assertThat(provinces.entries()).hasSize(34);
        assertThat(provinces.find("79")).map(CodeList.Entry::name).contains("Hồ Chí Minh");
        assertThat(client.getCodeList(CodeListKind.DISTRICTS, "79").entries()).isEmpty();
        CodeList wards = client.getCodeList(CodeListKind.WARDS, "79");
        assertThat(wards.entries()).isNotEmpty().allSatisfy(w -> assertThat(w.parent()).contains("79"));
        assertThat(client.getCodeList(CodeListKind.COUNTRIES).find("X-NEW-99")).isPresent();
    }

    @Test
    void syncCreatesThenUpdatesWithIsUpdating() throws Exception {
        Dossier d = dossier("000.00.00.H99-250801-0001").build();
        DossierSyncResult first = client.syncDossier(d);
        assertThat(first.created()).isTrue();
        DossierSyncResult second = client.syncDossier(d.toBuilder().status(DossierStatus.PROCESSING).build());
        assertThat(second.created()).isFalse();

        List<JournalEntry> syncs = calls("DongBoHoSoMC");
        assertThat(syncs).hasSize(2);
        assertThat(body(syncs.get(0)).path("isUpdating").asText()).isEqualTo("False");
        assertThat(body(syncs.get(1)).path("isUpdating").asText()).isEqualTo("True");
        JsonNode element = body(syncs.get(0)).path("data").get(0);
        assertThat(element.path("NgayTiepNhan").asText()).isEqualTo("20250801090000");
        assertThat(element.path("NgayHenTra").asText()).isEqualTo("20250804090000");
        assertThat(element.path("TrangThaiHoSo").asText()).isEqualTo("2");
        assertThat(element.path("LoaiDoiTuong").asText()).isEqualTo("1");
        assertThat(element.path("KenhThucHien").asText()).isEqualTo("2");
        assertThat(element.path("DanhSachLePhi").get(0).path("Gia").asLong()).isEqualTo(50_000L);
        assertThat(element.path("TaiLieuNop").get(0).path("DuongDanTaiTepTin").asText()).isEqualTo("http://localhost/f/1");
        assertThat(calls("TraCuuHoSo")).hasSize(2);

        PortalDossierState state = portal().dossier(d.code()).orElseThrow();
        assertThat(state.syncCount()).isEqualTo(2);
        assertThat(state.statusHistory()).containsExactly(2, 4);
        assertThat(client.findDossier(d.code())).hasValueSatisfying(s -> {
            assertThat(s.status()).contains(DossierStatus.PROCESSING);
            assertThat(s.receivedAt()).isEqualTo(RECEIVED);
        });
    }

    @Test
    void reportsProgressAndStatusAndRefusesABadTransition() {
        String code = "000.00.00.H99-250801-0002";
        client.syncDossier(dossier(code).build());
        client.reportProgress(new ProgressUpdate(code, "Trần Thị Bình", "Chuyên viên", RECEIVED.plusSeconds(3600),
                "Phòng Tư pháp", "Thẩm định hồ sơ", DossierStatus.PROCESSING, RECEIVED, RECEIVED.plusSeconds(86_400)));
        client.reportStatus(new StatusUpdate(code, DossierStatus.DONE, RECEIVED.plusSeconds(7200), null));
        client.reportStatus(new StatusUpdate(code, DossierStatus.RESULT_RETURNED, RECEIVED.plusSeconds(9000), null));
        PortalDossierState state = portal().dossier(code).orElseThrow();
        assertThat(state.progressStatuses()).containsExactly(4);
        assertThat(state.statusHistory()).containsExactly(2, 4, 9, 10);

        assertThatThrownBy(() -> client.reportStatus(new StatusUpdate(code, DossierStatus.PROCESSING,
                RECEIVED.plusSeconds(9999), null)))
                .isInstanceOfSatisfying(GovServiceException.class, e -> assertThat(e.errorCode()).contains("05"));
        assertThat(portal().dossier(code).orElseThrow().status()).isEqualTo(10);
    }

    @Test
    void progressIsAnUpsertSoARedeliveryIsHarmless() {
        String code = "000.00.00.H99-250801-0003";
        client.syncDossier(dossier(code).build());
        ProgressUpdate step = ProgressUpdate.of(code, "Lê Văn Cường", RECEIVED.plusSeconds(60), "Tiếp nhận",
                DossierStatus.PROCESSING);
        client.reportProgress(step);
        client.reportProgress(step);
        assertThat(portal().dossier(code).orElseThrow().progressStatuses()).containsExactly(4);
    }

    @Test
    void progressForAnUnknownDossierIsRefusedWithThePortalsCode() {
        assertThatThrownBy(() -> client.reportProgress(ProgressUpdate.of("KHONG-CO-0001", "Cán bộ",
                RECEIVED, "Xử lý", DossierStatus.PROCESSING)))
                .isInstanceOfSatisfying(GovServiceException.class, e -> {
                    assertThat(e.errorCode()).contains("03");
                    assertThat(e.serviceMessage()).hasValueSatisfying(m -> assertThat(m).contains("Không tìm thấy"));
                });
    }

    @Test
    void dueDateBeforeReceptionIsRefusedBeforeSending() {
        Dossier bad = dossier("000.00.00.H99-250801-0004").dueAt(RECEIVED.minusSeconds(1)).build();
        assertThatThrownBy(() -> client.syncDossier(bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("dossier.dueDate");
                    assertThat(e.getMessage()).contains("dossier.dueDate must not be before dossier.receivedDate");
                });
        assertThat(platform().journal().count()).isZero();
    }

    @Test
    void badCodesIdentifiersAndMissingFieldsAreRefusedBeforeSending() {
        assertThatThrownBy(() -> client.syncDossier(dossier("HS 0001").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dossier.code"));
        assertThatThrownBy(() -> client.syncDossier(dossier("HS-1").procedureCode("1.0012 34").build()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("dossier.procedureCode"));
        assertThatThrownBy(() -> client.syncDossier(dossier("HS-1").summary(null).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dossier.summary"));
        assertThatThrownBy(() -> client.syncDossier(dossier("HS-1")
                .applicant(new Applicant(ApplicantType.CITIZEN, "Nguyễn An", "012345", null, null)).build()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("dossier.applicant.identifier"));
        assertThatThrownBy(() -> client.syncDossier(dossier("HS-1")
                .applicant(new Applicant(ApplicantType.BUSINESS, "Công ty A", "0100109107", null, null)).build()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.rule()).contains("tax code"));
        assertThatThrownBy(() -> client.reportProgress(new ProgressUpdate("HS-1", "A", null, RECEIVED, null, "x",
                DossierStatus.PROCESSING, RECEIVED, RECEIVED.minusSeconds(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("progress.dueAt"));
        assertThatThrownBy(() -> client.syncRating(new Rating("HS-1", 6, null, RECEIVED)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rating.score"));
        assertThat(platform().journal().count()).isZero();
    }

    @Test
    void businessApplicantWithValidTaxCodeIsAccepted() {
        String code = "000.00.00.H99-250801-0005";
        client.syncDossier(dossier(code)
                .applicant(new Applicant(ApplicantType.BUSINESS, "Công ty TNHH Thử Nghiệm", "0100109106", null, null))
                .build());
        assertThat(portal().dossier(code)).isPresent();
    }

    @Test
    void expiredSessionLogsInAgain() {
        client.getCodeList(CodeListKind.GENDERS);
        portal().expireSessions();
        assertThat(client.getCodeList(CodeListKind.GENDERS).entries()).hasSize(3);
        assertThat(platform().journal().requestsTo("/dvcqg/auth")).hasSize(2);
    }

    @Test
    void wrongDstcodeIsAnAuthenticationFailure() {
        PortalClient wrong = client("WRONG");
        assertThatThrownBy(() -> wrong.getCodeList(CodeListKind.GENDERS)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void syncsRatingsAndAnswersQuestions() {
        String code = "000.00.00.H99-250801-0006";
        client.syncDossier(dossier(code).build());
        client.syncRating(new Rating(code, 5, "Nhanh chóng", RECEIVED.plusSeconds(100)));
        assertThat(portal().rating(code)).contains(5);

        List<Question> questions = client.listQuestions();
        assertThat(questions).extracting(Question::id).contains("CH0001");
        client.answerQuestion(new Answer("CH0001", "Trong 3 ngày làm việc.", "Phòng Tư pháp", RECEIVED));
        assertThat(portal().answer("CH0001")).contains("Trong 3 ngày làm việc.");
        assertThatThrownBy(() -> client.answerQuestion(new Answer("CH9999", "x", "y", RECEIVED)))
                .isInstanceOfSatisfying(GovServiceException.class, e -> assertThat(e.errorCode()).contains("03"));
    }

    @Test
    void publishesAgencyQuestionsAndReadsAnswers() {
        assertThat(client.getAnswer("CH0002")).isEmpty();
        Question q = new Question("HD-0001", "Giờ làm việc", "Bộ phận một cửa làm việc thứ Bảy không?", RECEIVED);
        client.syncQuestionAndAnswer(q, new Answer("HD-0001", "Có, sáng thứ Bảy.", "Văn phòng", RECEIVED.plusSeconds(60)));
        client.syncQuestionAndAnswer(q, new Answer("HD-0001", "Có, sáng thứ Bảy.", "Văn phòng", RECEIVED.plusSeconds(60)));
        assertThat(client.listAgencyQuestions()).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo("HD-0001");
            assertThat(x.askedAt()).isEqualTo(RECEIVED);
        });
        assertThat(client.getAnswer("HD-0001")).contains("Có, sáng thứ Bảy.");
        assertThatThrownBy(() -> client.getAnswer("HD-9999"))
                .isInstanceOfSatisfying(GovServiceException.class, e -> assertThat(e.errorCode()).contains("03"));
        int before = platform().journal().count();
        assertThatThrownBy(() -> client.syncQuestionAndAnswer(q, new Answer("HD-0002", "x", "y", RECEIVED)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("answer.questionId"));
        assertThat(platform().journal().count()).isEqualTo(before);
    }

    @Test
    void builderNamesWhatIsMissing() {
        assertThatThrownBy(() -> PortalClient.builder().httpClient(transport).unitCode("X").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endpoint"));
        assertThatThrownBy(() -> PortalClient.builder().endpoint(platform().baseUrl("/dvcqg")).httpClient(transport)
                .unitCode("X").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("credentials"));
        assertThatThrownBy(() -> PortalClient.builder().endpoint(platform().baseUrl("/dvcqg")).httpClient(transport)
                .unitCode("X").credentials("u", Secret.of("p"), "d").integrationPath("/\u200Bintegration").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("integrationPath"));
        assertThat(client.toString()).doesNotContain(PortalService.PASSWORD);
    }

    @Test
    void idempotentWritesAreRetriedOnTransientFailuresAndReadsToo() {
        String code = "000.00.00.H99-250801-0007";
        platform().faults().add(vn.govsdk.testkit.FaultRule.builder().prefix("/dvcqg/integration")
                .fault(vn.govsdk.testkit.Fault.status(503)).failFirst(2).build());
        java.util.List<Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
        PortalClient retrying = PortalClient.builder().endpoint(platform().baseUrl("/dvcqg"))
                .credentials(PortalService.USERNAME, Secret.of(PortalService.PASSWORD), PortalService.DSTCODE)
                .unitCode("000.00.00.H99").httpClient(transport).sleeper(slept::add).build();
        assertThat(retrying.syncDossier(dossier(code).build()).created()).isTrue();
        // TraCuuHoSo (a read) met both 503s and was retried; DongBoHoSoMC (an upsert) went through.
        assertThat(slept).hasSize(2);
        assertThat(portal().dossier(code).orElseThrow().syncCount()).isEqualTo(1);

        platform().faults().add(vn.govsdk.testkit.FaultRule.builder().prefix("/dvcqg/integration")
                .fault(vn.govsdk.testkit.Fault.status(503)).failFirst(1).build());
        retrying.reportProgress(ProgressUpdate.of(code, "Cán bộ", RECEIVED.plusSeconds(5), "Xử lý", DossierStatus.PROCESSING));
        assertThat(slept).hasSize(3);
        assertThat(portal().dossier(code).orElseThrow().progressStatuses()).containsExactly(4);
    }

    @Test
    void debugLogsCarryNoPasswordSessionOrFullCitizenId() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(appender);
        try {
            client.syncDossier(dossier("000.00.00.H99-250801-0008").build());
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        String citizen = platform().data().citizen(3).citizenId();
        String logs = appender.list.stream().map(e -> e.getFormattedMessage()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(appender.list).isNotEmpty();
        assertThat(logs).doesNotContain(PortalService.PASSWORD).doesNotContain(citizen).doesNotContain("mock-session-");
    }

    @Test
    void statusesAndMapping() {
        assertThat(DossierStatus.values()).hasSize(10);
        assertThat(DossierStatus.fromCode("05")).contains(DossierStatus.DOCUMENTS_REQUESTED);
        assertThat(DossierStatus.fromCode(10)).contains(DossierStatus.RESULT_RETURNED);
        assertThat(DossierStatus.fromCode(11)).isEmpty();
        assertThat(DossierStatus.DONE.label()).isEqualTo("Đã xử lý xong");
        DossierStatusMapping mapping = DossierStatusMapping.ofTable(Map.of("processing", DossierStatus.PROCESSING,
                "processing/waiting-fee", DossierStatus.FEES_DUE));
        assertThat(mapping.toPortal("processing", null)).isEqualTo(DossierStatus.PROCESSING);
        assertThat(mapping.toPortal("processing", "waiting-fee")).isEqualTo(DossierStatus.FEES_DUE);
        assertThatThrownBy(() -> mapping.toPortal("archived", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("archived");
        assertThat(Channel.fromCode("3")).contains(Channel.POSTAL);
    }

    @Test
    void unknownDossierLookupIsEmptyNotAnError() {
        assertThat(client.findDossier("KHONG-CO-0002")).isEmpty();
        assertThatThrownBy(() -> client.getProcedure("bad code")).isInstanceOf(InvalidInputException.class);
        assertThat(NotFoundException.class).isAssignableTo(GovServiceException.class);
    }
}
