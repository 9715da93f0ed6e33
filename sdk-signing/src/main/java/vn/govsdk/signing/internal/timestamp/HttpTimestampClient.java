package vn.govsdk.signing.internal.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Sleeper;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.timestamp.TimestampException;
import vn.govsdk.signing.timestamp.TimestampToken;

/**
 * The RFC 3161 client over HTTP (section 3.4): authorities in order with fail-over, each through the
 * core pipeline (retries, call deadline, masked logging), a fair semaphore bounding the requests in
 * flight, and every answer checked against its request before it is returned.
 */
public final class HttpTimestampClient implements TimestampClient {

    /** 3 attempts per authority, full jitter from 1 s, at most 10 s between attempts. */
    public static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.builder().maxRetries(2)
            .baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(10)).build();

    /** The largest answer accepted: 1 MiB (a token with a few certificates is a few KiB). */
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpTimestampClient.class);
    private static final MediaType QUERY = MediaType.get("application/timestamp-query");
    private static final Operation OPERATION = Operation.idempotentWrite("signing.timestamp");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.Map<Integer, String> FAILURE_NAMES = failureNameTable();
    private static final String[] STATUS_NAMES = {"granted", "grantedWithMods", "rejection", "waiting",
        "revocationWarning", "revocationNotification"};
    private static volatile HttpTransport sharedTransport;

    /**
     * The client's settings, as the public builder collected them.
     *
     * @param authorities the authority URLs, in order
     * @param policy the policy to request, or {@code null}
     * @param requestCertificate whether to ask for the TSA certificate
     * @param transport the transport, or {@code null} for the shared one
     * @param timeout the time one request to one authority may take, retries included
     * @param retryPolicy the retry policy per authority
     * @param maxConcurrentRequests the requests in flight at most
     * @param clock the clock
     * @param sleeper the sleeper between retries
     * @param auth credentials, or {@code null}
     */
    public record Settings(List<URI> authorities, String policy, boolean requestCertificate, HttpTransport transport,
            Duration timeout, RetryPolicy retryPolicy, int maxConcurrentRequests, Clock clock, Sleeper sleeper,
            GatewayAuth auth) {
    }

    private final Settings settings;
    private final GovHttpPipeline pipeline;
    private final Semaphore slots;

    /**
     * Creates the client.
     *
     * @param settings the settings
     */
    public HttpTimestampClient(Settings settings) {
        this.settings = settings;
        HttpTransport transport = settings.transport() != null ? settings.transport() : shared();
        Duration connect = settings.timeout().compareTo(Duration.ofSeconds(30)) < 0 ? settings.timeout()
                : Duration.ofSeconds(30);
        GovHttpPipeline.Builder b = GovHttpPipeline.builder(transport)
                .retryPolicy(settings.retryPolicy())
                .timeouts(Timeouts.builder().connect(connect).read(settings.timeout()).write(settings.timeout())
                        .callDeadline(settings.timeout()).build())
                .clock(settings.clock())
                .sleeper(settings.sleeper())
                .maxResponseBodyBytes(MAX_ANSWER_BYTES);
        if (settings.auth() != null) {
            b.auth(settings.auth());
        }
        this.pipeline = b.build();
        this.slots = new Semaphore(settings.maxConcurrentRequests(), true);
    }

    private static HttpTransport shared() {
        HttpTransport t = sharedTransport;
        if (t == null) {
            synchronized (HttpTimestampClient.class) {
                t = sharedTransport;
                if (t == null) {
                    t = HttpTransport.create();
                    sharedTransport = t;
                }
            }
        }
        return t;
    }

    @Override
    public TimestampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
        if (algorithm == null) {
            throw new InvalidInputException("algorithm", "must not be null");
        }
        if (digest == null || digest.length != algorithm.length()) {
            throw new InvalidInputException("digest", "must be " + algorithm.length() + " bytes for " + algorithm.jcaName()
                    + ", got " + (digest == null ? "none" : digest.length + " bytes"));
        }
        boolean acquired;
        try {
            acquired = slots.tryAcquire(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampException("interrupted while waiting for one of the " + settings.maxConcurrentRequests()
                    + " timestamp request slots", e);
        }
        if (!acquired) {
            throw new TimestampException("no timestamp request slot became free within " + settings.timeout().toSeconds()
                    + " s: this client sends at most " + settings.maxConcurrentRequests() + " requests at once "
                    + "(maxConcurrentRequests) and they were all still waiting for their authorities");
        }
        try {
            List<String> failures = new ArrayList<>();
            GovSdkException last = null;
            for (URI authority : settings.authorities()) {
                try {
                    return ask(authority, algorithm, digest);
                } catch (TimestampException e) {
                    failures.add(display(authority) + ": " + e.getMessage());
                    last = e;
                } catch (GovServiceException e) {
                    failures.add(display(authority) + ": HTTP " + e.statusCode() + " after " + e.attempts()
                            + (e.attempts() == 1 ? " attempt" : " attempts") + " (" + e.getMessage() + ")");
                    last = e;
                } catch (GovSdkException e) {
                    failures.add(display(authority) + ": " + e.getMessage());
                    last = e;
                }
            }
            throw new TimestampException("no timestamp authority granted a valid token; "
                    + String.join("; ", failures), last);
        } finally {
            slots.release();
        }
    }

    private TimestampToken ask(URI authority, DigestAlgorithm algorithm, byte[] digest) {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(settings.requestCertificate());
        if (settings.policy() != null) {
            gen.setReqPolicy(new ASN1ObjectIdentifier(settings.policy()));
        }
        BigInteger nonce = new BigInteger(64, RANDOM);
        TimeStampRequest request = gen.generate(new ASN1ObjectIdentifier(algorithm.oid()), digest, nonce);
        byte[] body;
        try {
            body = request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpUrl url = HttpUrl.get(authority.toString());
        Request http = new Request.Builder().url(url).header("Accept", "application/timestamp-reply")
                .post(RequestBody.create(body, QUERY)).build();
        Instant start = settings.clock().instant();
        String outcome = "failed";
        try {
            byte[] answer = pipeline.execute(OPERATION, http).body();
            TimestampToken token = check(request, answer);
            outcome = "granted, serial " + token.serialNumber();
            return token;
        } catch (TimestampException e) {
            outcome = "refused: " + e.getMessage();
            throw e;
        } catch (GovServiceException e) {
            outcome = "HTTP " + e.statusCode();
            throw e;
        } finally {
            LOG.debug("timestamp request to {}: {} in {} ms", display(authority), outcome,
                    Duration.between(start, settings.clock().instant()).toMillis());
        }
    }

    private TimestampToken check(TimeStampRequest request, byte[] answer) {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(answer);
        } catch (Exception e) {
            throw new TimestampException("the answer is not an RFC 3161 TimeStampResp (" + e.getMessage() + ")");
        }
        int status = response.getStatus();
        if (status != 0 && status != 1) {
            throw new TimestampException("the authority refused the request: status "
                    + (status >= 0 && status < STATUS_NAMES.length ? STATUS_NAMES[status] : String.valueOf(status))
                    + failureNames(response)
                    + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")"));
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TimestampException("the answer is granted but holds no token");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (info.getNonce() == null || !info.getNonce().equals(request.getNonce())) {
            throw new TimestampException("the token's nonce does not echo the request's (a replayed or mixed-up answer)");
        }
        if (!info.getMessageImprintAlgOID().equals(request.getMessageImprintAlgOID())) {
            throw new TimestampException("the token's message imprint algorithm " + info.getMessageImprintAlgOID()
                    + " differs from the request's " + request.getMessageImprintAlgOID());
        }
        if (!Arrays.equals(info.getMessageImprintDigest(), request.getMessageImprintDigest())) {
            throw new TimestampException("the token's message imprint differs from the digest sent (a token for "
                    + "other data)");
        }
        if (settings.policy() != null && !settings.policy().equals(info.getPolicy().getId())) {
            throw new TimestampException("the token's policy " + info.getPolicy().getId() + " is not the requested "
                    + settings.policy());
        }
        X509Certificate tsa = signerCertificate(token);
        if (tsa == null) {
            if (settings.requestCertificate()) {
                throw new TimestampException("the certificate was requested but the token does not carry the "
                        + "authority's certificate");
            }
        } else {
            checkTsaCertificate(tsa);
            try {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            } catch (Exception e) {
                throw new TimestampException("the token's signature does not verify with the authority's certificate "
                        + "it carries (" + e.getMessage() + ")");
            }
        }
        try {
            return TimestampToken.parse(token.getEncoded());
        } catch (IOException | InvalidInputException e) {
            throw new TimestampException("the token cannot be read: " + e.getMessage());
        }
    }

    private static X509Certificate signerCertificate(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        java.util.Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (java.security.cert.CertificateException e) {
            throw new TimestampException("the authority's certificate in the token cannot be read: " + e.getMessage());
        }
    }

    /** RFC 3161 section 2.3: the TSA certificate has one extended key usage, timeStamping, and it is critical. */
    static void checkTsaCertificate(X509Certificate tsa) {
        byte[] ext = tsa.getExtensionValue(Extension.extendedKeyUsage.getId());
        if (ext == null || !tsa.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId())) {
            throw new TimestampException("the authority's certificate '" + tsa.getSubjectX500Principal().getName()
                    + "' lacks the critical extended key usage timeStamping (RFC 3161 section 2.3)");
        }
        ExtendedKeyUsage eku = ExtendedKeyUsage.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
        KeyPurposeId[] usages = eku.getUsages();
        if (usages.length != 1 || !usages[0].equals(KeyPurposeId.id_kp_timeStamping)) {
            throw new TimestampException("the authority's certificate '" + tsa.getSubjectX500Principal().getName()
                    + "' must have timeStamping as its only extended key usage (RFC 3161 section 2.3)");
        }
    }

    private static String failureNames(TimeStampResponse response) {
        if (response.getFailInfo() == null) {
            return "";
        }
        int bits = response.getFailInfo().intValue();
        List<String> names = new ArrayList<>();
        FAILURE_NAMES.forEach((bit, name) -> {
            if ((bits & bit) != 0) {
                names.add(name);
            }
        });
        return names.isEmpty() ? "" : ", failure " + String.join(", ", names);
    }

    /** PKIFailureInfo (RFC 3161 section 2.4.2) as Bouncy Castle numbers its bits. */
    private static java.util.Map<Integer, String> failureNameTable() {
        java.util.Map<Integer, String> m = new java.util.LinkedHashMap<>();
        m.put(org.bouncycastle.asn1.cmp.PKIFailureInfo.badAlg, "badAlg");
        m.put(org.bouncycastle.asn1.cmp.PKIFailureInfo.badRequest, "badRequest");
        m.put(org.bouncycastle.asn1.cmp.PKIFailureInfo.badDataFormat, "badDataFormat");
        m.put(org.bouncycastle.asn1.cmp.PKIFailureInfo.timeNotAvailable, "timeNotAvailable");
        m.put(org.bouncycastle.asn1.cmp.PKIFailureInfo.unacceptedPolicy, "unacceptedPolicy");
        m.put(org.bouncycastle.asn1.cmp.PKIFailureInfo.unacceptedExtension, "unacceptedExtension");
        m.put(org.bouncycastle.asn1.cmp.PKIFailureInfo.addInfoNotAvailable, "addInfoNotAvailable");
        m.put(org.bouncycastle.asn1.cmp.PKIFailureInfo.systemFailure, "systemFailure");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The URL without user info, query or fragment: what may appear in messages and logs. */
    static String display(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "")
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    @Override
    public String toString() {
        return "TimestampClient" + settings.authorities().stream().map(HttpTimestampClient::display).toList() + (settings.policy() == null ? "" : ", policy " + settings.policy())
                + ", timeout " + settings.timeout().toSeconds() + " s, at most " + settings.maxConcurrentRequests()
                + " concurrent";
    }
}
