package vn.govsdk.signing.verify;

import java.time.Clock;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.internal.verify.CertificateValidator;
import vn.govsdk.signing.internal.verify.GuardedFetcher;
import vn.govsdk.signing.internal.verify.PipelineFetcher;
import vn.govsdk.signing.internal.verify.RevocationChecker;
import vn.govsdk.signing.internal.verify.VerifierEngine;

/**
 * Verifies signatures of every format the SDK knows (XML Signature and XAdES, CMS/PKCS#7 and CAdES,
 * JWS) and reports on each: is it intact, who signed and when, does the certificate chain to a trusted
 * root, was any certificate revoked. Verification fails closed: whatever cannot be established makes a
 * signature INDETERMINATE, never VALID.
 *
 * <pre>{@code
 * VerificationReport report = SignatureVerifier.withDefaultTrust().verify(Document.of(path));
 * if (report.isValid()) {
 *     Node signed = report.signatures().get(0).signedContent().get(0).node().orElseThrow();
 *     // read the data from 'signed', not from a node found elsewhere in the file
 * }
 * }</pre>
 *
 * <p>OCSP responders and CRLs are fetched at the URLs the certificates name, through sdk-core's HTTP
 * pipeline (retries, deadline, masked logging); answers are cached until their next update. Immutable
 * and thread-safe; share one verifier.
 */
public final class SignatureVerifier {

    private static volatile HttpTransport sharedTransport;

    private final TrustAnchors trust;
    private final RevocationChecking revocationChecking;
    private final Clock clock;
    private final VerificationLimits limits;
    private final VerifierEngine engine;
    private final GuardedFetcher fetcher;
    private final FetchPolicy fetchPolicy;

    private SignatureVerifier(Builder b) {
        this.trust = b.trust;
        this.revocationChecking = b.revocationChecking;
        this.clock = b.clock;
        HttpTransport transport = b.transport != null ? b.transport : shared();
        this.fetchPolicy = b.fetchPolicy;
        // Every URL fetched comes from a certificate in the document: no redirects, the guard's resolver.
        GovHttpPipeline pipeline = GovHttpPipeline.builder(transport)
                .retryPolicy(b.retryPolicy)
                .timeouts(b.timeouts)
                .clock(b.clock)
                .followRedirects(false)
                .dns(GuardedFetcher.dns(b.fetchPolicy))
                .build();
        this.fetcher = new GuardedFetcher(new PipelineFetcher(pipeline), b.fetchPolicy);
        RevocationChecker checker = new RevocationChecker(fetcher, b.clock);
        CertificateValidator validator = new CertificateValidator(trust, revocationChecking, checker);
        validator.policy(b.algorithmPolicy);
        validator.signerPolicy(b.signerPolicy);
        this.limits = b.limits;
        this.engine = new VerifierEngine(validator, b.clock, revocationChecking, b.dotNetEnveloped, b.limits,
                b.renderedPdfPageComparison);
    }

    private static HttpTransport shared() {
        HttpTransport t = sharedTransport;
        if (t == null) {
            synchronized (SignatureVerifier.class) {
                t = sharedTransport;
                if (t == null) {
                    t = HttpTransport.create();
                    sharedTransport = t;
                }
            }
        }
        return t;
    }

    /**
     * Returns a verifier with the bundled Vietnamese trust anchors and online revocation checking.
     *
     * @return the verifier
     */
    public static SignatureVerifier withDefaultTrust() {
        return builder().build();
    }

    /**
     * Returns a builder: default trust anchors, revocation checking ONLINE, system clock.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a signed document (enveloped or enveloping XML, attached CMS, JWS with its payload).
     *
     * @param signed the document
     * @return the report; its {@link VerificationReport#status()} is the verdict
     */
    public VerificationReport verify(Document signed) {
        if (signed == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        try (GuardedFetcher.Scope budget = fetcher.open()) {
            return engine.verify(signed, null);
        }
    }

    /**
     * Verifies a detached signature over the given content (detached XAdES, a {@code .p7s}, a JWS with
     * a detached payload). The content is streamed where the format allows.
     *
     * @param signature the signature document
     * @param detachedContent the signed content
     * @return the report
     */
    public VerificationReport verify(Document signature, Document detachedContent) {
        if (signature == null) {
            throw new InvalidInputException("signature", "must not be null");
        }
        if (detachedContent == null) {
            throw new InvalidInputException("detachedContent", "must not be null; use verify(Document) for attached signatures");
        }
        try (GuardedFetcher.Scope budget = fetcher.open()) {
            return engine.verify(signature, detachedContent);
        }
    }

    /**
     * Returns the trust anchors.
     *
     * @return the anchors
     */
    public TrustAnchors trustAnchors() {
        return trust;
    }

    /**
     * Returns what the verifier may fetch for one verification.
     *
     * @return the fetch policy
     */
    public FetchPolicy fetchPolicy() {
        return fetchPolicy;
    }

    /**
     * Returns whether revocation is checked.
     *
     * @return the mode
     */
    public RevocationChecking revocationChecking() {
        return revocationChecking;
    }

    /**
     * Returns the resources one verification may use.
     *
     * @return the limits
     */
    public VerificationLimits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "SignatureVerifier[" + trust + ", revocation " + revocationChecking + ", " + fetchPolicy + ", clock "
                + clock + ", " + limits + "]";
    }

    /** Builds a {@link SignatureVerifier}. */
    public static final class Builder {
        private TrustAnchors trust;
        private RevocationChecking revocationChecking = RevocationChecking.ONLINE;
        private Clock clock = Clock.systemUTC();
        private HttpTransport transport;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Timeouts timeouts = Timeouts.defaults();
        private AlgorithmPolicy algorithmPolicy = AlgorithmPolicy.circular15Draft();
        private boolean dotNetEnveloped;
        private FetchPolicy fetchPolicy = FetchPolicy.defaults();
        private SignerCertificatePolicy signerPolicy = SignerCertificatePolicy.defaults();
        private VerificationLimits limits = VerificationLimits.defaults();
        private int renderedPdfPageComparison;

        private Builder() {
        }

        /**
         * Sets the trust anchors; {@link TrustAnchors#defaults()} unless set.
         *
         * @param trust the anchors
         * @return this builder
         */
        public Builder trust(TrustAnchors trust) {
            this.trust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * Sets whether revocation is checked. {@link RevocationChecking#ONLINE} unless turned
         * {@link RevocationChecking#OFF} here; reports then say it was not checked.
         *
         * @param revocationChecking the mode
         * @return this builder
         */
        public Builder revocationChecking(RevocationChecking revocationChecking) {
            this.revocationChecking = Objects.requireNonNull(revocationChecking, "revocationChecking");
            return this;
        }

        /**
         * Sets the clock that gives the validation time.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the HTTP transport for OCSP and CRL requests; a process-wide default transport is used
         * otherwise.
         *
         * @param transport the transport; never closed by the verifier
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Sets the retry policy for OCSP and CRL requests.
         *
         * @param retryPolicy the policy; {@link RetryPolicy#defaults()} unless set
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets the timeouts for OCSP and CRL requests.
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Sets the algorithm policy; {@link AlgorithmPolicy#circular15Draft()} unless set.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder algorithmPolicy(AlgorithmPolicy policy) {
            this.algorithmPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets what the verifier may fetch for one verification (default {@link FetchPolicy#defaults()}: 8
         * fetches, 10 seconds, public addresses only, no redirects). The URLs come from certificates in the
         * document; see {@link FetchPolicy}.
         *
         * @param fetchPolicy the policy
         * @return this builder
         * @throws InvalidInputException when null
         */
        public Builder fetchPolicy(FetchPolicy fetchPolicy) {
            if (fetchPolicy == null) {
                throw new InvalidInputException("fetchPolicy", "must not be null");
            }
            this.fetchPolicy = fetchPolicy;
            return this;
        }

        /**
         * Sets what a document signer's certificate must allow (default
         * {@link SignerCertificatePolicy#defaults()}: signing key usage, an extended key usage not limited to
         * timestamping, OCSP signing or server authentication, not a CA certificate).
         *
         * @param signerPolicy the policy
         * @return this builder
         * @throws InvalidInputException when null
         */
        public Builder signerCertificatePolicy(SignerCertificatePolicy signerPolicy) {
            if (signerPolicy == null) {
                throw new InvalidInputException("signerCertificatePolicy", "must not be null");
            }
            this.signerPolicy = signerPolicy;
            return this;
        }

        /**
         * Compatibility option, off by default: accepts the .NET {@code SignedXml} reading of the
         * enveloped-signature transform, which removes only a Signature that is a descendant of the
         * referenced node, where the W3C rules remove the whole enclosing signature. Some Vietnamese
         * e-invoice software signs a {@code ds:Object} inside the signature with that transform; those
         * signatures verify only under this reading, and the report then says so in a warning
         * ({@link ReasonCode#NON_CONFORMANT_SIGNATURE}).
         *
         * @param accept {@code true} to accept the .NET reading
         * @return this builder
         */
        public Builder dotNetEnvelopedSignatureTransform(boolean accept) {
            this.dotNetEnveloped = accept;
            return this;
        }

        /**
         * Sets the resources one verification may use (input sizes, decoded PDF streams, XML depth and
         * element count, time); {@link VerificationLimits#defaults()} unless set. An input beyond a limit
         * gets an INDETERMINATE report with {@link ReasonCode#LIMIT_EXCEEDED} naming the limit.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(VerificationLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Optional, off by default: also renders the revision each PDF signature signed and the final
         * document page by page (PDFBox, 36 dpi, annotations left out: the object comparison judges them)
         * and makes a signature INVALID ({@link ReasonCode#CONTENT_ALTERED}) when a page renders
         * differently, for PDFs of at most {@code maxPages} pages. A defence in depth behind the object
         * comparison, which already refuses every change to what a page draws; it costs a rendering of
         * each page twice.
         *
         * @param maxPages the most pages a PDF may have to be compared rendered; 0 (the default) turns it off
         * @return this builder
         */
        public Builder renderedPdfPageComparison(int maxPages) {
            if (maxPages < 0) {
                throw new InvalidInputException("renderedPdfPageComparison", "must be 0 (off) or a number of pages, got "
                        + maxPages);
            }
            this.renderedPdfPageComparison = maxPages;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         */
        public SignatureVerifier build() {
            if (trust == null) {
                trust = TrustAnchors.defaults();
            }
            return new SignatureVerifier(this);
        }
    }
}
