package vn.govsdk.testkit.internal.pki;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.testkit.pki.CertificateRole;
import vn.govsdk.testkit.pki.Revocation;

/**
 * An RFC 6960 OCSP responder for the test PKI. Certificates of the intermediate CA are answered by
 * the delegated responder certificate; the intermediate CA itself is answered by the root CA directly.
 * A nonce in the request is echoed in the response.
 */
public final class OcspResponder {

    private static final Logger LOG = LoggerFactory.getLogger(OcspResponder.class);

    /** How long an answer is declared fresh (nextUpdate minus thisUpdate). */
    static final Duration VALIDITY = Duration.ofHours(1);

    private final PkiEngine engine;

    /**
     * Creates the responder.
     *
     * @param engine the PKI it answers for
     */
    public OcspResponder(PkiEngine engine) {
        this.engine = engine;
    }

    /**
     * Answers a DER OCSP request.
     *
     * @param requestDer the DER {@code OCSPRequest}
     * @return the DER {@code OCSPResponse}: {@code successful} with a signed basic response, or
     *     {@code malformedRequest} when the request cannot be read
     */
    public byte[] respond(byte[] requestDer) {
        try {
            OCSPReq request;
            Req[] items;
            try {
                request = new OCSPReq(requestDer);
                items = request.getRequestList();
            } catch (IOException | RuntimeException e) {
                LOG.debug("OCSP request refused as malformed: {}", e.toString());
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            if (items.length == 0) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            return answer(request, items).getEncoded();
        } catch (IOException | OCSPException | OperatorCreationException | CertificateEncodingException e) {
            LOG.debug("OCSP answer failed: {}", e.toString());
            try {
                return new OCSPRespBuilder().build(OCSPRespBuilder.INTERNAL_ERROR, null).getEncoded();
            } catch (IOException | OCSPException inner) {
                throw new IllegalStateException("cannot encode an OCSP internalError response", inner);
            }
        }
    }

    private org.bouncycastle.cert.ocsp.OCSPResp answer(OCSPReq request, Req[] items)
            throws OCSPException, OperatorCreationException, CertificateEncodingException {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        CertificateRole[] issuers = new CertificateRole[items.length];
        CertificateRole answeringCa = null;
        for (int i = 0; i < items.length; i++) {
            issuers[i] = issuerOf(items[i].getCertID(), digests);
            if (answeringCa == null && issuers[i] != null) {
                answeringCa = issuers[i];
            }
        }
        if (answeringCa == null) {
            answeringCa = CertificateRole.INTERMEDIATE_CA;
        }
        // The intermediate's certificates are answered by its delegated responder; the root answers itself.
        PkiEngine.Issued signer = engine.issued(answeringCa == CertificateRole.ROOT_CA
                ? CertificateRole.ROOT_CA : CertificateRole.OCSP_RESPONDER);
        List<X509Certificate> included = answeringCa == CertificateRole.ROOT_CA
                ? List.of(signer.certificate())
                : List.of(signer.certificate(), engine.issued(CertificateRole.INTERMEDIATE_CA).certificate());

        Instant now = engine.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Date thisUpdate = Date.from(now);
        Date nextUpdate = Date.from(now.plus(VALIDITY));
        BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(signer.certificate().getPublicKey(),
                digests.get(CertificateID.HASH_SHA1));
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            CertificateID id = items[i].getCertID();
            CertificateStatus status = new UnknownStatus();
            if (issuers[i] == answeringCa) {
                Optional<CertificateRole> role = engine.roleIssuedBy(answeringCa, id.getSerialNumber());
                if (role.isPresent()) {
                    Optional<Revocation> revocation = engine.revocation(role.get());
                    status = revocation.isEmpty() ? CertificateStatus.GOOD
                            : new RevokedStatus(Date.from(revocation.get().revokedAt()),
                                    revocation.get().reason().ordinal());
                } else if (answeringCa == CertificateRole.INTERMEDIATE_CA
                        && engine.isIssuedSigner(id.getSerialNumber())) {
                    status = CertificateStatus.GOOD;
                }
            }
            builder.addResponse(id, status, thisUpdate, nextUpdate, null);
            summary.append(summary.length() == 0 ? "" : ", ").append(id.getSerialNumber().toString(16))
                    .append('=').append(status == CertificateStatus.GOOD ? "good"
                            : status instanceof RevokedStatus ? "revoked" : "unknown");
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        X509CertificateHolder[] chain = new X509CertificateHolder[included.size()];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = new JcaX509CertificateHolder(included.get(i));
        }
        BasicOCSPResp basic = builder.build(PkiEngine.signer(signer.privateKey()), chain, thisUpdate);
        LOG.debug("OCSP answer signed by {}: {}", answeringCa == CertificateRole.ROOT_CA ? "root CA"
                : "OCSP responder", summary);
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
    }

    private CertificateRole issuerOf(CertificateID id, DigestCalculatorProvider digests) {
        for (CertificateRole ca : new CertificateRole[] {CertificateRole.INTERMEDIATE_CA, CertificateRole.ROOT_CA}) {
            try {
                if (id.matchesIssuer(new JcaX509CertificateHolder(engine.issued(ca).certificate()), digests)) {
                    return ca;
                }
            } catch (OCSPException | CertificateEncodingException e) {
                // An issuer hash algorithm we cannot compute: this CA cannot be matched.
                LOG.debug("OCSP CertID not comparable with {}: {}", ca, e.toString());
            }
        }
        return null;
    }
}
