package vn.govsdk.testkit.pki;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.testkit.internal.pki.Pem;
import vn.govsdk.testkit.internal.pki.PkiEngine;
import vn.govsdk.testkit.internal.pki.PkiHttpHandler;

/**
 * A generated test PKI (public key infrastructure): a root CA, an intermediate CA, signer certificates
 * shaped like those Vietnamese public CAs issue (RSA 2048, RSA 3072, ECDSA P-256), special certificates
 * (expired, not yet valid, revoked, wrong key usage), a timestamp authority and an OCSP responder.
 * Every certificate but the root carries AIA (caIssuers and OCSP) and CRL distribution point URLs under
 * {@code {platformBaseUrl}/pki}, answered by {@link #mockService()} once it is mounted on the platform.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(URI.create("http://127.0.0.1:8080"));
 * TestCredential signer = pki.rsa2048Signer();
 * signer.writePkcs12(Path.of("signer.p12"), "changeit".toCharArray());
 * PkiMockService service = pki.mockService();     // mount on the platform: OCSP, CRL, certificates, TSA
 * }</pre>
 *
 * <p>Keys are generated at run time, each on first use and then kept: creating a {@code TestPki} costs
 * nothing, the first access to a role costs its key generation (tens of milliseconds for RSA 2048, a few
 * hundred for RSA 3072), and {@link #generateAll()} pays for everything up front. Validity periods are
 * relative to the {@linkplain #referenceTime() reference time}, the clock's instant when the PKI was
 * built; OCSP answers, CRLs and timestamps use the clock's instant when they are made. Subjects are
 * synthetic (citizen IDs of the form {@code UID=CCCD:079203000101}) and every subject names the
 * organisation {@code "govsdk test PKI - NOT A REAL CA"}. The full contract is in
 * {@code docs/contracts/test-pki.md}. Thread-safe.
 */
public final class TestPki {

    /** The certificate policy OID every signer certificate carries: {@value}, under the ITU-T example arc. */
    public static final String SIGNER_POLICY_OID = PkiEngine.SIGNER_POLICY_OID;

    /** The TSA policy OID used unless the builder sets another: {@value}, under the ITU-T example arc. */
    public static final String DEFAULT_TSA_POLICY_OID = PkiEngine.DEFAULT_TSA_POLICY_OID;

    private final URI platformBaseUrl;
    private final PkiEngine engine;
    private final PkiMockService mockService;

    private TestPki(Builder builder) {
        this.platformBaseUrl = builder.platformBaseUrl;
        this.engine = new PkiEngine(builder.platformBaseUrl, builder.clock, builder.rsaKeySize, builder.tsaPolicy);
        this.mockService = new PkiMockService(this, new PkiHttpHandler(engine));
    }

    /**
     * Creates a test PKI with the defaults (system UTC clock, RSA 2048 CA keys, the default TSA policy)
     * whose URLs point at the given platform.
     *
     * @param platformBaseUrl the platform's base URL, for example {@code http://127.0.0.1:8080}
     * @return the PKI; keys are generated on first use
     * @throws InvalidInputException when the URL is not an absolute http or https URL without a path
     */
    public static TestPki create(URI platformBaseUrl) {
        return builder().platformBaseUrl(platformBaseUrl).build();
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
     * Builds a {@link TestPki}. Not thread-safe; {@link #build()} may be called more than once, each call
     * giving a new PKI with new keys.
     */
    public static final class Builder {
        private URI platformBaseUrl;
        private Clock clock = Clock.systemUTC();
        private int rsaKeySize = 2048;
        private String tsaPolicy = DEFAULT_TSA_POLICY_OID;

        private Builder() {
        }

        /**
         * Sets the platform's base URL (required): every URL written into the certificates is this URL
         * followed by {@code /pki/...}.
         *
         * @param platformBaseUrl an absolute {@code http} or {@code https} URL with a host and no path,
         *     query or fragment (a single trailing {@code /} is allowed)
         * @return this builder
         * @throws InvalidInputException when the URL breaks one of these rules
         */
        public Builder platformBaseUrl(URI platformBaseUrl) {
            this.platformBaseUrl = normalise(platformBaseUrl);
            return this;
        }

        /**
         * Sets the clock (default: the system UTC clock). Validity periods are relative to its instant at
         * {@link #build()}; OCSP answers, CRLs and timestamps take its instant when they are made.
         *
         * @param clock the clock
         * @return this builder
         * @throws InvalidInputException when the clock is null
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new InvalidInputException("clock", "must not be null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * Sets the RSA key size of the CAs, the TSA, the OCSP responder and the special signer
         * certificates (expired, not yet valid, revoked, wrong key usage). The RSA 2048 and RSA 3072
         * signers keep their sizes whatever this says. Default 2048.
         *
         * @param bits 2048, 3072 or 4096
         * @return this builder
         * @throws InvalidInputException for any other size
         */
        public Builder rsaKeySize(int bits) {
            if (bits != 2048 && bits != 3072 && bits != 4096) {
                throw new InvalidInputException("rsaKeySize", "must be 2048, 3072 or 4096, got " + bits);
            }
            this.rsaKeySize = bits;
            return this;
        }

        /**
         * Sets the policy OID the timestamp authority stamps into its tokens and accepts in requests
         * (default {@value TestPki#DEFAULT_TSA_POLICY_OID}). A request naming another policy is rejected
         * with {@code unacceptedPolicy}.
         *
         * @param oid a dotted object identifier, for example {@code 2.999.704.2.1}
         * @return this builder
         * @throws InvalidInputException when the text is not an object identifier
         */
        public Builder tsaPolicy(String oid) {
            if (!isObjectIdentifier(oid)) {
                throw new InvalidInputException("tsaPolicy",
                        "must be a dotted object identifier such as 2.999.704.2.1, got " + oid);
            }
            this.tsaPolicy = oid;
            return this;
        }

        /**
         * Builds the PKI. No key is generated yet; each is made on first use.
         *
         * @return the PKI
         * @throws InvalidInputException when the platform base URL was not set
         */
        public TestPki build() {
            if (platformBaseUrl == null) {
                throw new InvalidInputException("platformBaseUrl", "must be set");
            }
            return new TestPki(this);
        }

        private static boolean isObjectIdentifier(String oid) {
            if (oid == null || !oid.matches("[0-2](\\.(0|[1-9][0-9]{0,17}))+")) {
                return false;
            }
            try {
                new ASN1ObjectIdentifier(oid);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static URI normalise(URI url) {
            String field = "platformBaseUrl";
            if (url == null) {
                throw new InvalidInputException(field, "must not be null");
            }
            if (!url.isAbsolute() || url.isOpaque()) {
                throw new InvalidInputException(field, "must be an absolute URL, got " + url);
            }
            String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidInputException(field, "must use http or https, got " + url.getScheme());
            }
            if (url.getHost() == null) {
                throw new InvalidInputException(field, "must name a host, got " + url);
            }
            if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
                throw new InvalidInputException(field, "must have no user info, query or fragment, got " + url);
            }
            String path = url.getRawPath();
            if (path != null && !path.isEmpty() && !path.equals("/")) {
                throw new InvalidInputException(field,
                        "must have no path, since the PKI is served under /pki at the platform root, got " + url);
            }
            return URI.create(scheme + "://" + url.getRawAuthority());
        }
    }

    // ---------------------------------------------------------------- credentials

    /**
     * Returns the key and certificate of a role, generating them on first use.
     *
     * @param role the role
     * @return the credential
     * @throws InvalidInputException when the role is null
     */
    public TestCredential credential(CertificateRole role) {
        if (role == null) {
            throw new InvalidInputException("role", "must not be null");
        }
        PkiEngine.Issued issued = engine.issued(role);
        return new TestCredential(role, issued.privateKey(), issued.chain());
    }

    /**
     * Returns the root CA's key and self-signed certificate.
     *
     * @return the {@link CertificateRole#ROOT_CA} credential
     */
    public TestCredential rootCa() {
        return credential(CertificateRole.ROOT_CA);
    }

    /**
     * Returns the intermediate CA's key and certificate, for tests that issue their own certificates.
     *
     * @return the {@link CertificateRole#INTERMEDIATE_CA} credential
     */
    public TestCredential intermediateCa() {
        return credential(CertificateRole.INTERMEDIATE_CA);
    }

    /**
     * Returns the valid RSA 2048 signer.
     *
     * @return the {@link CertificateRole#SIGNER_RSA_2048} credential
     */
    public TestCredential rsa2048Signer() {
        return credential(CertificateRole.SIGNER_RSA_2048);
    }

    /**
     * Returns the valid RSA 3072 signer.
     *
     * @return the {@link CertificateRole#SIGNER_RSA_3072} credential
     */
    public TestCredential rsa3072Signer() {
        return credential(CertificateRole.SIGNER_RSA_3072);
    }

    /**
     * Returns the valid ECDSA P-256 signer.
     *
     * @return the {@link CertificateRole#SIGNER_EC_P256} credential
     */
    public TestCredential ecP256Signer() {
        return credential(CertificateRole.SIGNER_EC_P256);
    }

    /**
     * Returns the signer whose certificate expired 30 days before the reference time.
     *
     * @return the {@link CertificateRole#SIGNER_EXPIRED} credential
     */
    public TestCredential expiredSigner() {
        return credential(CertificateRole.SIGNER_EXPIRED);
    }

    /**
     * Returns the signer whose certificate becomes valid 30 days after the reference time.
     *
     * @return the {@link CertificateRole#SIGNER_NOT_YET_VALID} credential
     */
    public TestCredential notYetValidSigner() {
        return credential(CertificateRole.SIGNER_NOT_YET_VALID);
    }

    /**
     * Returns the signer whose certificate was revoked one day before the reference time (key compromise).
     *
     * @return the {@link CertificateRole#SIGNER_REVOKED} credential
     */
    public TestCredential revokedSigner() {
        return credential(CertificateRole.SIGNER_REVOKED);
    }

    /**
     * Returns the valid certificate whose key usage is key encipherment only (not for signatures).
     *
     * @return the {@link CertificateRole#SIGNER_WRONG_KEY_USAGE} credential
     */
    public TestCredential wrongKeyUsageSigner() {
        return credential(CertificateRole.SIGNER_WRONG_KEY_USAGE);
    }

    /**
     * Returns the timestamp authority's key and certificate.
     *
     * @return the {@link CertificateRole#TSA} credential
     */
    public TestCredential tsa() {
        return credential(CertificateRole.TSA);
    }

    /**
     * Returns the OCSP responder's key and certificate.
     *
     * @return the {@link CertificateRole#OCSP_RESPONDER} credential
     */
    public TestCredential ocspResponder() {
        return credential(CertificateRole.OCSP_RESPONDER);
    }

    /**
     * Issues a new RSA 2048 signer certificate from the intermediate CA for a synthetic subscriber, as
     * the remote-signing mocks do for each user: subject {@code C=VN, O=govsdk test PKI - NOT A REAL CA,
     * CN=commonName, UID=uid}, the profile (validity, key usage, policy, AIA, CRL distribution point)
     * of {@link #rsa2048Signer()}. The OCSP responder answers {@code good} for it. Each call generates a
     * new key; the caller keeps the credential.
     *
     * @param commonName the subject's common name, not blank
     * @param uid the subject's UID attribute, not blank, for example {@code CCCD:079203000101}
     * @return the credential; its {@link TestCredential#role()} is {@link CertificateRole#SIGNER_RSA_2048},
     *     the profile it was issued with
     * @throws InvalidInputException when a name part is null or blank
     */
    public TestCredential issueSigner(String commonName, String uid) {
        if (commonName == null || commonName.isBlank()) {
            throw new InvalidInputException("commonName", "must not be null or blank");
        }
        if (uid == null || uid.isBlank()) {
            throw new InvalidInputException("uid", "must not be null or blank");
        }
        PkiEngine.Issued issued = engine.issueSigner(commonName, uid);
        return new TestCredential(CertificateRole.SIGNER_RSA_2048, issued.privateKey(), issued.chain());
    }

    /**
     * Generates every key and certificate now, on two threads, instead of on first use.
     *
     * @return this PKI
     */
    public TestPki generateAll() {
        engine.issued(CertificateRole.INTERMEDIATE_CA);
        Arrays.stream(CertificateRole.values()).parallel().forEach(engine::issued);
        return this;
    }

    // ---------------------------------------------------------------- trust

    /**
     * Returns the root CA certificate, the one trust anchor.
     *
     * @return the root certificate
     */
    public X509Certificate rootCertificate() {
        return engine.issued(CertificateRole.ROOT_CA).certificate();
    }

    /**
     * Returns the intermediate CA certificate, which issues every end-entity certificate.
     *
     * @return the intermediate certificate
     */
    public X509Certificate intermediateCertificate() {
        return engine.issued(CertificateRole.INTERMEDIATE_CA).certificate();
    }

    /**
     * Returns the root as a PKIX trust anchor, for {@code java.security.cert.PKIXParameters}.
     *
     * @return the trust anchor
     */
    public TrustAnchor trustAnchor() {
        return new TrustAnchor(rootCertificate(), null);
    }

    /**
     * Returns the root certificate as PEM: the trust bundle to configure in a verifier or pass as
     * {@code openssl -CAfile}.
     *
     * @return the root's {@code CERTIFICATE} block
     */
    public String trustAnchorPem() {
        return Pem.certificate(rootCertificate());
    }

    /**
     * Returns the intermediate and root certificates as PEM, intermediate first: the CA chain to give
     * tools that need the intermediate too.
     *
     * @return two {@code CERTIFICATE} blocks
     */
    public String caCertificatesPem() {
        return Pem.certificates(List.of(intermediateCertificate(), rootCertificate()));
    }

    // ---------------------------------------------------------------- revocation

    /**
     * Returns the current revocation of a role's certificate.
     *
     * @param role the role
     * @return the revocation, or empty when the certificate is not revoked
     * @throws InvalidInputException when the role is null
     */
    public Optional<Revocation> revocation(CertificateRole role) {
        if (role == null) {
            throw new InvalidInputException("role", "must not be null");
        }
        return engine.revocation(role);
    }

    /**
     * Revokes a role's certificate now (the clock's instant, to the second): from then on its CA's CRL
     * lists it and the OCSP responder answers {@code revoked}. Revoking a revoked certificate changes
     * nothing. {@link PkiMockService#reset()} (called by the platform between tests) or
     * {@link #resetRevocations()} undoes it.
     *
     * @param role the role; any but {@link CertificateRole#ROOT_CA}
     * @param reason the reason; any but {@code UNUSED} and {@code REMOVE_FROM_CRL}
     * @return the revocation in force
     * @throws InvalidInputException when the role or reason is null or not allowed
     */
    public Revocation revoke(CertificateRole role, CRLReason reason) {
        if (role == null || role == CertificateRole.ROOT_CA) {
            throw new InvalidInputException("role", "must be a certificate other than the root CA, got " + role);
        }
        if (reason == null || reason == CRLReason.UNUSED || reason == CRLReason.REMOVE_FROM_CRL) {
            throw new InvalidInputException("reason",
                    "must be a revocation reason other than UNUSED and REMOVE_FROM_CRL, got " + reason);
        }
        return engine.revoke(role, reason);
    }

    /** Restores the revocations the PKI started with: only {@link CertificateRole#SIGNER_REVOKED}. */
    public void resetRevocations() {
        engine.resetRevocations();
    }

    /**
     * Issues a CA's CRL now, as its CRL distribution point would serve it: this update the clock's
     * instant, next update one day later.
     *
     * @param issuer {@link CertificateRole#ROOT_CA} or {@link CertificateRole#INTERMEDIATE_CA}
     * @return the CRL
     * @throws InvalidInputException when the role is not a CA
     */
    public X509CRL crl(CertificateRole issuer) {
        if (issuer == null || !issuer.isCertificateAuthority()) {
            throw new InvalidInputException("issuer", "must be ROOT_CA or INTERMEDIATE_CA, got " + issuer);
        }
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(engine.crl(issuer)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read back the CRL of " + issuer, e);
        }
    }

    // ---------------------------------------------------------------- platform

    /**
     * Returns the service to mount on the mock platform: OCSP, CRLs, CA certificates and the TSA under
     * {@code /pki}. Always the same instance for this PKI.
     *
     * @return the mock service
     */
    public PkiMockService mockService() {
        return mockService;
    }

    /**
     * Returns the URLs written into the certificates and answered by {@link #mockService()}.
     *
     * @return the endpoints
     */
    public PkiEndpoints endpoints() {
        return engine.endpoints();
    }

    /**
     * Returns the platform base URL the PKI points at, normalised (no trailing slash).
     *
     * @return the base URL
     */
    public URI platformBaseUrl() {
        return platformBaseUrl;
    }

    /**
     * Returns the instant, to the second, that every validity period is relative to: the clock's
     * instant when the PKI was built.
     *
     * @return the reference time
     */
    public Instant referenceTime() {
        return engine.referenceTime();
    }

    /**
     * Returns the policy OID of the timestamp authority.
     *
     * @return the dotted OID
     */
    public String tsaPolicy() {
        return engine.tsaPolicy().getId();
    }

    /**
     * Describes the PKI by its base URL and reference time.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "TestPki[platformBaseUrl=" + platformBaseUrl + ", referenceTime=" + engine.referenceTime() + "]";
    }
}
