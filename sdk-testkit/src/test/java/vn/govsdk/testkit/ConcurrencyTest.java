package vn.govsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** 64 concurrent clients against one platform, without errors and without crossed answers. */
class ConcurrencyTest {
    private static final int CLIENTS = 64;
    private static final int REQUESTS_EACH = 25;

    @Test
    void sixtyFourClientsAtOnce() throws Exception {
        try (MockGovPlatform platform = MockGovPlatform.builder().service(new EchoService()).build()) {
            ObjectMapper mapper = new ObjectMapper();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    int clientNumber = c;
                    results.add(pool.submit(() -> {
                        OkHttpClient client = Http.client();
                        go.await();
                        int ok = 0;
                        for (int i = 0; i < REQUESTS_EACH; i++) {
                            String body = "{\"client\":" + clientNumber + ",\"request\":" + i + "}";
                            Http.Result r = Http.post(client, platform.baseUrl("/echo/" + clientNumber + "/" + i), body);
                            if (r.status() == 200 && mapper.readTree(r.body()).get("body").asText().equals(body)) {
                                ok++;
                            }
                        }
                        return ok;
                    }));
                }
                go.countDown();
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get(60, TimeUnit.SECONDS);
                }
                assertThat(total).isEqualTo(CLIENTS * REQUESTS_EACH);
                assertThat(platform.journal().count()).isEqualTo(CLIENTS * REQUESTS_EACH);
                assertThat(platform.journal().requests()).extracting(JournalEntry::sequence)
                        .doesNotHaveDuplicates();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
