package vn.govsdk.dataexchange.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.PortalSession;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Sleeper;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.core.internal.http.ErrorExtractor;
import vn.govsdk.core.internal.http.ErrorMapping;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.http.ServiceError;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.paging.Page;
import vn.govsdk.core.paging.PagedIterable;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.dataexchange.internal.portal.PortalValidation;
import vn.govsdk.dataexchange.internal.portal.PortalWire;

/**
 * Client of the national public-service portal (Cổng Dịch vụ công quốc gia, DVCQG) integration API:
 * the procedure catalogue, shared code lists, dossier sync, progress and status, ratings and Q&amp;A.
 *
 * <p>Every call is a JSON POST {@code {"session":…,"madonvi":…,"service":…,…}} with the
 * {@code dstcode} header (session and header come from {@link PortalSession}), to the integration
 * endpoint (writes and sync) or the share endpoint (catalogue reads). An answer whose
 * {@code error_code} is not 0 (compared as a number, so {@code "00"} is 0) becomes a
 * {@link GovServiceException} carrying the portal's code and message; HTTP errors become the
 * matching subclass. Input is validated before anything is sent: a bad value raises
 * {@link InvalidInputException} naming the field.
 *
 * <p>Dossier sync, progress, status, rating and answer calls are upserts on the portal and are sent as
 * {@link Operation#idempotentWrite(String)}: they are retried on transient failures, and a
 * redelivery (for example from an outbox after a crash) is harmless.
 *
 * <p>Immutable and thread-safe.
 */
public final class PortalClient {

    private static final Logger LOG = LoggerFactory.getLogger(PortalClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** The default page size of {@link #listProcedures()}. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    private final GovHttpPipeline pipeline;
    private final HttpUrl integrationUrl;
    private final HttpUrl shareUrl;
    private final String unitCode;
    private final int pageSize;

    private PortalClient(Builder b, PortalSession session, HttpUrl integrationUrl, HttpUrl shareUrl) {
        this.integrationUrl = integrationUrl;
        this.shareUrl = shareUrl;
        this.unitCode = b.unitCode;
        this.pageSize = b.pageSize;
        GovHttpPipeline.Builder p = GovHttpPipeline.builder(b.transport).auth(session)
                .errorExtractor(ErrorExtractor.json());
        if (b.retryPolicy != null) {
            p.retryPolicy(b.retryPolicy);
        }
        if (b.timeouts != null) {
            p.timeouts(b.timeouts);
        }
        if (b.clock != null) {
            p.clock(b.clock);
        }
        if (b.sleeper != null) {
            p.sleeper(b.sleeper);
        }
        this.pipeline = p.build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the unit code ({@code madonvi}) sent with every call.
     *
     * @return the unit code
     */
    public String unitCode() {
        return unitCode;
    }

    // ---- catalogue ------------------------------------------------------------------------

    /**
     * Lists the procedures (thủ tục hành chính) of the catalogue ({@code LayDanhSachTTHC}), lazily,
     * page by page ({@code PageIndex} from 1, {@code PageSize}); a page shorter than the page size is
     * the last. The continuation token is the next page number.
     *
     * @return the procedures
     */
    public PagedIterable<ProcedureSummary> listProcedures() {
        return new PagedIterable<>(token -> {
            int index = token == null ? 1 : parsePageToken(token);
            ObjectNode params = PortalWire.object().put("PageIndex", index).put("PageSize", pageSize);
            List<ProcedureSummary> items = new ArrayList<>();
            for (JsonNode n : PortalWire.items(call(shareUrl, "LayDanhSachTTHC", Operation.read("LayDanhSachTTHC"),
                    params).result())) {
                items.add(PortalWire.procedureSummary(n));
            }
            return new Page<>(items, items.size() < pageSize ? null : Integer.toString(index + 1));
        });
    }

    private static int parsePageToken(String token) {
        if (!token.matches("[1-9][0-9]{0,8}")) {
            throw new InvalidInputException("continuationToken", "must be a page number");
        }
        return Integer.parseInt(token);
    }

    /**
     * Reads one procedure in full ({@code LayThuTuc}).
     *
     * @param procedureCode the national procedure code ({@code MaTTHC})
     * @return the procedure
     * @throws vn.govsdk.core.NotFoundException when the portal returns no procedure
     */
    public Procedure getProcedure(String procedureCode) {
        PortalValidation.procedureCode("procedureCode", procedureCode);
        Answer answer = call(shareUrl, "LayThuTuc", Operation.read("LayThuTuc"),
                PortalWire.object().put("MaTTHC", procedureCode));
        List<JsonNode> items = PortalWire.items(answer.result());
        if (items.isEmpty()) {
            throw new vn.govsdk.core.NotFoundException(200, null, "no procedure " + procedureCode,
                    answer.requestId(), answer.attempts());
        }
        return PortalWire.procedure(items.get(0));
    }

    /**
     * Lists the public services (dịch vụ công) of a procedure ({@code LayDVC}).
     *
     * @param procedureCode the procedure code
     * @return the services, possibly empty
     */
    public List<PublicService> listPublicServices(String procedureCode) {
        PortalValidation.procedureCode("procedureCode", procedureCode);
        List<PublicService> out = new ArrayList<>();
        for (JsonNode n : PortalWire.items(call(shareUrl, "LayDVC", Operation.read("LayDVC"),
                PortalWire.object().put("MaTTHC", procedureCode)).result())) {
            out.add(PortalWire.publicService(n));
        }
        return List.copyOf(out);
    }

    /**
     * Reads a shared code list ({@code LayDanhMuc*}).
     *
     * @param kind the list
     * @return the list
     */
    public CodeList getCodeList(CodeListKind kind) {
        return getCodeList(kind, null);
    }

    /**
     * Reads a shared code list under a parent (districts or wards of a province, {@code MaCha}).
     * Since the 2025 reform many provinces have no district level: an empty or absent district list
     * gives an empty {@link CodeList}, never an error.
     *
     * @param kind the list
     * @param parentCode the parent code, or {@code null}
     * @return the list
     */
    public CodeList getCodeList(CodeListKind kind, String parentCode) {
        if (kind == null) {
            throw new InvalidInputException("kind", "is required");
        }
        ObjectNode params = PortalWire.object();
        if (parentCode != null) {
            PortalValidation.unitCode("parentCode", parentCode);
            params.put("MaCha", parentCode);
        }
        List<CodeList.Entry> entries = new ArrayList<>();
        for (JsonNode n : PortalWire.items(call(shareUrl, kind.service(), Operation.read(kind.service()), params)
                .result())) {
            CodeList.Entry e = PortalWire.codeEntry(n);
            if (e != null) {
                entries.add(e);
            }
        }
        return new CodeList(kind, parentCode, entries);
    }

    // ---- dossiers -------------------------------------------------------------------------

    /**
     * Looks a dossier up on the portal ({@code TraCuuHoSo}).
     *
     * @param dossierCode the dossier code ({@code MaHoSo})
     * @return the dossier, or empty when the portal does not know it
     */
    public Optional<DossierSummary> findDossier(String dossierCode) {
        PortalValidation.dossierCode("dossierCode", dossierCode);
        Answer answer = call(integrationUrl, "TraCuuHoSo", Operation.read("TraCuuHoSo"),
                PortalWire.object().put("MaHoSo", dossierCode));
        List<JsonNode> items = PortalWire.items(answer.result());
        return items.isEmpty() ? Optional.empty() : Optional.of(PortalWire.dossierSummary(items.get(0)));
    }

    /**
     * Synchronises a dossier: validates it, asks the portal whether it knows it ({@code TraCuuHoSo}),
     * then sends it with {@code DongBoHoSoMC} and {@code isUpdating} "True" (known) or "False" (new).
     * An upsert: sending the same dossier again is harmless.
     *
     * @param dossier the dossier
     * @return whether it was created or updated
     * @throws InvalidInputException naming the first invalid field; nothing is sent
     * @throws GovServiceException when the portal refuses it (its {@code error_code})
     * @throws vn.govsdk.core.TransportException when the portal cannot be reached
     */
    public DossierSyncResult syncDossier(Dossier dossier) {
        PortalValidation.dossier(dossier);
        ObjectNode element = PortalWire.dossier(dossier);
        boolean exists = findDossier(dossier.code()).isPresent();
        ObjectNode params = PortalWire.object().put("isUpdating", exists ? "True" : "False");
        params.putArray("data").add(element);
        Answer answer = call(integrationUrl, "DongBoHoSoMC", Operation.idempotentWrite("DongBoHoSoMC"), params);
        LOG.debug("Dossier {} synced ({})", dossier.code(), exists ? "updated" : "created");
        return new DossierSyncResult(dossier.code(), !exists, answer.requestId());
    }

    /**
     * Reports one processing step ({@code CapNhatTienDoHoSoMC}). An upsert keyed by dossier and time.
     *
     * @param progress the step
     * @throws InvalidInputException naming the first invalid field; nothing is sent
     * @throws GovServiceException when the portal refuses it, e.g. for a dossier it does not know
     */
    public void reportProgress(ProgressUpdate progress) {
        PortalValidation.progress(progress);
        ObjectNode params = PortalWire.object();
        params.putArray("data").add(PortalWire.progress(progress));
        call(integrationUrl, "CapNhatTienDoHoSoMC", Operation.idempotentWrite("CapNhatTienDoHoSoMC"), params);
    }

    /**
     * Reports a dossier's status ({@code DongBoTrangThaiHoSo}). An upsert.
     *
     * @param update the status
     * @throws InvalidInputException naming the first invalid field; nothing is sent
     * @throws GovServiceException when the portal refuses it (unknown dossier, transition not allowed)
     */
    public void reportStatus(StatusUpdate update) {
        PortalValidation.status(update);
        ObjectNode params = PortalWire.object();
        params.putArray("data").add(PortalWire.status(update));
        call(integrationUrl, "DongBoTrangThaiHoSo", Operation.idempotentWrite("DongBoTrangThaiHoSo"), params);
    }

    /**
     * Syncs a citizen's rating of a dossier ({@code DongBoDanhGia}). An upsert.
     *
     * @param rating the rating
     * @throws InvalidInputException naming the first invalid field; nothing is sent
     */
    public void syncRating(Rating rating) {
        PortalValidation.rating(rating);
        ObjectNode params = PortalWire.object();
        params.putArray("data").add(PortalWire.rating(rating));
        call(integrationUrl, "DongBoDanhGia", Operation.idempotentWrite("DongBoDanhGia"), params);
    }

    /**
     * Lists the questions citizens sent to this unit through the portal ({@code LayDanhSachHoiDapGuiTuDVCQG}).
     *
     * @return the questions
     */
    public List<Question> listQuestions() {
        List<Question> out = new ArrayList<>();
        for (JsonNode n : PortalWire.items(call(integrationUrl, "LayDanhSachHoiDapGuiTuDVCQG",
                Operation.read("LayDanhSachHoiDapGuiTuDVCQG"), PortalWire.object()).result())) {
            out.add(PortalWire.question(n));
        }
        return List.copyOf(out);
    }

    /**
     * Sends the answer to a portal question ({@code DongBoKetQuaHoiDapGuiTuDVCQG}). An upsert.
     *
     * @param answer the answer
     * @throws InvalidInputException naming the first invalid field; nothing is sent
     * @throws GovServiceException when the portal refuses it (e.g. unknown question)
     */
    public void answerQuestion(vn.govsdk.dataexchange.portal.Answer answer) {
        PortalValidation.answer(answer);
        ObjectNode params = PortalWire.object();
        params.putArray("data").add(PortalWire.answer(answer));
        call(integrationUrl, "DongBoKetQuaHoiDapGuiTuDVCQG", Operation.idempotentWrite("DongBoKetQuaHoiDapGuiTuDVCQG"),
                params);
    }

    /**
     * Lists the questions and answers this agency published on the portal ({@code LayDanhSachHoiDapBoCoQuan}).
     *
     * @return the questions
     */
    public List<Question> listAgencyQuestions() {
        List<Question> out = new ArrayList<>();
        for (JsonNode n : PortalWire.items(call(integrationUrl, "LayDanhSachHoiDapBoCoQuan",
                Operation.read("LayDanhSachHoiDapBoCoQuan"), PortalWire.object()).result())) {
            out.add(PortalWire.question(n));
        }
        return List.copyOf(out);
    }

    /**
     * Reads the answer the portal holds for a question ({@code LayNoiDungTraLoiTheoCauHoi}).
     *
     * @param questionId the question ({@code MaCauHoi})
     * @return the answer text, or empty when the question has none yet
     */
    public Optional<String> getAnswer(String questionId) {
        PortalValidation.unitCode("questionId", questionId);
        List<JsonNode> items = PortalWire.items(call(integrationUrl, "LayNoiDungTraLoiTheoCauHoi",
                Operation.read("LayNoiDungTraLoiTheoCauHoi"), PortalWire.object().put("MaCauHoi", questionId)).result());
        return items.stream().map(n -> PortalWire.text(n, "NoiDungTraLoi")).filter(t -> t != null && !t.isBlank())
                .findFirst();
    }

    /**
     * Publishes a question the agency received itself, with its answer ({@code DongBoHoiDap}). An upsert keyed by
     * the question id.
     *
     * @param question the question (id, title, content, askedAt required)
     * @param answer its answer; {@code answer.questionId()} must equal {@code question.id()}
     * @throws InvalidInputException naming the first invalid field; nothing is sent
     */
    public void syncQuestionAndAnswer(Question question, vn.govsdk.dataexchange.portal.Answer answer) {
        PortalValidation.question(question);
        PortalValidation.answer(answer);
        if (!question.id().equals(answer.questionId())) {
            throw new InvalidInputException("answer.questionId", "must equal question.id");
        }
        ObjectNode element = PortalWire.question(question);
        element.setAll(PortalWire.answer(answer));
        ObjectNode params = PortalWire.object();
        params.putArray("data").add(element);
        call(integrationUrl, "DongBoHoiDap", Operation.idempotentWrite("DongBoHoiDap"), params);
    }

    // ---- transport ------------------------------------------------------------------------

    private record Answer(JsonNode result, String requestId, int attempts) {
    }

    private Answer call(HttpUrl url, String service, Operation operation, ObjectNode params) {
        ObjectNode body = PortalWire.object();
        body.put("madonvi", unitCode);
        body.put("service", service);
        body.setAll(params);
        Request request = new Request.Builder().url(url).header("Accept", "application/json")
                .header("Charset", "utf-8").post(RequestBody.create(GovJson.write(body), JSON)).build();
        GovResponse response = pipeline.execute(operation, request);
        JsonNode tree;
        try {
            tree = GovJson.readTree(response.body());
        } catch (RuntimeException e) {
            throw new ResponseDecodingException("portal answer to " + service + " is not JSON", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ResponseDecodingException("portal answer to " + service + " is not a JSON object", null);
        }
        String code = PortalWire.text(tree, "error_code");
        if (code == null) {
            throw new ResponseDecodingException("portal answer to " + service + " has no error_code", null);
        }
        if (!isZero(code)) {
            String message = PortalWire.text(tree, "message", "error_message", "msg");
            throw ErrorMapping.toException(0, new ServiceError(code,
                    message == null ? null : PersonalDataMasker.standard().maskText(message)),
                    response.requestId(), response.attempts(), null);
        }
        return new Answer(tree.get("result"), response.requestId(), response.attempts());
    }

    private static boolean isZero(String code) {
        String c = code.trim();
        if (!c.matches("-?[0-9]{1,9}")) {
            return false;
        }
        return Integer.parseInt(c) == 0;
    }

    /**
     * Describes the client.
     *
     * @return the endpoints and unit code (no credentials)
     */
    @Override
    public String toString() {
        return "PortalClient[integration=" + integrationUrl + ", share=" + shareUrl + ", madonvi=" + unitCode + "]";
    }

    /** Builds a {@link PortalClient}; not thread-safe. */
    public static final class Builder {
        private URI endpoint;
        private String authPath = "/auth";
        private String integrationPath = "/integration";
        private String sharePath = "/share";
        private String username;
        private Secret password;
        private String dstcode;
        private PortalSession session;
        private String unitCode;
        private HttpTransport transport;
        private RetryPolicy retryPolicy;
        private Timeouts timeouts;
        private Clock clock;
        private Sleeper sleeper;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /**
         * Sets the portal's adapter URL ({@code adapter_url}, required).
         *
         * @param endpoint an absolute http(s) URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets the login path ({@code auth_endpoint}); {@code /auth} by default.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder authPath(String path) {
            this.authPath = path;
            return this;
        }

        /**
         * Sets the integration path ({@code integration_endpoint}, writes and sync); {@code /integration} by default.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder integrationPath(String path) {
            this.integrationPath = path;
            return this;
        }

        /**
         * Sets the share path ({@code share_endpoint}, catalogue reads); {@code /share} by default.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder sharePath(String path) {
            this.sharePath = path;
            return this;
        }

        /**
         * Sets the account ({@code username}, {@code password}) and destination code ({@code dstcode});
         * the session login goes to endpoint + auth path. Either this or {@link #session(PortalSession)}.
         *
         * @param username the account
         * @param password the password
         * @param dstcode the destination code
         * @return this builder
         */
        public Builder credentials(String username, Secret password, String dstcode) {
            this.username = username;
            this.password = password;
            this.dstcode = dstcode;
            return this;
        }

        /**
         * Sets a fully configured session scheme (its own login URI, header names, expiry codes).
         *
         * @param session the scheme
         * @return this builder
         */
        public Builder session(PortalSession session) {
            this.session = session;
            return this;
        }

        /**
         * Sets the unit code ({@code madonvi}, required).
         *
         * @param unitCode the unit code issued by the portal
         * @return this builder
         */
        public Builder unitCode(String unitCode) {
            this.unitCode = unitCode;
            return this;
        }

        /**
         * Sets the HTTP transport (required; the client never closes it).
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder httpClient(HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Sets the retry policy; the core default otherwise.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Sets the timeouts; the core default (read 60 s) otherwise.
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = timeouts;
            return this;
        }

        /**
         * Sets the clock (deadlines, session expiry).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the sleeper used between retries (tests pass one that does not wait).
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * Sets the page size of {@link #listProcedures()}; 50 by default.
         *
         * @param pageSize 1 to 1000
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming the first missing or invalid setting
         */
        public PortalClient build() {
            if (endpoint == null) {
                throw new InvalidInputException("endpoint", "is required");
            }
            String base = endpoint.toString().replaceAll("/+$", "");
            HttpUrl baseUrl = HttpUrl.parse(base);
            if (baseUrl == null) {
                throw new InvalidInputException("endpoint", "must be an absolute http or https URI");
            }
            if (transport == null) {
                throw new InvalidInputException("httpClient", "is required");
            }
            PortalValidation.unitCode("unitCode", unitCode);
            if (pageSize < 1 || pageSize > 1000) {
                throw new InvalidInputException("pageSize", "must be between 1 and 1000");
            }
            HttpUrl integration = HttpUrl.get(base + path("integrationPath", integrationPath));
            HttpUrl share = HttpUrl.get(base + path("sharePath", sharePath));
            PortalSession s = session;
            if (s == null) {
                if (username == null || password == null || dstcode == null) {
                    throw new InvalidInputException("credentials", "is required (username, password and dstcode), or a session");
                }
                s = PortalSession.builder().authUri(URI.create(base + path("authPath", authPath)))
                        .username(username).password(password).dstcode(dstcode).build();
            }
            return new PortalClient(this, s, integration, share);
        }

        private static String path(String field, String p) {
            if (p == null || !p.matches("/[A-Za-z0-9._~/-]*")) {
                throw new InvalidInputException(field, "must start with '/' and hold only letters, digits and . _ ~ / -"
                        + " (no spaces or invisible characters)");
            }
            return p;
        }
    }
}
