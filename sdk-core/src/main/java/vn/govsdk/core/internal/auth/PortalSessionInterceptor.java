package vn.govsdk.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.TransportException;
import vn.govsdk.core.auth.PortalSession;
import vn.govsdk.core.internal.auth.CredentialCache.Credential;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The public-service portal's session: logs in once, sends {@code dstcode} on every call, puts the
 * session into every JSON object body, and logs in again once per call when the session expires.
 */
final class PortalSessionInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PortalSessionInterceptor.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final PortalSession auth;
    private final OkHttpClient tokenClient;
    private final Headers loginHeaders;
    private final HttpUrl loginUrl;
    private final String maskedLoginUri;
    private final Set<String> expiredCodes;
    private final CredentialCache cache;

    PortalSessionInterceptor(PortalSession auth, OkHttpClient tokenClient, Clock clock, Headers extraHeaders) {
        this.auth = auth;
        this.tokenClient = tokenClient;
        this.loginHeaders = extraHeaders.newBuilder().set(auth.dstcodeHeader(), auth.dstcode())
                .set("Accept", "application/json").build();
        this.loginUrl = HttpUrl.get(auth.authUri().toString());
        this.maskedLoginUri = PersonalDataMasker.standard().maskText(loginUrl.toString());
        this.expiredCodes = auth.expiredSessionCodes().stream().map(AuthJson::normalizeCode).collect(Collectors.toSet());
        this.cache = new CredentialCache(this::login, clock);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        byte[] jsonBody = null;
        if (body != null && AuthJson.isJson(body.contentType())) {
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            jsonBody = buffer.readByteArray();
        }
        boolean resendable = body == null || jsonBody != null || !body.isOneShot();

        String session = cache.get(null);
        Response response = chain.proceed(withSession(request, jsonBody, session));
        String expired = expiredSignal(response);
        if (expired == null) {
            return response;
        }
        if (!resendable) {
            cache.invalidate(session);
            throw refused(response, expired, 1, session);
        }
        response.close();
        LOG.debug("Portal session refused ({}); logging in again and sending once more", expired);
        String renewed = cache.get(session);
        Response second = chain.proceed(withSession(request, jsonBody, renewed));
        String expiredAgain = expiredSignal(second);
        if (expiredAgain == null) {
            return second;
        }
        cache.invalidate(renewed);
        throw refused(second, expiredAgain, 2, session, renewed);
    }

    private Request withSession(Request request, byte[] jsonBody, String session) {
        Request.Builder builder = request.newBuilder().header(auth.dstcodeHeader(), auth.dstcode());
        if (jsonBody != null) {
            builder.method(request.method(), RequestBody.create(insertSession(jsonBody, session),
                    request.body().contentType()));
        }
        return builder.build();
    }

    /** Puts the session first in a JSON object; any other body is sent unchanged. */
    private byte[] insertSession(byte[] json, String session) {
        JsonNode tree;
        try {
            tree = AuthJson.MAPPER.readTree(json);
        } catch (IOException notJson) {
            return json;
        }
        if (tree == null || !tree.isObject()) {
            return json;
        }
        ObjectNode rewritten = AuthJson.MAPPER.createObjectNode().put(auth.sessionMember(), session);
        for (var member : tree.properties()) {
            if (!member.getKey().equals(auth.sessionMember())) {
                rewritten.set(member.getKey(), member.getValue());
            }
        }
        try {
            return AuthJson.MAPPER.writeValueAsBytes(rewritten);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written back", e);
        }
    }

    /** Why the answer says the session is no good ("HTTP 401" or "error_code X"), or {@code null}. */
    private String expiredSignal(Response response) throws IOException {
        if (response.code() == 401) {
            return "HTTP 401";
        }
        if (expiredCodes.isEmpty() || !looksLikeJson(response)) {
            return null;
        }
        ResponseBody peeked = response.peekBody(AuthJson.MAX_ANSWER_BYTES + 1L);
        byte[] bytes = peeked.bytes();
        if (bytes.length > AuthJson.MAX_ANSWER_BYTES) {
            return null; // an expired-session answer is small; a large one carries data
        }
        JsonNode tree;
        try {
            tree = AuthJson.MAPPER.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
        String code = AuthJson.member(tree, "error_code");
        if (code != null && expiredCodes.contains(AuthJson.normalizeCode(code))) {
            return "error_code " + code;
        }
        return null;
    }

    private static boolean looksLikeJson(Response response) {
        MediaType type = response.body() == null ? null : response.body().contentType();
        return type == null || AuthJson.isJson(type) || type.subtype().equalsIgnoreCase("plain");
    }

    private static RuntimeException refused(Response response, String signal, int attempts, String... sessions)
            throws IOException {
        try (response) {
            JsonNode body = AuthJson.readLenient(response);
            if (response.code() == 401) {
                return AuthJson.failure(response, body, attempts, sessions);
            }
            String code = AuthJson.member(body, "error_code");
            String message = AuthJson.member(body, "message", "error_message", "msg");
            return new AuthenticationFailedException(0, code,
                    message == null ? "session refused (" + signal + ")" : AuthJson.safeMessage(message, sessions),
                    null, attempts);
        }
    }

    private Credential login() {
        ObjectNode credentials = AuthJson.MAPPER.createObjectNode()
                .put("username", auth.username())
                .put("password", auth.password().value());
        Request request;
        try {
            request = new Request.Builder().url(loginUrl).headers(loginHeaders)
                    .post(RequestBody.create(AuthJson.MAPPER.writeValueAsBytes(credentials), JSON)).build();
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
        LOG.debug("Logging in to the portal at {}", maskedLoginUri);
        try (Response response = tokenClient.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw AuthJson.failure(response, AuthJson.readLenient(response), 1, auth.password().value());
            }
            JsonNode answer = AuthJson.readObject(response, "login answer from " + maskedLoginUri);
            String code = AuthJson.member(answer, "error_code");
            if (code != null && !AuthJson.normalizeCode(code).equals("0")) {
                String message = AuthJson.member(answer, "message", "error_message", "msg");
                throw new AuthenticationFailedException(0, code,
                        message == null ? "portal login refused" : AuthJson.safeMessage(message, auth.password().value()),
                        null, 1);
            }
            String session = AuthJson.member(answer, auth.sessionMember());
            if (session == null) {
                throw new ResponseDecodingException("login answer from " + maskedLoginUri + " has no "
                        + auth.sessionMember(), null);
            }
            LOG.debug("Logged in to the portal at {}", maskedLoginUri);
            return new Credential(session, null);
        } catch (IOException e) {
            throw new TransportException("portal login at " + maskedLoginUri + " failed ("
                    + e.getClass().getSimpleName() + ")", 1, e);
        }
    }
}
