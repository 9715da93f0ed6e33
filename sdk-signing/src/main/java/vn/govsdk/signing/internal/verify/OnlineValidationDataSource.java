package vn.govsdk.signing.internal.verify;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.signing.ValidationDataSource;
import vn.govsdk.signing.verify.FetchPolicy;
import vn.govsdk.signing.internal.Certs;

/**
 * Collects B-LT validation data over the network with the verifier's own revocation code: missing
 * issuers from AIA caIssuers, then for every certificate below the self-signed root a verified, current
 * OCSP response (signature and freshness checked by {@link RevocationChecker}) or, failing that, the CRL.
 */
public final class OnlineValidationDataSource implements ValidationDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineValidationDataSource.class);
    private static final int MAX_DEPTH = 10;

    private final RevocationChecker checker;

    /**
     * Creates the source.
     *
     * @param transport the transport
     * @param retryPolicy the retry policy
     * @param timeouts the timeouts
     * @param clock the clock for freshness
     */
    public OnlineValidationDataSource(HttpTransport transport, RetryPolicy retryPolicy, Timeouts timeouts, Clock clock) {
        GovHttpPipeline pipeline = GovHttpPipeline.builder(transport).retryPolicy(retryPolicy).timeouts(timeouts)
                .clock(clock).build();
        // The signer's own chain, not a document's: its CA may answer inside a closed network, and each
        // fetch has the pipeline's call deadline.
        FetchPolicy own = FetchPolicy.builder().maxFetches(100).timeBudget(Duration.ofMinutes(10))
                .allowPrivateAddresses(true).build();
        this.checker = new RevocationChecker(new GuardedFetcher(new PipelineFetcher(pipeline), own), clock);
    }

    /**
     * Creates the source over an existing checker (tests, and the verifier's fetcher).
     *
     * @param checker the checker
     */
    public OnlineValidationDataSource(RevocationChecker checker) {
        this.checker = checker;
    }

    @Override
    public ValidationData collect(List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty()) {
            throw new vn.govsdk.core.InvalidInputException("chain", "must hold at least the end-entity certificate");
        }
        Set<X509Certificate> certs = new LinkedHashSet<>(chain);
        List<byte[]> ocsp = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        X509Certificate current = chain.get(0);
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (selfSigned(current)) {
                return new ValidationData(new ArrayList<>(certs), ocsp, crls);
            }
            X509Certificate issuer = issuer(current, chain);
            if (issuer == null) {
                throw new SigningException("the issuer '" + Certs.issuer(current) + "' of " + Certs.describe(current)
                        + " is not in the chain and could not be fetched from "
                        + describeUrls(RevocationChecker.caIssuersUrls(current)) + "; validation data for B-LT cannot be "
                        + "collected without it");
            }
            certs.add(issuer);
            RevocationChecker.Result r = checker.check(current, issuer);
            if (r.state() == RevocationChecker.State.UNKNOWN || r.evidence() == null) {
                List<URI> urls = new ArrayList<>(RevocationChecker.ocspUrls(current));
                urls.addAll(RevocationChecker.crlUrls(current));
                throw new SigningException("the revocation status of " + Certs.describe(current)
                        + " could not be established from " + describeUrls(urls)
                        + (r.problems().isEmpty() ? "" : ": " + String.join("; ", r.problems()))
                        + "; a B-LT signature without it would not verify offline");
            }
            if (r.state() == RevocationChecker.State.REVOKED) {
                throw new SigningException("the certificate " + Certs.describe(current) + " was revoked on "
                        + r.revocationTime() + (r.reason() == null ? "" : " (" + r.reason() + ")") + " according to "
                        + r.source() + "; it must not be used to sign");
            }
            if (r.isOcsp()) {
                ocsp.add(r.evidence());
                certs.addAll(responderCertificates(r.evidence()));
            } else {
                crls.add(r.evidence());
            }
            LOG.debug("validation data for {}: {}", Certs.forLog(current), r.source());
            current = issuer;
        }
        throw new SigningException("the certificate chain of " + Certs.describe(chain.get(0)) + " is longer than "
                + MAX_DEPTH);
    }

    private X509Certificate issuer(X509Certificate cert, List<X509Certificate> chain) {
        for (X509Certificate c : chain) {
            if (c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, c)) {
                return c;
            }
        }
        for (X509Certificate c : checker.caIssuers(cert)) {
            if (c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, c)) {
                return c;
            }
        }
        return null;
    }

    private static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && signedBy(c, c);
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static List<X509Certificate> responderCertificates(byte[] ocspResponse) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(ocspResponse).getResponseObject();
            for (X509CertificateHolder h : basic.getCerts()) {
                out.add(new JcaX509CertificateConverter().getCertificate(h));
            }
        } catch (Exception e) {
            LOG.debug("the certificates of an OCSP response could not be read: {}", e.toString());
        }
        return out;
    }

    private static String describeUrls(List<URI> urls) {
        return urls.isEmpty() ? "(no URL in the certificate)" : urls.toString();
    }
}
