package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import vn.govsdk.dataexchange.city.Dataset;
import vn.govsdk.dataexchange.city.OpenDataClient;
import vn.govsdk.testkit.city.OpenDataService;

/** Tour step: list the city open-data portal's datasets and stream a small resource page by page. */
final class OpenDataExportStep implements TourStep {

    /** A row of the Wi-Fi points resource, as the caller's own record. */
    record WifiPoint(String ma_phuong, String ten_phuong, String ten_diem, double vi_do, double kinh_do) {
    }

    @Override
    public String name() {
        return "opendata";
    }

    @Override
    public String title() {
        return "City open data: list datasets and stream every record of a datastore resource (DKAN form)";
    }

    @Override
    public void run(TourContext context, PrintWriter out) {
        try (OpenDataClient client = OpenDataClient.builder()
                .endpoint(context.platform().baseUrl(OpenDataService.PREFIX)).pageSize(50).build()) {
            List<String> names = client.listDatasets();
            out.println("  package_list: " + names);
            Dataset d = client.getDataset(OpenDataService.SMALL_DATASET);
            String resource = d.resources().get(0).id();
            out.println("  package_show " + d.name() + ": \"" + d.title() + "\", resource " + resource);
            long rows = 0;
            long pages = 0;
            Map<String, Long> perWard = new java.util.TreeMap<>();
            for (var page : client.stream(resource, WifiPoint.class).byPage()) {
                pages++;
                for (WifiPoint p : page.items()) {
                    rows++;
                    perWard.merge(p.ten_phuong(), 1L, Long::sum);
                }
            }
            if (rows != OpenDataService.SMALL_ROWS) {
                throw new IllegalStateException("expected " + OpenDataService.SMALL_ROWS + " rows, streamed " + rows);
            }
            out.println("  streamed " + rows + " records in " + pages + " pages of 50 (datastore/search.json)");
            var top = perWard.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).findFirst()
                    .orElseThrow();
            out.println("  most Wi-Fi points: " + top.getKey() + " (" + top.getValue() + ")");
            out.println("  export all of it: govsdk opendata export " + resource + " --format JSONL -o wifi.jsonl");
        }
    }
}
