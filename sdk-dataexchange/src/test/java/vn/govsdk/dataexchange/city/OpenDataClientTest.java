package vn.govsdk.dataexchange.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.paging.Page;
import vn.govsdk.testkit.Fault;
import vn.govsdk.testkit.FaultRule;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.city.OpenDataService;

class OpenDataClientTest {

    static MockGovPlatform platform;
    static OpenDataService portal;

    /** The caller's own record class: column names as components, unknown columns ignored. */
    record Report(String ma_phuong, String ten_phuong, LocalDate ngay, String linh_vuc, int so_luong) {
    }

    /** A small resource's row. */
    record WifiPoint(String ma_phuong, String ten_diem, double vi_do, double kinh_do) {
    }

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().seed(5).service(p -> new OpenDataService(p)).build();
        portal = (OpenDataService) platform.service(OpenDataService.PREFIX).orElseThrow();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void clean() {
        platform.reset();
    }

    static OpenDataClient.Builder client() {
        return OpenDataClient.builder().endpoint(platform.baseUrl(OpenDataService.PREFIX)).retryPolicy(RetryPolicy.none());
    }

    @Test
    void dkanSearchSendsTheDkanFormAndMapsRecords() {
        try (OpenDataClient c = client().build()) {
            DatastorePage<Report> page = c.search(OpenDataService.BIG_RESOURCE, Map.of(), 10, 5, Report.class);
            assertThat(page.total()).isEqualTo(OpenDataService.BIG_ROWS);
            assertThat(page.offset()).isEqualTo(10);
            assertThat(page.records()).hasSize(5);
            Map<String, Object> expected = portal.bigRow(10);
            Report first = page.records().get(0);
            assertThat(first.ma_phuong()).isEqualTo(expected.get("ma_phuong"));
            assertThat(first.ten_phuong()).isEqualTo(expected.get("ten_phuong")).startsWith("Phường ");
            assertThat(first.ngay()).isEqualTo(LocalDate.parse((String) expected.get("ngay")));
            assertThat(first.linh_vuc()).isEqualTo(expected.get("linh_vuc"));
            assertThat(page.fields()).extracting(DatastoreField::id).contains("ma_phuong", "ngay", "linh_vuc");
            assertThat(page.hasMore()).isTrue();
            JournalEntry sent = platform.journal().last().orElseThrow();
            assertThat(sent.path()).isEqualTo("/opendata/api/action/datastore/search.json");
            assertThat(sent.request().queryParameter("resource_id")).contains(OpenDataService.BIG_RESOURCE);
            assertThat(sent.request().queryParameter("limit")).contains("5");
            assertThat(sent.request().queryParameter("offset")).contains("10");
        }
    }

    @Test
    void dkanFiltersUseBracketParameters() {
        String ward = OpenDataService.wardCodes().get(3);
        try (OpenDataClient c = client().build()) {
            DatastorePage<Report> page = c.search(OpenDataService.BIG_RESOURCE, Map.of("ma_phuong", ward), 0, 50,
                    Report.class);
            assertThat(page.records()).hasSize(50).allSatisfy(r -> assertThat(r.ma_phuong()).isEqualTo(ward));
            assertThat(page.total()).isEqualTo(50_000);
            assertThat(platform.journal().last().orElseThrow().request().queryParameter("filters[ma_phuong]"))
                    .contains(ward);
        }
    }

    @Test
    void ckanV3FormSendsJsonFilters() {
        try (OpenDataClient c = client().apiStyle(OpenDataApiStyle.CKAN_V3).build()) {
            String ward = OpenDataService.wardCodes().get(0);
            DatastorePage<WifiPoint> all = c.search(OpenDataService.SMALL_RESOURCE, Map.of(), 0, 1000, WifiPoint.class);
            assertThat(all.total()).isEqualTo(OpenDataService.SMALL_ROWS);
            long inWard = all.records().stream().filter(p -> p.ma_phuong().equals(ward)).count();
            DatastorePage<WifiPoint> page = c.search(OpenDataService.SMALL_RESOURCE, Map.of("ma_phuong", ward), 0, 1000,
                    WifiPoint.class);
            assertThat(page.total()).isEqualTo(inWard);
            assertThat(page.records()).allSatisfy(p -> {
                assertThat(p.ma_phuong()).isEqualTo(ward);
                assertThat(p.vi_do()).isBetween(10.0, 11.5);
            });
            JournalEntry sent = platform.journal().last().orElseThrow();
            assertThat(sent.path()).isEqualTo("/opendata/api/3/action/datastore_search");
            assertThat(sent.request().queryParameter("filters")).contains("{\"ma_phuong\":\"" + ward + "\"}");
        }
    }

    @Test
    void streamWalksEveryRecordPageByPageAndFollowsServerClamping() {
        // Asks for 2000 a page; the portal clamps to 1000 and the client advances by what it got.
        try (OpenDataClient c = client().pageSize(2000).build()) {
            List<WifiPoint> points = new ArrayList<>();
            c.stream(OpenDataService.SMALL_RESOURCE, WifiPoint.class).forEach(points::add);
            assertThat(points).hasSize(OpenDataService.SMALL_ROWS);
        }
        try (OpenDataClient c = client().pageSize(40).build()) {
            List<Page<WifiPoint>> pages = new ArrayList<>();
            c.stream(OpenDataService.SMALL_RESOURCE, WifiPoint.class).byPage().forEach(pages::add);
            assertThat(pages).hasSize(4);
            assertThat(pages.get(0).continuationToken()).isEqualTo("40");
            assertThat(pages.get(3).items()).hasSize(30);
            assertThat(pages.get(3).continuationToken()).isNull();
            assertThat(platform.journal().count("/opendata")).isEqualTo(1 + 4);
        }
    }

    @Test
    void streamIsLazyOverTheMillionRowTable() {
        try (OpenDataClient c = client().pageSize(100).build()) {
            Iterator<Report> it = c.stream(OpenDataService.BIG_RESOURCE, Report.class).iterator();
            for (int i = 0; i < 250; i++) {
                Report r = it.next();
                assertThat(r.ma_phuong()).isEqualTo(portal.bigRow(i).get("ma_phuong"));
            }
            assertThat(platform.journal().count("/opendata")).isEqualTo(3);
        }
    }

    @Test
    void aTransientFailureMidStreamIsRetriedWithoutLosingOrRepeatingRecords() {
        List<java.time.Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (OpenDataClient c = client().pageSize(40).retryPolicy(RetryPolicy.builder().maxRetries(2).build())
                .sleeper(slept::add).build()) {
            Iterator<WifiPoint> it = c.stream(OpenDataService.SMALL_RESOURCE, WifiPoint.class).iterator();
            for (int i = 0; i < 40; i++) {
                it.next();
            }
            platform.faults().add(FaultRule.builder().prefix("/opendata").path("/opendata/api/**")
                    .fault(Fault.status(503)).failFirst(1).build());
            int rest = 0;
            while (it.hasNext()) {
                it.next();
                rest++;
            }
            assertThat(rest).isEqualTo(OpenDataService.SMALL_ROWS - 40);
            assertThat(slept).hasSize(1);
        }
    }

    @Test
    void catalogueListsAndShowsDatasets() {
        try (OpenDataClient c = client().build()) {
            assertThat(c.listDatasets()).containsExactly(OpenDataService.BIG_DATASET, OpenDataService.SMALL_DATASET);
            Dataset d = c.getDataset(OpenDataService.SMALL_DATASET);
            assertThat(d.name()).isEqualTo(OpenDataService.SMALL_DATASET);
            assertThat(d.title()).contains("Wi-Fi");
            assertThat(d.resources()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(OpenDataService.SMALL_RESOURCE);
                assertThat(r.datastoreActive()).isTrue();
            });
            assertThatThrownBy(() -> c.getDataset("khong-co")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void portalErrorsCarryTheCkanType() {
        try (OpenDataClient c = client().build()) {
            assertThatThrownBy(() -> c.search("00000000-0000-0000-0000-000000000000", Map.of(), 0, 10, Report.class))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> c.search(OpenDataService.BIG_RESOURCE, Map.of("linh_vuc", "Giao thông"), 0, 10,
                    Report.class))
                    .isInstanceOfSatisfying(GovServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(409);
                        assertThat(e.errorCode()).contains("Validation Error");
                    });
        }
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        try (OpenDataClient c = client().build()) {
            assertThatThrownBy(() -> c.search("a/../b", Map.of(), 0, 10, Report.class))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("resourceId"));
            assertThatThrownBy(() -> c.search(OpenDataService.BIG_RESOURCE, Map.of(), -1, 10, Report.class))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("offset"));
            assertThatThrownBy(() -> c.search(OpenDataService.BIG_RESOURCE, Map.of(), 0, 0, Report.class))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
            assertThatThrownBy(() -> c.stream(OpenDataService.BIG_RESOURCE, Map.of("a&b=c", "x"), Report.class))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("filters"));
            assertThatThrownBy(() -> c.stream(OpenDataService.BIG_RESOURCE, Map.of("ma_phuong", "1\n2"), Report.class))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> c.stream(OpenDataService.BIG_RESOURCE, null))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> OpenDataClient.builder().build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endpoint"));
        assertThat(platform.journal().count()).isZero();
    }
}
