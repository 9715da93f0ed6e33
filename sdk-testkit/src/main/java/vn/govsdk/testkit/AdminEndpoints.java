package vn.govsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.SyntheticHousehold;
import vn.govsdk.testkit.internal.Html;
import vn.govsdk.testkit.internal.Json;

/** The endpoints under {@code /__admin}: page, health, journal, faults, reset, data, TLS root. */
final class AdminEndpoints {
    private static final PersonalDataMasker MASKER = PersonalDataMasker.standard();
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_BODY_SHOWN = 64 * 1024;
    private static final int MAX_LIST = 1000;
    private static final Set<String> FAULT_FIELDS = Set.of("prefix", "path", "method", "type", "status", "body",
            "contentType", "retryAfter", "latencyMs", "bytes", "bytesPerPeriod", "periodMs", "failFirst");

    private final MockGovPlatform platform;

    AdminEndpoints(MockGovPlatform platform) {
        this.platform = platform;
    }

    MockResponse handle(MockRequest r) {
        String sub = r.path().substring(MockGovPlatform.ADMIN_PREFIX.length());
        String method = r.method();
        try {
            switch (sub) {
                case "":
                case "/":
                    return only(method, "GET", () -> MockResponse.of(200, "text/html; charset=utf-8", page()));
                case "/health":
                    return only(method, "GET", this::health);
                case "/requests":
                    if (method.equals("DELETE")) {
                        platform.journal().clear();
                        return MockResponse.json(200, "{\"cleared\":true}");
                    }
                    return only(method, "GET", () -> requests(r));
                case "/faults":
                    if (method.equals("POST")) {
                        return addFault(r);
                    }
                    if (method.equals("DELETE")) {
                        platform.faults().clear();
                        return MockResponse.json(200, "{\"cleared\":true}");
                    }
                    return only(method, "GET", () -> MockResponse.json(200, Json.pretty(faults())));
                case "/reset":
                    return only(method, "POST", () -> {
                        platform.reset();
                        return MockResponse.json(200, "{\"reset\":true}");
                    });
                case "/data/citizens":
                    return only(method, "GET", () -> citizens(r));
                case "/data/households":
                    return only(method, "GET", () -> households(r));
                case "/tls/root.pem":
                    return only(method, "GET", () -> platform.tls()
                            .map(t -> MockResponse.of(200, "application/x-pem-file", t.rootCertificatePem()))
                            .orElseGet(() -> PlatformDispatcher.error(404, "not found",
                                    "the platform serves plain HTTP; start it with TLS to get a root certificate")));
                default:
                    if (sub.startsWith("/faults/")) {
                        String id = sub.substring("/faults/".length());
                        return only(method, "DELETE", () -> platform.faults().remove(id)
                                ? MockResponse.json(200, "{\"removed\":\"" + jsonSafe(id) + "\"}")
                                : PlatformDispatcher.error(404, "not found", "no fault with id " + jsonSafe(id)));
                    }
                    return PlatformDispatcher.error(404, "not found", "no admin endpoint at " + r.path()
                            + "; see " + MockGovPlatform.ADMIN_PREFIX + "/ for the list");
            }
        } catch (InvalidInputException | IllegalArgumentException | IllegalStateException e) {
            return PlatformDispatcher.error(400, "bad request", e.getMessage());
        }
    }

    private interface Answer {
        MockResponse get();
    }

    private static MockResponse only(String method, String allowed, Answer answer) {
        if (method.equals(allowed) || (allowed.equals("GET") && method.equals("HEAD"))) {
            return answer.get();
        }
        return PlatformDispatcher.error(405, "method not allowed", method + " is not allowed here; use " + allowed)
                .withHeader("Allow", allowed.equals("GET") ? "GET, HEAD" : allowed);
    }

    private static String jsonSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "?");
    }

    // ------------------------------------------------------------------ health

    private MockResponse health() {
        return MockResponse.json(200, "{\"status\":\"UP\",\"seed\":" + platform.seed() + ",\"services\":"
                + platform.services().size() + "}");
    }

    // ------------------------------------------------------------------ journal

    private MockResponse requests(MockRequest r) {
        String prefix = r.queryParameter("prefix").orElse("/");
        int limit = intParameter(r, "limit", 100, 1, platform.journal().capacity());
        List<JournalEntry> all = platform.journal().requestsTo(prefix);
        List<JournalEntry> shown = all.subList(Math.max(0, all.size() - limit), all.size());
        List<Map<String, Object>> out = new ArrayList<>();
        for (JournalEntry e : shown) {
            out.add(maskedEntry(e));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("matching", all.size());
        body.put("returned", out.size());
        body.put("requests", out);
        return MockResponse.json(200, Json.pretty(body));
    }

    static Map<String, Object> maskedEntry(JournalEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", e.sequence());
        m.put("receivedAt", e.receivedAt().toString());
        m.put("method", e.method());
        m.put("target", maskedTarget(e.request()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        e.request().headers().forEach((name, values) -> {
            List<String> masked = new ArrayList<>();
            for (String v : values) {
                masked.add(MASKER.maskHeader(name, v));
            }
            headers.put(name, masked);
        });
        m.put("headers", headers);
        byte[] body = e.request().body();
        m.put("bodyBytes", body.length);
        m.put("body", maskedBody(body, e.request().header("content-type").orElse("")));
        m.put("service", e.serviceName().orElse(null));
        m.put("status", e.status());
        m.put("fault", e.fault().orElse(null));
        return m;
    }

    private static String maskedTarget(MockRequest request) {
        StringBuilder target = new StringBuilder(request.path());
        char sep = '?';
        for (String name : new TreeSet<>(request.query().keySet())) {
            for (String v : request.query().get(name)) {
                target.append(sep).append(name).append('=').append(v);
                sep = '&';
            }
        }
        return MASKER.maskText(target);
    }

    private static String maskedBody(byte[] body, String contentType) {
        if (body.length == 0) {
            return "";
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        boolean declaredText = type.contains("json") || type.contains("xml") || type.startsWith("text/")
                || type.contains("x-www-form-urlencoded");
        boolean declaredBinary = !type.isEmpty() && !declaredText;
        String text = declaredBinary ? null : strictUtf8(body);
        if (text == null) {
            return "(" + body.length + " bytes" + (type.isEmpty() ? "" : " of " + contentType) + ", not shown)";
        }
        String shown = text.length() > MAX_BODY_SHOWN ? text.substring(0, MAX_BODY_SHOWN) : text;
        return MASKER.maskText(shown) + (shown.length() < text.length() ? "... (truncated)" : "");
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ faults

    private List<Map<String, Object>> faults() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ActiveFault f : platform.faults().list()) {
            out.add(faultJson(f));
        }
        return out;
    }

    private static Map<String, Object> faultJson(ActiveFault f) {
        FaultRule rule = f.rule();
        Fault fault = rule.fault();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("prefix", rule.prefix());
        rule.path().ifPresent(p -> m.put("path", p));
        rule.method().ifPresent(p -> m.put("method", p));
        m.put("type", fault.kind().name().toLowerCase(Locale.ROOT));
        fault.status().ifPresent(s -> m.put("status", s));
        fault.retryAfter().ifPresent(s -> m.put("retryAfter", s));
        fault.contentType().ifPresent(s -> m.put("contentType", s));
        fault.body().ifPresent(s -> m.put("body", s));
        if (!fault.latency().isZero()) {
            m.put("latencyMs", fault.latency().toMillis());
        }
        fault.truncateAfterBytes().ifPresent(b -> m.put("bytes", b));
        if (fault.kind() == Fault.Kind.SLOW_BODY) {
            m.put("bytesPerPeriod", fault.bytesPerPeriod());
            m.put("periodMs", fault.period().toMillis());
        }
        rule.failFirst().ifPresent(n -> m.put("failFirst", n));
        m.put("hits", f.hits());
        m.put("exhausted", f.exhausted());
        m.put("description", rule.toString());
        return m;
    }

    private MockResponse addFault(MockRequest r) {
        JsonNode json = Json.read(r.bodyAsString());
        if (!json.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object such as "
                    + "{\"prefix\":\"/echo\",\"type\":\"status\",\"status\":503}");
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FAULT_FIELDS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field(s) " + unknown + "; allowed: " + new TreeSet<>(FAULT_FIELDS));
        }
        String type = text(json, "type").orElseThrow(() -> new IllegalArgumentException(
                "type is required: status, latency, drop_before_headers, drop_after_headers, truncated_body,"
                        + " malformed_body or slow_body"));
        Fault fault;
        switch (type.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "status": {
                int status = integer(json, "status").orElseThrow(
                        () -> new IllegalArgumentException("status is required for type status"));
                Optional<String> body = text(json, "body");
                String contentType = text(json, "contentType").orElse(body.map(b -> b.trim().startsWith("{")
                        || b.trim().startsWith("[") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8")
                        .orElse(null));
                fault = Fault.status(status, body.isPresent() ? contentType : null, body.orElse(null));
                Optional<String> retryAfter = text(json, "retryAfter");
                if (retryAfter.isPresent()) {
                    fault = fault.withRetryAfter(retryAfter.get());
                }
                break;
            }
            case "latency":
                fault = Fault.latency(Duration.ofMillis(integer(json, "latencyMs").orElseThrow(
                        () -> new IllegalArgumentException("latencyMs is required for type latency"))));
                break;
            case "drop_before_headers":
                fault = Fault.dropBeforeHeaders();
                break;
            case "drop_after_headers":
                fault = Fault.dropAfterHeaders();
                break;
            case "truncated_body":
                fault = integer(json, "bytes").map(Fault::truncatedBody).orElseGet(Fault::truncatedBody);
                break;
            case "malformed_body":
                fault = text(json, "body").map(Fault::malformedBody).orElseGet(Fault::malformedBody);
                break;
            case "slow_body":
                fault = Fault.slowBody(
                        integer(json, "bytesPerPeriod").orElseThrow(
                                () -> new IllegalArgumentException("bytesPerPeriod is required for type slow_body")),
                        Duration.ofMillis(integer(json, "periodMs").orElseThrow(
                                () -> new IllegalArgumentException("periodMs is required for type slow_body"))));
                break;
            default:
                throw new IllegalArgumentException("type " + type + " is not one of status, latency,"
                        + " drop_before_headers, drop_after_headers, truncated_body, malformed_body, slow_body");
        }
        if (!type.equalsIgnoreCase("latency")) {
            Optional<Integer> latency = integer(json, "latencyMs");
            if (latency.isPresent()) {
                fault = fault.withLatency(Duration.ofMillis(latency.get()));
            }
        }
        FaultRule.Builder rule = FaultRule.builder()
                .prefix(text(json, "prefix").orElseThrow(() -> new IllegalArgumentException(
                        "prefix is required, for example \"/echo\", or \"/\" for every service")))
                .path(text(json, "path").orElse(null))
                .method(text(json, "method").orElse(null))
                .fault(fault);
        Optional<Integer> failFirst = integer(json, "failFirst");
        failFirst.ifPresent(rule::failFirst);
        ActiveFault added = platform.faults().add(rule.build());
        return MockResponse.json(201, Json.pretty(faultJson(added)));
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isTextual()) {
            return Optional.of(n.asText());
        }
        if (n.isNumber()) {
            return Optional.of(n.asText());
        }
        throw new IllegalArgumentException(field + " must be a string");
    }

    private static Optional<Integer> integer(JsonNode json, String field) {
        JsonNode n = json.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.canConvertToInt() && n.isIntegralNumber()) {
            return Optional.of(n.asInt());
        }
        if (n.isTextual() && n.asText().matches("-?[0-9]{1,9}")) {
            return Optional.of(Integer.parseInt(n.asText()));
        }
        throw new IllegalArgumentException(field + " must be a whole number");
    }

    // ------------------------------------------------------------------ data

    private MockResponse citizens(MockRequest r) {
        Optional<String> id = r.queryParameter("id");
        if (id.isPresent()) {
            return platform.data().findByCitizenId(id.get())
                    .map(c -> MockResponse.json(200, Json.pretty(Json.citizen(c))))
                    .orElseGet(() -> PlatformDispatcher.error(404, "not found",
                            "no synthetic citizen has the ID " + PersonalDataMasker.maskIdentifier(id.get())
                                    + " with seed " + platform.seed()));
        }
        if (r.queryParameter("index").isPresent()) {
            long index = longParameter(r, "index");
            return MockResponse.json(200, Json.pretty(Json.citizen(platform.data().citizen(index))));
        }
        if (r.queryParameter("from").isPresent()) {
            long from = longParameter(r, "from");
            int count = intParameter(r, "count", 20, 1, MAX_LIST);
            List<Map<String, Object>> out = new ArrayList<>();
            for (long i = from; i < Math.min(from + count, platform.data().population()); i++) {
                SyntheticCitizen c = platform.data().citizen(i);
                out.add(Json.citizen(c));
            }
            return MockResponse.json(200, Json.pretty(out));
        }
        throw new IllegalArgumentException("give index=N, id=CITIZEN_ID, or from=N&count=M");
    }

    private MockResponse households(MockRequest r) {
        Optional<String> id = r.queryParameter("id");
        if (id.isPresent()) {
            return platform.data().findHouseholdById(id.get())
                    .map(h -> MockResponse.json(200, Json.pretty(Json.household(h))))
                    .orElseGet(() -> PlatformDispatcher.error(404, "not found",
                            "no synthetic household has the code " + PersonalDataMasker.maskIdentifier(id.get())
                                    + " with seed " + platform.seed()));
        }
        if (r.queryParameter("index").isPresent()) {
            SyntheticHousehold h = platform.data().household(longParameter(r, "index"));
            return MockResponse.json(200, Json.pretty(Json.household(h)));
        }
        throw new IllegalArgumentException("give index=N or id=HOUSEHOLD_ID");
    }

    private static long longParameter(MockRequest r, String name) {
        String v = r.queryParameter(name).orElseThrow();
        if (!v.matches("[0-9]{1,18}")) {
            throw new InvalidInputException(name, "must be a whole number, got " + jsonSafe(v));
        }
        return Long.parseLong(v);
    }

    private static int intParameter(MockRequest r, String name, int fallback, int min, int max) {
        Optional<String> v = r.queryParameter(name);
        if (v.isEmpty()) {
            return fallback;
        }
        if (!v.get().matches("[0-9]{1,9}")) {
            throw new InvalidInputException(name, "must be a whole number, got " + jsonSafe(v.get()));
        }
        int n = Integer.parseInt(v.get());
        if (n < min || n > max) {
            throw new InvalidInputException(name, "must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    // ------------------------------------------------------------------ page

    private String page() {
        String base = platform.baseUrl().toString();
        String baseNoSlash = base.substring(0, base.length() - 1);
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>govsdk mock platform</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;")
                .append("text-align:left;vertical-align:top}th{background:#f3f3f3}code,pre{background:#f6f6f6;padding:.1em .3em}")
                .append("pre{padding:.6em;overflow:auto}.muted{color:#777}</style></head><body>\n")
                .append("<h1>govsdk mock platform</h1>\n<table>")
                .append("<tr><th>Base URL</th><td><code>").append(Html.escape(base)).append("</code></td></tr>")
                .append("<tr><th>Seed</th><td>").append(platform.seed()).append("</td></tr>")
                .append("<tr><th>HTTPS</th><td>").append(platform.tls().isPresent()
                        ? "on (root certificate: <a href=\"tls/root.pem\">tls/root.pem</a>)" : "off").append("</td></tr>")
                .append("<tr><th>Synthetic data</th><td>").append(platform.data().population())
                .append(" citizens in ").append(platform.data().householdCount()).append(" households, as of ")
                .append(platform.data().referenceDate()).append(" (<a href=\"data/citizens?index=0\">citizen 0</a>,")
                .append(" <a href=\"data/households?index=0\">household 0</a>)</td></tr></table>\n");

        h.append("<h2>Services</h2>\n");
        if (platform.services().isEmpty()) {
            h.append("<p class=\"muted\">No service is mounted.</p>\n");
        } else {
            h.append("<table><tr><th>Prefix</th><th>Service</th><th>URL</th></tr>");
            for (MockService s : platform.services()) {
                h.append("<tr><td><code>").append(Html.escape(s.pathPrefix())).append("</code></td><td>")
                        .append(Html.escape(s.name())).append("</td><td><code>")
                        .append(Html.escape(baseNoSlash + s.pathPrefix())).append("</code></td></tr>");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Faults</h2>\n");
        List<ActiveFault> faults = platform.faults().list();
        if (faults.isEmpty()) {
            h.append("<p class=\"muted\">No fault is installed.</p>\n");
        } else {
            h.append("<table><tr><th>Id</th><th>Rule</th><th>Hits</th><th>State</th></tr>");
            for (ActiveFault f : faults) {
                h.append("<tr><td>").append(Html.escape(f.id())).append("</td><td>").append(Html.escape(f.rule()))
                        .append("</td><td>").append(f.hits()).append("</td><td>")
                        .append(f.exhausted() ? "used up" : f.remaining().isPresent()
                                ? f.remaining().getAsInt() + " to go" : "active")
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Recent requests</h2>\n<p class=\"muted\">Newest first, personal data masked; ")
                .append("full list as JSON at <a href=\"requests\">requests</a>. Times in Vietnam time (ICT).</p>\n");
        List<JournalEntry> entries = platform.journal().requests();
        if (entries.isEmpty()) {
            h.append("<p class=\"muted\">No request yet.</p>\n");
        } else {
            h.append("<table><tr><th>#</th><th>Time</th><th>Method</th><th>Target</th><th>Service</th>")
                    .append("<th>Status</th><th>Fault</th></tr>");
            for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - 50); i--) {
                JournalEntry e = entries.get(i);
                h.append("<tr><td>").append(e.sequence()).append("</td><td>")
                        .append(TIME.format(e.receivedAt().atZone(VIETNAM))).append("</td><td>")
                        .append(Html.escape(e.method())).append("</td><td><code>")
                        .append(Html.escape(maskedTarget(e.request()))).append("</code></td><td>")
                        .append(Html.escape(e.serviceName().orElse("(none)"))).append("</td><td>")
                        .append(e.status() == 0 ? "dropped" : Integer.toString(e.status())).append("</td><td>")
                        .append(Html.escape(e.fault().orElse(""))).append("</td></tr>");
            }
            h.append("</table>\n");
        }

        String admin = baseNoSlash + MockGovPlatform.ADMIN_PREFIX;
        h.append("<h2>Endpoints</h2>\n<pre>")
                .append(Html.escape("curl " + admin + "/health\n"
                        + "curl " + admin + "/requests?prefix=/echo&limit=20\n"
                        + "curl -X DELETE " + admin + "/requests\n"
                        + "curl " + admin + "/faults\n"
                        + "curl -X POST " + admin + "/faults -H 'Content-Type: application/json' \\\n"
                        + "     -d '{\"prefix\":\"/echo\",\"type\":\"status\",\"status\":503,\"retryAfter\":\"2\",\"failFirst\":2}'\n"
                        + "curl -X DELETE " + admin + "/faults/f1\n"
                        + "curl -X DELETE " + admin + "/faults\n"
                        + "curl -X POST " + admin + "/reset\n"
                        + "curl '" + admin + "/data/citizens?index=0'\n"
                        + "curl '" + admin + "/data/citizens?from=0&count=10'\n"
                        + "curl '" + admin + "/data/households?index=0'\n"))
                .append("</pre>\n<p class=\"muted\">Fault types: status, latency, drop_before_headers, drop_after_headers,")
                .append(" truncated_body, malformed_body, slow_body. See docs/testing.md.</p>\n</body></html>\n");
        return h.toString();
    }
}
