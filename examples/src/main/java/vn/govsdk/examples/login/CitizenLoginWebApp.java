package vn.govsdk.examples.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.identity.login.AuthorizationRequest;
import vn.govsdk.identity.login.CitizenIdentity;
import vn.govsdk.identity.login.CitizenLogin;
import vn.govsdk.identity.login.CitizenLoginClient;
import vn.govsdk.identity.login.LoginRefusedException;
import vn.govsdk.identity.login.PendingLogin;

/**
 * A small web application (JDK HTTP server) that logs citizens in with {@link CitizenLoginClient}
 * and shows the verified identity: what a department's portal does with the national SSO.
 *
 * <ul>
 *   <li>{@code GET /} a page with a "log in" link, or the identity once logged in;</li>
 *   <li>{@code GET /login} starts the login: keeps the pending login in the server-side session and
 *       redirects to the provider;</li>
 *   <li>{@code GET /callback} completes it (state, PKCE, ID token and userinfo checked) and starts a
 *       fresh session holding the identity;</li>
 *   <li>{@code GET /me} shows name, masked personal ID, birth date and login provider;</li>
 *   <li>{@code GET /logout} ends the session and sends the browser to the provider's logout.</li>
 * </ul>
 * Sessions live in memory, keyed by an {@code HttpOnly}, {@code SameSite=Lax} cookie.
 */
public final class CitizenLoginWebApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CitizenLoginWebApp.class);
    private static final String COOKIE = "GOVSDK_DEMO_SESSION";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CitizenLoginClient client;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private static final class Session {
        volatile String pendingLogin;
        volatile CitizenIdentity identity;
        volatile Secret idToken;
    }

    private CitizenLoginWebApp(CitizenLoginClient client, InetSocketAddress address) throws IOException {
        this.client = Objects.requireNonNull(client, "client");
        this.server = HttpServer.create(address, 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "login-demo-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUrl = URI.create("http://" + address.getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    /**
     * Starts the application.
     *
     * @param client the login client, configured for the provider
     * @param address where to listen, for example {@code 127.0.0.1:0} for any free port
     * @return the running application; close it to stop
     */
    public static CitizenLoginWebApp start(CitizenLoginClient client, InetSocketAddress address) {
        try {
            return new CitizenLoginWebApp(client, address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /**
     * Returns the application's address.
     *
     * @return for example {@code http://127.0.0.1:8081}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, page("Không hỗ trợ", "<p>Method not allowed.</p>"));
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> home(exchange);
                case "/login" -> login(exchange);
                case "/callback" -> callback(exchange);
                case "/me" -> me(exchange);
                case "/logout" -> logout(exchange);
                default -> send(exchange, 404, page("Không tìm thấy", "<p>Not found.</p>"));
            }
        } catch (RuntimeException e) {
            LOG.warn("request failed: {}", e.toString());
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        Session session = session(exchange, false);
        if (session != null && session.identity != null) {
            redirect(exchange, "/me");
            return;
        }
        send(exchange, 200, page("Cổng dịch vụ công của sở (demo)",
                "<p>Đăng nhập để nộp hồ sơ trực tuyến.</p>\n"
                + "<p><a id=\"login\" href=\"/login\">Đăng nhập bằng tài khoản định danh điện tử (VNeID)</a></p>"));
    }

    private void login(HttpExchange exchange) throws IOException {
        Session session = session(exchange, true);
        AuthorizationRequest start = client.begin(URI.create(baseUrl + "/callback"));
        session.pendingLogin = start.pendingLogin().encode();
        redirect(exchange, start.authorizationUrl().toString());
    }

    private void callback(HttpExchange exchange) throws IOException {
        Session session = session(exchange, false);
        String pending = session == null ? null : session.pendingLogin;
        if (pending == null) {
            send(exchange, 400, page("Đăng nhập thất bại", "<p>Phiên đăng nhập không tồn tại; hãy "
                    + "<a href=\"/login\">đăng nhập lại</a>.</p>"));
            return;
        }
        session.pendingLogin = null;
        CitizenLogin login;
        try {
            login = client.complete(URI.create(baseUrl + exchange.getRequestURI().toString()), PendingLogin.decode(pending));
        } catch (LoginRefusedException e) {
            send(exchange, 400, page("Đăng nhập bị từ chối", "<p id=\"error\">" + escape(e.reason() + ": "
                    + e.getMessage()) + "</p><p><a href=\"/login\">Đăng nhập lại</a></p>"));
            return;
        } catch (GovSdkException e) {
            send(exchange, 502, page("Lỗi hệ thống xác thực", "<p id=\"error\">" + escape(e.getMessage()) + "</p>"));
            return;
        }
        // A fresh session id after login (no session fixation).
        sessions.remove(sessionId(exchange));
        Session fresh = newSession(exchange);
        fresh.identity = login.identity();
        fresh.idToken = login.tokens().idToken();
        LOG.info("citizen logged in: {}", login.identity());
        redirect(exchange, "/me");
    }

    private void me(HttpExchange exchange) throws IOException {
        Session session = session(exchange, false);
        CitizenIdentity who = session == null ? null : session.identity;
        if (who == null) {
            redirect(exchange, "/");
            return;
        }
        String provider = who.loggedInWithVneid() ? "VNeID (Bộ Công an)" : who.loginProvider().orElse("không rõ");
        String body = "<p>Xin chào, <strong id=\"greeting\">" + escape(who.fullName().orElse("")) + "</strong>.</p>\n"
                + "<dl>\n"
                + "<dt>Họ và tên</dt><dd id=\"full-name\">" + escape(who.fullName().orElse("")) + "</dd>\n"
                + "<dt>Số định danh cá nhân</dt><dd id=\"personal-id\">" + escape(who.maskedPersonalId().orElse("")) + "</dd>\n"
                + "<dt>Ngày sinh</dt><dd id=\"birth-date\">" + escape(who.birthDate().map(DMY::format).orElse("")) + "</dd>\n"
                + "<dt>Loại tài khoản</dt><dd id=\"account-type\">" + who.accountType() + "</dd>\n"
                + "<dt>Đăng nhập qua</dt><dd id=\"login-provider\">" + escape(provider) + "</dd>\n"
                + "<dt>Mức độ đảm bảo</dt><dd id=\"loa\">" + escape(who.levelOfAssurance().orElse("")) + "</dd>\n"
                + "</dl>\n<p><a id=\"logout\" href=\"/logout\">Đăng xuất</a></p>";
        send(exchange, 200, page("Thông tin công dân đã xác thực", body));
    }

    private void logout(HttpExchange exchange) throws IOException {
        Session session = session(exchange, false);
        sessions.remove(sessionId(exchange));
        if (session != null && session.idToken != null) {
            redirect(exchange, client.logoutUrl(session.idToken, URI.create(baseUrl + "/")).toString());
        } else {
            redirect(exchange, "/");
        }
    }

    private Session session(HttpExchange exchange, boolean create) {
        String id = sessionId(exchange);
        Session s = id == null ? null : sessions.get(id);
        if (s == null && create) {
            s = newSession(exchange);
        }
        return s;
    }

    private Session newSession(HttpExchange exchange) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Session s = new Session();
        sessions.put(id, s);
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
        return s;
    }

    private static String sessionId(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) {
                    return p.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;max-width:40em;margin:2em auto}dt{font-weight:bold}"
                + "</style></head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "\n</body>\n</html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
