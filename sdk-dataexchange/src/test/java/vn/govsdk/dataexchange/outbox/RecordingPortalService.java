package vn.govsdk.dataexchange.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;

/**
 * A test-only stand-in for the portal's upserts: records, per dossier, every message it accepted, in
 * the order it received them. With a failure rate it fails that share of calls at random (seeded):
 * half of the failures before recording (the portal was down), half after (the answer was lost, so
 * the outbox delivers the same message again).
 */
final class RecordingPortalService implements MockService {

    static final String PREFIX = "/outbox-portal";

    /** One message as the portal received it. */
    record Received(long messageId, String kind, long seq, String instance) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Received>> byDossier = new ConcurrentHashMap<>();
    private final Random random;
    private volatile double failureRate;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    RecordingPortalService(long seed, double failureRate) {
        this.random = new Random(seed);
        this.failureRate = failureRate;
    }

    void failureRate(double rate) {
        this.failureRate = rate;
    }

    @Override
    public String name() {
        return "Recording portal (outbox tests)";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public MockResponse handle(MockRequest request) {
        calls.incrementAndGet();
        if (!request.method().equals("POST") || !request.path().equals(PREFIX + "/deliver")) {
            return MockResponse.json(404, "{\"error\":\"POST " + PREFIX + "/deliver only\"}");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return MockResponse.json(400, "{\"error\":\"malformed JSON\"}");
        }
        String dossier = body.path("dossierCode").asText("");
        if (dossier.isEmpty() || !body.hasNonNull("messageId")) {
            return MockResponse.json(400, "{\"error\":\"dossierCode and messageId are required\"}");
        }
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        if (r < failureRate / 2) {
            failures.incrementAndGet();
            return MockResponse.json(503, "{\"error\":\"portal unavailable\"}");
        }
        Received received = new Received(body.get("messageId").asLong(), body.path("kind").asText(),
                body.path("payload").path("seq").asLong(-1), body.path("instance").asText(""));
        List<Received> list = byDossier.computeIfAbsent(dossier, k -> new ArrayList<>());
        synchronized (list) {
            list.add(received);
        }
        if (r < failureRate) {
            failures.incrementAndGet();
            return MockResponse.json(503, "{\"error\":\"answer lost after the update was stored\"}");
        }
        return MockResponse.json(200, "{\"error_code\":0}");
    }

    /** What one dossier received, in order. */
    List<Received> received(String dossier) {
        List<Received> list = byDossier.get(dossier);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** The sequence numbers a dossier received, in order. */
    List<Long> seqs(String dossier) {
        return received(dossier).stream().map(Received::seq).toList();
    }

    Map<String, List<Received>> all() {
        Map<String, List<Received>> copy = new java.util.TreeMap<>();
        byDossier.keySet().forEach(k -> copy.put(k, received(k)));
        return copy;
    }

    long totalReceived() {
        return byDossier.keySet().stream().mapToLong(k -> received(k).size()).sum();
    }

    long calls() {
        return calls.get();
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void reset() {
        byDossier.clear();
    }
}
