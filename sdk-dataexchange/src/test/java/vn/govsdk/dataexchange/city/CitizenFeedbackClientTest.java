package vn.govsdk.dataexchange.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.paging.Page;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.city.CitizenFeedbackService;
import vn.govsdk.testkit.city.OpenDataService;

class CitizenFeedbackClientTest {

    static MockGovPlatform platform;
    static final String WARD = OpenDataService.wardCodes().get(0);

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().seed(44).service(p -> new CitizenFeedbackService(p)).build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void clean() {
        platform.reset();
    }

    static CitizenFeedbackClient client(int pageSize) {
        return CitizenFeedbackClient.builder().endpoint(platform.baseUrl(CitizenFeedbackService.PREFIX))
                .credentials(GatewayAuth.clientCredentials(platform.baseUrl(CitizenFeedbackService.TOKEN_PATH),
                        CitizenFeedbackService.CLIENT_ID, Secret.of(CitizenFeedbackService.CLIENT_SECRET)))
                .retryPolicy(RetryPolicy.none()).pageSize(pageSize).build();
    }

    static FeedbackReport.Builder report() {
        return FeedbackReport.builder().category(FeedbackCategory.ENVIRONMENT).wardCode(WARD).location(10.7769, 106.7009)
                .description("Rác thải tồn đọng trước số 12 đường Lê Lợi");
    }

    @Test
    void submitWithAttachmentThenFollowTheHandling() {
        try (CitizenFeedbackClient c = client(20)) {
            FeedbackStatus receipt = c.submit(report().attachment(new FeedbackAttachment("anh.jpg", "image/jpeg",
                    "JPEGDATA".getBytes(StandardCharsets.UTF_8))).build());
            assertThat(receipt.state()).isEqualTo(FeedbackState.RECEIVED);
            JournalEntry sent = platform.journal().lastTo(CitizenFeedbackService.REPORTS_PATH).orElseThrow();
            assertThat(sent.bodyAsString()).contains("\"linhVuc\":\"VSMT\"").contains("\"maPhuong\":\"" + WARD + "\"")
                    .contains("\"tenTep\":\"anh.jpg\"").contains("SlBFR0RBVEE=");
            FeedbackStatus s1 = c.getStatus(receipt.reportId());
            assertThat(s1.state()).isEqualTo(FeedbackState.RECEIVED);
            assertThat(s1.category()).isEqualTo(FeedbackCategory.ENVIRONMENT);
            assertThat(s1.receivedAt()).isNotNull();
            assertThat(c.getStatus(receipt.reportId()).state()).isEqualTo(FeedbackState.PROCESSING);
            assertThat(c.getStatus(receipt.reportId()).state()).isEqualTo(FeedbackState.RESOLVED);
            assertThatThrownBy(() -> c.getStatus("PA99999999")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void unknownButWellFormedWardIsRefusedByTheService() {
        try (CitizenFeedbackClient c = client(20)) {
            assertThatThrownBy(() -> c.submit(report().wardCode("99999").build()))
                    .isInstanceOfSatisfying(GovServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(422);
                        assertThat(e.errorCode()).contains("PA_WARD");
                    });
        }
    }

    @Test
    void theReporterMustBeAKnownCitizen() {
        try (CitizenFeedbackClient c = client(20)) {
            String known = platform.data().citizen(9).citizenId();
            assertThat(c.submit(report().reporter(known).build()).state()).isEqualTo(FeedbackState.RECEIVED);
            assertThat(platform.journal().lastTo(CitizenFeedbackService.REPORTS_PATH).orElseThrow().bodyAsString())
                    .contains("\"soDinhDanhNguoiPhanAnh\":\"" + known + "\"");
            String unknown = known.substring(0, 6) + (known.charAt(6) == '9' ? "0" : "9") + known.substring(7);
            assertThat(platform.data().findByCitizenId(unknown)).isEmpty();
            assertThatThrownBy(() -> c.submit(report().reporter(unknown).build()))
                    .isInstanceOfSatisfying(GovServiceException.class, e -> assertThat(e.errorCode()).contains("PA_CITIZEN"));
        }
    }

    @Test
    void listReportsOfAWardPaged() {
        try (CitizenFeedbackClient c = client(7)) {
            c.submit(report().build());
            List<Page<FeedbackStatus>> pages = new ArrayList<>();
            c.listReports(WARD).byPage().forEach(pages::add);
            int total = pages.stream().mapToInt(p -> p.items().size()).sum();
            // seeded reports go round three wards; plus the one just submitted
            assertThat(total).isEqualTo(CitizenFeedbackService.SEEDED / 3 + 1);
            assertThat(pages).hasSize((total + 6) / 7);
            assertThat(pages).allSatisfy(p -> assertThat(p.items()).allSatisfy(r -> assertThat(r.wardCode()).isEqualTo(WARD)));
        }
    }

    @Test
    void badReportsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> report().wardCode("2673").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("wardCode"));
        assertThatThrownBy(() -> report().wardCode("2673a").build()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> report().description("   ").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"));
        assertThatThrownBy(() -> FeedbackReport.builder().build()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> report().reporter("07920").build()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> report().location(48.85, 2.35).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("latitude"));
        assertThatThrownBy(() -> report().location(10.77, 120.0).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("longitude"));
        assertThatThrownBy(() -> report().location(Double.NaN, 106.7).build()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new FeedbackAttachment("../x.jpg", "image/jpeg", new byte[1]))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new FeedbackAttachment("x.jpg", "image/jpeg", new byte[0]))
                .isInstanceOf(InvalidInputException.class);
        try (CitizenFeedbackClient c = client(20)) {
            assertThatThrownBy(() -> c.submit(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> c.listReports("123")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> c.getStatus("../admin")).isInstanceOf(InvalidInputException.class);
        }
        assertThat(platform.journal().count()).isZero();
    }
}
