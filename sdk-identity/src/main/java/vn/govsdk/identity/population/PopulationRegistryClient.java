package vn.govsdk.identity.population;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.http.ClientBuilder;
import vn.govsdk.core.http.ClientOptions;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.Sleeper;
import vn.govsdk.core.id.PersonalIdentifier;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.polling.PollResponse;
import vn.govsdk.core.polling.PollStatus;
import vn.govsdk.core.polling.Poller;
import vn.govsdk.identity.internal.population.SoapReader;
import vn.govsdk.identity.internal.population.SoapWriter;

/**
 * The National Population Database (Cơ sở dữ liệu quốc gia về dân cư, C06) client: SOAP 1.1 over
 * HTTP in the namespace {@code http://dancuquocgia.bca}. Final, immutable and thread-safe; build one
 * per endpoint and share it.
 *
 * <p>The access route follows from the credentials given:
 * <ul>
 *   <li>direct ({@link Builder#credentials(PopulationDbBasic)}): the timestamped SHA-256 Basic
 *       scheme with the X-Road headers, fresh on every attempt;</li>
 *   <li>through a provincial data-sharing platform (LGSP,
 *       {@link Builder#credentials(ClientCredentials, LgspAccessToken)}): a cached client-credentials
 *       Bearer token plus the {@code lgspaccesstoken} header.</li>
 * </ul>
 *
 * <pre>{@code
 * try (PopulationRegistryClient c06 = PopulationRegistryClient.builder()
 *         .endpoint(URI.create("https://c06.example.gov.vn/dancu"))
 *         .credentials(PopulationDbBasic.builder().username("u").secretKey(Secret.fromFile(path)).build())
 *         .callOptions(CallOptions.builder().serviceCode("VPCP").integrationCode("037")
 *                 .officerAccount("canbo01").build())
 *         .build()) {
 *     CitizenRecord who = c06.lookupCitizen(CitizenId.of("001203012345"));
 *     Verification v = c06.verifyCitizen(CitizenQuery.builder("001203012345")
 *             .fullName("Nguyễn Văn An").birthDate(BirthDate.parse("2003-05-01")).build());
 * }
 * }</pre>
 *
 * <p>Every call sends a fresh request id (MaYeuCau). Invalid input is refused with
 * {@link InvalidInputException} before anything is sent. SOAP faults become
 * {@link GovServiceException} carrying the service's code ({@link PopulationErrorCodes}); "not
 * found" is a {@link vn.govsdk.core.NotFoundException}. Answers are parsed with the hardened XML
 * parser: a DTD or external entity gives {@link ResponseDecodingException}.
 */
public final class PopulationRegistryClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PopulationRegistryClient.class);

    /** The default interval between polls of an asynchronous request. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    private final URI endpoint;
    private final HttpUrl url;
    private final GovHttpPipeline pipeline;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final CallOptions defaults;
    private final Supplier<String> requestIds;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final String route;

    private PopulationRegistryClient(Builder b, ClientOptions o, GatewayAuth auth) {
        this.endpoint = b.endpoint;
        this.url = HttpUrl.get(b.endpoint.toString());
        this.ownsTransport = o.sharedTransport().isEmpty();
        this.transport = ownsTransport ? HttpTransport.create() : o.transport();
        this.defaults = b.callOptions;
        this.requestIds = b.requestIds;
        this.clock = o.clock();
        this.sleeper = o.sleeper();
        this.pollInterval = b.pollInterval;
        this.route = b.direct != null ? "direct" : "lgsp";
        GovHttpPipeline.Builder p = GovHttpPipeline.builder(transport).options(o).auth(auth)
                .errorExtractor(SoapReader.faultExtractor());
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
     * Returns the SOAP endpoint this client posts to.
     *
     * @return the endpoint
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Looks up a citizen by identifier alone (TraCuuThongTinCongDan).
     *
     * @param subject the citizen ID or legacy ID number
     * @return the record
     * @throws vn.govsdk.core.NotFoundException when the database holds no such citizen
     * @throws GovServiceException for any other refusal
     */
    public CitizenRecord lookupCitizen(PersonalIdentifier subject) {
        return lookupCitizen(CitizenQuery.of(subject));
    }

    /**
     * Looks up a citizen (TraCuuThongTinCongDan), sending the name and birth date when the query has them.
     *
     * @param query the subject and optional details
     * @return the record
     * @throws vn.govsdk.core.NotFoundException when the database holds no such citizen
     * @throws GovServiceException for any other refusal
     */
    public CitizenRecord lookupCitizen(CitizenQuery query) {
        String op = "TraCuuThongTinCongDan";
        Element answer = call(op, Operation.read(op), query, w -> w.subject(query.subject())
                .details(query.fullName(), query.birthDate()));
        Element citizen = SoapReader.dan(answer, "CongDan")
                .orElseThrow(() -> new ResponseDecodingException(op + ": the answer has no CongDan", null));
        return SoapReader.citizen(citizen);
    }

    /**
     * Verifies a citizen's details against the database (XacThucThongTinCongDan).
     *
     * @param query the subject with the full name, the birth date, or both
     * @return which details matched; {@link Verification#exists()} is false for an unknown identifier
     * @throws InvalidInputException naming {@code query} when neither name nor birth date is given
     * @throws GovServiceException for a refusal
     */
    public Verification verifyCitizen(CitizenQuery query) {
        requireQuery(query);
        if (query.fullName().isEmpty() && query.birthDate().isEmpty()) {
            throw new InvalidInputException("query", "must carry a full name, a birth date or both to verify");
        }
        String op = "XacThucThongTinCongDan";
        Element answer = call(op, Operation.read(op), query, w -> w.subject(query.subject())
                .details(query.fullName(), query.birthDate()));
        Element result = SoapReader.dan(answer, "KetQuaXacThuc")
                .orElseThrow(() -> new ResponseDecodingException(op + ": the answer has no KetQuaXacThuc", null));
        boolean exists = bool(SoapReader.required(result, "TonTai"), "TonTai");
        Set<VerifiedField> matched = EnumSet.noneOf(VerifiedField.class);
        Set<VerifiedField> mismatched = EnumSet.noneOf(VerifiedField.class);
        for (VerifiedField f : VerifiedField.values()) {
            String v = SoapReader.text(result, f.elementName());
            if (v != null) {
                (bool(v, f.elementName()) ? matched : mismatched).add(f);
            }
        }
        return new Verification(exists, matched, mismatched);
    }

    /**
     * Verifies a citizen's marital status (XacMinhTinhTrangHonNhan).
     *
     * @param query the subject, optionally with name and birth date
     * @return the recorded status and spouse
     * @throws vn.govsdk.core.NotFoundException when the database holds no such citizen
     * @throws GovServiceException for any other refusal
     */
    public MaritalStatusResult verifyMaritalStatus(CitizenQuery query) {
        String op = "XacMinhTinhTrangHonNhan";
        Element answer = call(op, Operation.read(op), query, w -> w.subject(query.subject())
                .details(query.fullName(), query.birthDate()));
        Element status = SoapReader.dan(answer, "TinhTrangHonNhan")
                .orElseThrow(() -> new ResponseDecodingException(op + ": the answer has no TinhTrangHonNhan", null));
        MaritalStatus value;
        try {
            value = MaritalStatus.fromCode(SoapReader.required(status, "MaTinhTrang"));
        } catch (IllegalArgumentException e) {
            throw new ResponseDecodingException(op + ": unknown MaTinhTrang", null);
        }
        return new MaritalStatusResult(SoapReader.citizenId(SoapReader.required(status, "SoDinhDanh"), "SoDinhDanh"),
                value, SoapReader.person(status, "VoChong"));
    }

    /**
     * Gets the household a citizen belongs to (CungCapThongTinHoGiaDinh).
     *
     * @param query the subject (any member of the household)
     * @return the household with every member
     * @throws vn.govsdk.core.NotFoundException when the database holds no such citizen
     * @throws GovServiceException for any other refusal
     */
    public Household getHousehold(CitizenQuery query) {
        String op = "CungCapThongTinHoGiaDinh";
        Element answer = call(op, Operation.read(op), query, w -> w.subject(query.subject())
                .details(query.fullName(), query.birthDate()));
        Element h = SoapReader.dan(answer, "HoGiaDinh")
                .orElseThrow(() -> new ResponseDecodingException(op + ": the answer has no HoGiaDinh", null));
        List<HouseholdMember> members = new ArrayList<>();
        for (Element m : SoapReader.dans(h, "ThanhVien")) {
            members.add(new HouseholdMember(SoapReader.citizenId(SoapReader.required(m, "SoDinhDanh"), "ThanhVien/SoDinhDanh"),
                    SoapReader.required(m, "HoVaTen"), SoapReader.birthDate(m), SoapReader.gender(m),
                    HouseholdRelationship.fromLabel(SoapReader.text(m, "QuanHeVoiChuHo"))));
        }
        return new Household(SoapReader.required(h, "SoHoKhau"), SoapReader.text(h, "DiaChi"), members);
    }

    /**
     * Submits an asynchronous batch lookup (GuiYeuCauTraCuu) and returns a poller that follows it
     * with GetRequestStatus and, once done, fetches GetRequestResult. The submission happens now;
     * polling happens when the poller is polled or awaited.
     *
     * @param subjects 1 to 1000 identifiers
     * @return the poller; its value is the batch result
     * @throws InvalidInputException naming {@code subjects} when empty, too many or containing null
     */
    public Poller<BatchLookupResult> beginBatchLookup(List<? extends PersonalIdentifier> subjects) {
        return beginBatchLookup(subjects, CallOptions.none());
    }

    /**
     * Submits an asynchronous batch lookup with per-call caller fields; see
     * {@link #beginBatchLookup(List)}.
     *
     * @param subjects 1 to 1000 identifiers
     * @param override the per-call overrides
     * @return the poller
     */
    public Poller<BatchLookupResult> beginBatchLookup(List<? extends PersonalIdentifier> subjects, CallOptions override) {
        if (subjects == null || subjects.isEmpty() || subjects.size() > 1000) {
            throw new InvalidInputException("subjects", "must hold 1 to 1000 identifiers");
        }
        if (subjects.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("subjects", "must not contain null");
        }
        List<PersonalIdentifier> copy = List.copyOf(subjects);
        CallOptions options = merged(override);
        String submit = "GuiYeuCauTraCuu";
        Element ack = send(submit, Operation.write(submit), options, w -> w.subjects(copy));
        String handle = SoapReader.required(ack, "MaYeuCauXuLy");
        LOG.debug("{} accepted {} subjects", submit, copy.size());
        return Poller.<BatchLookupResult>builder("population batch lookup", () -> pollBatch(handle, options))
                .interval(pollInterval).clock(clock).sleeper(sleeper).build();
    }

    private PollResponse<BatchLookupResult> pollBatch(String handle, CallOptions options) {
        String op = "GetRequestStatus";
        Element status = send(op, Operation.read(op), options, w -> w.element("MaYeuCauXuLy", handle));
        String state = SoapReader.required(status, "TrangThai");
        switch (state) {
            case "PENDING":
                return PollResponse.inProgress();
            case "FAILED":
                return PollResponse.ended(PollStatus.FAILED, "the population database reports the request failed");
            case "DONE":
                break;
            default:
                throw new ResponseDecodingException(op + ": unknown TrangThai " + state, null);
        }
        String get = "GetRequestResult";
        Element result = send(get, Operation.read(get), options, w -> w.element("MaYeuCauXuLy", handle));
        List<CitizenRecord> found = new ArrayList<>();
        SoapReader.dan(result, "DanhSachCongDan").ifPresent(list -> {
            for (Element c : SoapReader.dans(list, "CongDan")) {
                found.add(SoapReader.citizen(c));
            }
        });
        List<PersonalIdentifier> notFound = new ArrayList<>();
        SoapReader.dan(result, "KhongTimThay").ifPresent(list -> {
            for (Element e : SoapReader.children(list)) {
                try {
                    notFound.add(PersonalIdentifier.parse(e.getTextContent()));
                } catch (InvalidInputException ex) {
                    throw new ResponseDecodingException(get + ": KhongTimThay holds an invalid identifier", null);
                }
            }
        });
        return PollResponse.succeeded(new BatchLookupResult(handle, found, notFound));
    }

    private static boolean bool(String text, String element) {
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new ResponseDecodingException("the answer's " + element + " is not a boolean", null);
        };
    }

    private static void requireQuery(CitizenQuery query) {
        if (query == null) {
            throw new InvalidInputException("query", "must not be null");
        }
    }

    private Element call(String op, Operation operation, CitizenQuery query,
            java.util.function.UnaryOperator<SoapWriter> body) {
        requireQuery(query);
        CallOptions options = merged(query.callOptions());
        LOG.debug("{} ({} route) for {}", op, route, query.subject());
        return send(op, operation, options, body);
    }

    private CallOptions merged(CallOptions override) {
        CallOptions options = defaults.overriddenBy(override);
        if (options.serviceCode().isEmpty()) {
            throw new InvalidInputException("serviceCode", "must be set on the client or the call (MaDVC)");
        }
        if (options.integrationCode().isEmpty()) {
            throw new InvalidInputException("integrationCode", "must be set on the client or the call (MaTichHop)");
        }
        if (options.officerAccount().isEmpty()) {
            throw new InvalidInputException("officerAccount", "must be set on the client or the call (MaCanBo)");
        }
        return options;
    }

    private Element send(String op, Operation operation, CallOptions options,
            java.util.function.UnaryOperator<SoapWriter> body) {
        String requestId = requestIds.get();
        String xml = body.apply(SoapWriter.start(op, requestId, options)).finish();
        try {
            GovResponse response = pipeline.postXml(operation, url, xml,
                    Map.of("SOAPAction", "\"" + SoapWriter.DAN_NS + "/" + op + "\""));
            return SoapReader.responseElement(response, op + "Response");
        } catch (GovServiceException e) {
            throw SoapReader.notFoundAware(e);
        }
    }

    /** Closes the HTTP transport if this client created it; a transport given to the builder stays open. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "PopulationRegistryClient[endpoint=" + endpoint + ", route=" + route + ", callOptions=" + defaults + "]";
    }

    /** Builds a {@link PopulationRegistryClient}; endpoint, credentials and caller fields are required. */
    public static final class Builder extends ClientBuilder<Builder> {
        private URI endpoint;
        private PopulationDbBasic direct;
        private ClientCredentials lgspToken;
        private LgspAccessToken lgspAccess;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private CallOptions callOptions = CallOptions.none();
        private Supplier<String> requestIds = () -> UUID.randomUUID().toString().replace("-", "");

        private Builder() {
        }

        /**
         * Sets the SOAP endpoint: the service URL on the direct route, the LGSP adapter's URL for
         * this service on the LGSP route.
         *
         * @param endpoint an http or https URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            if (endpoint == null || endpoint.getScheme() == null
                    || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))
                    || HttpUrl.parse(endpoint.toString()) == null) {
                throw new InvalidInputException("endpoint", "must be an absolute http or https URI");
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Selects the direct route: timestamped SHA-256 Basic with the X-Road headers. Replaces LGSP
         * credentials set before.
         *
         * @param credentials the direct credentials
         * @return this builder
         */
        public Builder credentials(PopulationDbBasic credentials) {
            if (credentials == null) {
                throw new InvalidInputException("credentials", "must not be null");
            }
            this.direct = credentials;
            this.lgspToken = null;
            this.lgspAccess = null;
            return this;
        }

        /**
         * Selects the route through a provincial data-sharing platform (LGSP): a client-credentials
         * Bearer token, requested with and sent beside the {@code lgspaccesstoken} header. Replaces
         * direct credentials set before.
         *
         * @param token the token endpoint and client credentials
         * @param accessToken the LGSP access-token values
         * @return this builder
         */
        public Builder credentials(ClientCredentials token, LgspAccessToken accessToken) {
            if (token == null) {
                throw new InvalidInputException("token", "must not be null");
            }
            if (accessToken == null) {
                throw new InvalidInputException("accessToken", "must not be null");
            }
            this.lgspToken = token;
            this.lgspAccess = accessToken;
            this.direct = null;
            return this;
        }

        /**
         * Sets the interval between polls of an asynchronous request.
         *
         * @param pollInterval a positive duration; default 2 s
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new InvalidInputException("pollInterval", "must be a positive duration");
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * Sets the caller fields every request carries (MaDVC, MaTichHop, MaCanBo are required,
         * here or on each call).
         *
         * @param callOptions the defaults
         * @return this builder
         */
        public Builder callOptions(CallOptions callOptions) {
            if (callOptions == null) {
                throw new InvalidInputException("callOptions", "must not be null");
            }
            this.callOptions = callOptions;
            return this;
        }

        /**
         * Sets how request ids (MaYeuCau) are made; each call must get a new one. Default: a random
         * UUID's 32 hex digits.
         *
         * @param requestIds the supplier
         * @return this builder
         */
        public Builder requestIdSupplier(Supplier<String> requestIds) {
            if (requestIds == null) {
                throw new InvalidInputException("requestIdSupplier", "must not be null");
            }
            this.requestIds = requestIds;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming {@code endpoint} or {@code credentials} when missing
         */
        public PopulationRegistryClient build() {
            if (endpoint == null) {
                throw new InvalidInputException("endpoint", "must be set");
            }
            GatewayAuth auth;
            if (direct != null) {
                auth = direct;
            } else if (lgspToken != null) {
                auth = GatewayAuth.combine(lgspAccess, lgspToken);
            } else {
                throw new InvalidInputException("credentials",
                        "must be set: PopulationDbBasic (direct) or ClientCredentials + LgspAccessToken (via LGSP)");
            }
            return new PopulationRegistryClient(this, clientOptions(), auth);
        }
    }
}
