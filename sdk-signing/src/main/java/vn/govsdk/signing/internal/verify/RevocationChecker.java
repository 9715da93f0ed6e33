package vn.govsdk.signing.internal.verify;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.signing.internal.Certs;

/**
 * Checks whether a certificate is revoked: OCSP at the certificate's AIA URLs first, then the CRL at
 * its distribution points; answers are cached until their next update. Fails closed: anything but a
 * verified, current answer is UNKNOWN.
 */
public final class RevocationChecker {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationChecker.class);
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Duration OCSP_DEFAULT_TTL = Duration.ofMinutes(5);
    private static final Duration MAX_TTL = Duration.ofHours(24);

    /** How many caIssuers answers are remembered: the URLs come from documents, so the cache is bounded. */
    private static final int ISSUER_CACHE_LIMIT = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome for one certificate. */
    public enum State { GOOD, REVOKED, UNKNOWN }

    /**
     * The answer for one certificate.
     *
     * @param state good, revoked or unknown
     * @param revocationTime when it was revoked, or {@code null}
     * @param reason the CRL reason name, or {@code null}
     * @param source how it was established ({@code OCSP http://...}, {@code CRL http://...})
     * @param problems what went wrong on the way (for unknown)
     * @param evidence the DER OCSP response or CRL that settled the state, or {@code null}
     */
    public record Result(State state, Instant revocationTime, String reason, String source, List<String> problems,
            byte[] evidence) {

        /**
         * Creates a result without evidence.
         *
         * @param state good, revoked or unknown
         * @param revocationTime when it was revoked, or {@code null}
         * @param reason the CRL reason name, or {@code null}
         * @param source how it was established
         * @param problems what went wrong on the way
         */
        public Result(State state, Instant revocationTime, String reason, String source, List<String> problems) {
            this(state, revocationTime, reason, source, problems, null);
        }

        /**
         * Returns whether the evidence is an OCSP response (rather than a CRL).
         *
         * @return {@code true} for OCSP
         */
        public boolean isOcsp() {
            return source != null && source.contains("OCSP");
        }
    }

    private record Cached(Result result, Instant until) {
    }

    private record CachedCrl(X509CRL crl, Instant until) {
    }

    private final RevocationFetcher fetcher;
    private final Clock clock;
    private final Map<String, Cached> ocspCache = new ConcurrentHashMap<>();
    private final Map<URI, CachedCrl> crlCache = new ConcurrentHashMap<>();
    private final Map<URI, List<X509Certificate>> issuerCache = new ConcurrentHashMap<>();

    /**
     * Creates the checker.
     *
     * @param fetcher fetches over HTTP
     * @param clock the clock for freshness and caching
     */
    public RevocationChecker(RevocationFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * Checks a certificate.
     *
     * @param cert the certificate
     * @param issuer its issuer's certificate
     * @return the result
     */
    public Result check(X509Certificate cert, X509Certificate issuer) {
        List<String> problems = new ArrayList<>();
        String key = Certs.serialHex(cert) + "@" + PinnedBundle.fingerprint(issuer);
        Instant now = clock.instant();
        Cached cached = ocspCache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.result();
        }
        List<URI> ocspUrls = ocspUrls(cert);
        for (URI url : ocspUrls) {
            try {
                Result r = ocsp(url, cert, issuer, now);
                if (r.state() != State.UNKNOWN || r.source() != null) {
                    return r;
                }
            } catch (Exception e) {
                problems.add("the OCSP responder " + url + " did not give a usable answer (" + describe(e) + ")");
                LOG.debug("OCSP {} for {} failed: {}", url, Certs.forLog(cert), e.toString());
            }
        }
        List<URI> crlUrls = crlUrls(cert);
        for (URI url : crlUrls) {
            try {
                X509CRL crl = crl(url, issuer, now);
                X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
                if (entry == null) {
                    return new Result(State.GOOD, null, null, "CRL " + url, List.copyOf(problems), crl.getEncoded());
                }
                String reason = entry.getRevocationReason() == null ? null : crlReason(entry.getRevocationReason().ordinal());
                return new Result(State.REVOKED, entry.getRevocationDate().toInstant(), reason, "CRL " + url,
                        List.copyOf(problems), crl.getEncoded());
            } catch (Exception e) {
                problems.add("the CRL at " + url + " could not be used (" + describe(e) + ")");
                LOG.debug("CRL {} for {} failed: {}", url, Certs.forLog(cert), e.toString());
            }
        }
        if (ocspUrls.isEmpty() && crlUrls.isEmpty()) {
            problems.add("the certificate names no OCSP responder and no CRL distribution point");
        }
        return new Result(State.UNKNOWN, null, null, null, List.copyOf(problems));
    }

    /**
     * Checks a certificate with the validation data the signature embeds first, and the network only
     * when that does not settle the status. Embedded OCSP responses must be signed by the issuer or a
     * responder it authorised (valid when the response was produced), cover the certificate, and be
     * produced at or after {@code notBefore}; embedded CRLs must be the issuer's, verify with its key, and
     * be issued at or after {@code notBefore} (less the five-minute skew CAs backdate CRLs by). Without a
     * proven time ({@code notBefore} null) the embedded data is not used at all.
     *
     * @param cert the certificate
     * @param issuer its issuer's certificate
     * @param embedded what the signature embeds
     * @param notBefore the time the evidence must not predate: the time a trusted timestamp proves, or
     *        {@code null} when nothing proves a time, in which case the embedded data is not used
     * @param network whether the network may be used when the embedded data does not settle the status
     * @return the result; its source starts with {@code embedded} when embedded data settled it
     */
    public Result check(X509Certificate cert, X509Certificate issuer, EmbeddedValidationData embedded, Instant notBefore,
            boolean network) {
        List<String> problems = new ArrayList<>();
        if (embedded != null && !embedded.hasNoRevocationData()) {
            if (notBefore == null) {
                problems.add("no trusted timestamp proves when the signature was made, so the revocation data it "
                        + "embeds cannot show that the certificate was not revoked before it was used: that takes "
                        + "evidence from after a proven time, or from now");
            } else {
                Result r = embedded(cert, issuer, embedded, notBefore, problems);
                if (r != null) {
                    return r;
                }
            }
        }
        if (!network) {
            if (problems.isEmpty()) {
                problems.add("the signature embeds no OCSP response or CRL for it, and the network is not used");
            }
            return new Result(State.UNKNOWN, null, null, null, List.copyOf(problems));
        }
        Result online = check(cert, issuer);
        if (problems.isEmpty() || online.state() != State.UNKNOWN) {
            return online;
        }
        List<String> all = new ArrayList<>(problems);
        all.addAll(online.problems());
        return new Result(online.state(), online.revocationTime(), online.reason(), online.source(), List.copyOf(all),
                online.evidence());
    }

    private Result embedded(X509Certificate cert, X509Certificate issuer, EmbeddedValidationData embedded,
            Instant notBefore, List<String> problems) {
        Instant floor = notBefore == null ? null : notBefore.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int n = 0;
        for (byte[] raw : embedded.ocsp()) {
            n++;
            try {
                BasicOCSPResp basic = basic(raw);
                SingleResp single = covering(basic, cert, issuer);
                if (single == null) {
                    continue;
                }
                Instant produced = basic.getProducedAt().toInstant();
                verifyResponder(basic, issuer, produced);
                if (floor != null && produced.isBefore(floor)) {
                    problems.add("the embedded OCSP response " + n + " was produced at " + produced
                            + ", before the time it must vouch for (" + floor + ")");
                    continue;
                }
                if (single.getThisUpdate().toInstant().isAfter(produced.plus(SKEW))) {
                    problems.add("the embedded OCSP response " + n + " is dated after it was produced");
                    continue;
                }
                String source = "embedded OCSP response (produced at " + produced + ")";
                CertificateStatus status = single.getCertStatus();
                if (status == CertificateStatus.GOOD) {
                    return new Result(State.GOOD, null, null, source, List.copyOf(problems), raw);
                }
                if (status instanceof RevokedStatus rs) {
                    String reason = rs.hasRevocationReason() ? crlReason(rs.getRevocationReason()) : null;
                    return new Result(State.REVOKED, rs.getRevocationTime().toInstant(), reason, source,
                            List.copyOf(problems), raw);
                }
                problems.add("the embedded OCSP response " + n + " does not know the certificate (status unknown)");
            } catch (Exception e) {
                problems.add("the embedded OCSP response " + n + " is not trusted (" + describe(e) + ")");
                LOG.debug("embedded OCSP response {} for {} refused: {}", n, Certs.forLog(cert), e.toString());
            }
        }
        n = 0;
        for (byte[] raw : embedded.crls()) {
            n++;
            try {
                X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                        new java.io.ByteArrayInputStream(raw));
                if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    continue;
                }
                crl.verify(issuer.getPublicKey());
                Instant thisUpdate = crl.getThisUpdate().toInstant();
                if (floor != null && thisUpdate.isBefore(floor.minus(SKEW))) {
                    problems.add("the embedded CRL " + n + " was issued at " + thisUpdate
                            + ", before the time it must vouch for (" + floor + ")");
                    continue;
                }
                String source = "embedded CRL of '" + Certs.name(crl.getIssuerX500Principal()) + "' (issued at "
                        + thisUpdate + ")";
                X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
                if (entry == null) {
                    return new Result(State.GOOD, null, null, source, List.copyOf(problems), raw);
                }
                String reason = entry.getRevocationReason() == null ? null : crlReason(entry.getRevocationReason().ordinal());
                return new Result(State.REVOKED, entry.getRevocationDate().toInstant(), reason, source,
                        List.copyOf(problems), raw);
            } catch (Exception e) {
                problems.add("the embedded CRL " + n + " is not trusted (" + describe(e) + ")");
                LOG.debug("embedded CRL {} for {} refused: {}", n, Certs.forLog(cert), e.toString());
            }
        }
        return null;
    }

    private static BasicOCSPResp basic(byte[] raw) throws Exception {
        org.bouncycastle.asn1.ASN1Sequence seq = org.bouncycastle.asn1.ASN1Sequence.getInstance(
                org.bouncycastle.asn1.ASN1Primitive.fromByteArray(raw));
        if (seq.size() >= 1 && seq.getObjectAt(0) instanceof org.bouncycastle.asn1.ASN1Enumerated) {
            OCSPResp resp = new OCSPResp(raw);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL || !(resp.getResponseObject() instanceof BasicOCSPResp b)) {
                throw new IOException("not a successful basic OCSP response");
            }
            return b;
        }
        return new BasicOCSPResp(org.bouncycastle.asn1.ocsp.BasicOCSPResponse.getInstance(seq));
    }

    private static SingleResp covering(BasicOCSPResp basic, X509Certificate cert, X509Certificate issuer) throws Exception {
        for (SingleResp single : basic.getResponses()) {
            if (single.getCertID().getSerialNumber().equals(cert.getSerialNumber())
                    && single.getCertID().matchesIssuer(new JcaX509CertificateHolder(issuer),
                            new JcaDigestCalculatorProviderBuilder().build())) {
                return single;
            }
        }
        return null;
    }

    private Result ocsp(URI url, X509Certificate cert, X509Certificate issuer, Instant now) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        OCSPReq req = new OCSPReqBuilder().addRequest(id)
                .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(nonce)))).build();
        byte[] raw = fetcher.ocsp(url, req.getEncoded());
        OCSPResp resp = new OCSPResp(raw);
        if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new IOException("responder status " + resp.getStatus());
        }
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        if (basic == null) {
            throw new IOException("empty response");
        }
        Extension nonceExt = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonceExt != null) {
            byte[] v = nonceExt.getExtnValue().getOctets();
            if (!java.util.Arrays.equals(v, new DEROctetString(nonce).getEncoded()) && !java.util.Arrays.equals(v, nonce)) {
                throw new IOException("the answer's nonce does not match the request (replayed answer?)");
            }
        }
        verifyResponder(basic, issuer, now);
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().matchesIssuer(new JcaX509CertificateHolder(issuer),
                    new JcaDigestCalculatorProviderBuilder().build())
                    || !single.getCertID().getSerialNumber().equals(cert.getSerialNumber())) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            if (thisUpdate.isAfter(now.plus(SKEW))) {
                throw new IOException("the answer is dated in the future (" + thisUpdate + ")");
            }
            if (nextUpdate != null && nextUpdate.isBefore(now.minus(SKEW))) {
                throw new IOException("the answer is stale (next update was " + nextUpdate + ")");
            }
            CertificateStatus status = single.getCertStatus();
            Result r;
            if (status == CertificateStatus.GOOD) {
                r = new Result(State.GOOD, null, null, "OCSP " + url, List.of(), raw);
            } else if (status instanceof RevokedStatus rs) {
                String reason = rs.hasRevocationReason() ? crlReason(rs.getRevocationReason()) : null;
                r = new Result(State.REVOKED, rs.getRevocationTime().toInstant(), reason, "OCSP " + url, List.of(), raw);
            } else if (status instanceof UnknownStatus) {
                r = new Result(State.UNKNOWN, null, null, "OCSP " + url,
                        List.of("the OCSP responder " + url + " does not know this certificate (status unknown)"));
            } else {
                throw new IOException("unrecognised certificate status");
            }
            Instant until = nextUpdate == null ? now.plus(OCSP_DEFAULT_TTL) : min(nextUpdate, now.plus(MAX_TTL));
            ocspCache.put(Certs.serialHex(cert) + "@" + PinnedBundle.fingerprint(issuer), new Cached(r, until));
            return r;
        }
        throw new IOException("the answer does not cover this certificate");
    }

    private static void verifyResponder(BasicOCSPResp basic, X509Certificate issuer, Instant now) throws Exception {
        JcaContentVerifierProviderBuilder vb = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(vb.build(issuer.getPublicKey()))) {
            return;
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
            if (!responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            try {
                responder.verify(issuer.getPublicKey());
            } catch (java.security.GeneralSecurityException e) {
                continue;
            }
            List<String> eku = responder.getExtendedKeyUsage();
            if (eku == null || !eku.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
                continue;
            }
            if (now.isBefore(responder.getNotBefore().toInstant()) || now.isAfter(responder.getNotAfter().toInstant())) {
                continue;
            }
            if (basic.isSignatureValid(vb.build(responder.getPublicKey()))) {
                return;
            }
        }
        throw new IOException("the answer is not signed by the CA or a responder it authorised");
    }

    private X509CRL crl(URI url, X509Certificate issuer, Instant now) throws Exception {
        CachedCrl cached = crlCache.get(url);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.crl();
        }
        X509CRL crl;
        try {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                    new java.io.ByteArrayInputStream(fetcher.crl(url)));
        } catch (CRLException e) {
            throw new IOException("not a CRL: " + e.getMessage(), e);
        }
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new IOException("the CRL is issued by '" + Certs.name(crl.getIssuerX500Principal())
                    + "', not by the certificate's issuer");
        }
        crl.verify(issuer.getPublicKey());
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        Date next = crl.getNextUpdate();
        if (thisUpdate.isAfter(now.plus(SKEW))) {
            throw new IOException("the CRL is dated in the future (" + thisUpdate + ")");
        }
        if (next != null && next.toInstant().isBefore(now.minus(SKEW))) {
            throw new IOException("the CRL is out of date (next update was " + next.toInstant() + ")");
        }
        Instant until = next == null ? now.plus(OCSP_DEFAULT_TTL) : min(next.toInstant(), now.plus(MAX_TTL));
        crlCache.put(url, new CachedCrl(crl, until));
        return crl;
    }

    /**
     * Fetches the issuer certificates an AIA caIssuers URL of the certificate offers (cached).
     *
     * @param cert the certificate whose issuer is missing
     * @return the certificates found, possibly none
     */
    public List<X509Certificate> caIssuers(X509Certificate cert) {
        List<X509Certificate> out = new ArrayList<>();
        for (URI url : aiaUrls(cert, AccessDescription.id_ad_caIssuers)) {
            List<X509Certificate> cached = issuerCache.get(url);
            if (cached == null) {
                try {
                    cached = Pem.certificates(fetcher.certificate(url));
                } catch (Exception e) {
                    // Not remembered: a refusal of this verification's fetch policy, or a passing failure,
                    // says nothing about the next verification.
                    LOG.debug("caIssuers {} for {} failed: {}", url, Certs.forLog(cert), e.toString());
                    continue;
                }
                if (issuerCache.size() < ISSUER_CACHE_LIMIT) {
                    issuerCache.put(url, cached);
                }
            }
            out.addAll(cached);
        }
        return out;
    }

    /**
     * Returns the OCSP responder URLs of a certificate's AIA.
     *
     * @param cert the certificate
     * @return the http(s) URLs, possibly none
     */
    public static List<URI> ocspUrls(X509Certificate cert) {
        return aiaUrls(cert, AccessDescription.id_ad_ocsp);
    }

    private static List<URI> aiaUrls(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        List<URI> out = new ArrayList<>();
        byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return out;
        }
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
        for (AccessDescription ad : aia.getAccessDescriptions()) {
            if (ad.getAccessMethod().equals(method)) {
                httpUri(ad.getAccessLocation(), out);
            }
        }
        return out;
    }

    /**
     * Returns the caIssuers URLs of a certificate's AIA.
     *
     * @param cert the certificate
     * @return the http(s) URLs, possibly none
     */
    public static List<URI> caIssuersUrls(X509Certificate cert) {
        return aiaUrls(cert, AccessDescription.id_ad_caIssuers);
    }

    /**
     * Returns the CRL distribution point URLs of a certificate.
     *
     * @param cert the certificate
     * @return the http(s) URLs, possibly none
     */
    public static List<URI> crlUrls(X509Certificate cert) {
        List<URI> out = new ArrayList<>();
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return out;
        }
        CRLDistPoint dp = CRLDistPoint.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
        for (DistributionPoint p : dp.getDistributionPoints()) {
            DistributionPointName name = p.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    httpUri(g, out);
                }
            }
        }
        return out;
    }

    private static void httpUri(GeneralName g, List<URI> out) {
        if (g.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return;
        }
        String s = g.getName().toString();
        try {
            URI u = new URI(s);
            if ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) {
                out.add(u);
            }
        } catch (java.net.URISyntaxException e) {
            // Unusable URL: ignored, the check fails closed if nothing else works.
        }
    }

    private static String crlReason(int code) {
        String[] names = {"unspecified", "keyCompromise", "cACompromise", "affiliationChanged", "superseded",
            "cessationOfOperation", "certificateHold", "unused", "removeFromCRL", "privilegeWithdrawn", "aACompromise"};
        return code >= 0 && code < names.length ? names[code] : "reason " + code;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

}
