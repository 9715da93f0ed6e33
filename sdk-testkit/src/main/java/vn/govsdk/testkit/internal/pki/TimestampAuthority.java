package vn.govsdk.testkit.internal.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.testkit.pki.CertificateRole;

/**
 * An RFC 3161 timestamp authority for the test PKI: SHA-256, SHA-384 and SHA-512 message imprints, one
 * policy, the request's nonce echoed, the TSA and intermediate certificates included when the request
 * asks for them, serial numbers counting up from 1. Tokens are signed SHA256withRSA by the TSA key
 * with an ESSCertIDv2 signing-certificate attribute, accuracy one second.
 */
public final class TimestampAuthority {

    private static final Logger LOG = LoggerFactory.getLogger(TimestampAuthority.class);

    private static final Set<String> ACCEPTED_DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256.getId(),
            NISTObjectIdentifiers.id_sha384.getId(), NISTObjectIdentifiers.id_sha512.getId());

    private final PkiEngine engine;
    private final AtomicLong serial = new AtomicLong();

    /** The request could not be read as a {@code TimeStampReq}. */
    public static final class MalformedRequestException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedRequestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Creates the authority.
     *
     * @param engine the PKI whose TSA key signs
     */
    public TimestampAuthority(PkiEngine engine) {
        this.engine = engine;
    }

    /**
     * Answers a DER timestamp request.
     *
     * @param requestDer the DER {@code TimeStampReq}
     * @return the DER {@code TimeStampResp}: granted, or rejected with a failure info (badAlg for an
     *     unsupported hash, unacceptedPolicy for another requested policy, badDataFormat for an imprint
     *     of the wrong length)
     * @throws MalformedRequestException when the bytes are not a timestamp request at all
     */
    public byte[] respond(byte[] requestDer) throws MalformedRequestException {
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(requestDer);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRequestException("not an RFC 3161 TimeStampReq: " + e.getMessage(), e);
        }
        try {
            PkiEngine.Issued tsa = engine.issued(CertificateRole.TSA);
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                    .build(PkiEngine.signer(tsa.privateKey()), tsa.certificate());
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signerInfo,
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), engine.tsaPolicy());
            tokens.addCertificates(new JcaCertStore(
                    List.of(tsa.certificate(), engine.issued(CertificateRole.INTERMEDIATE_CA).certificate())));
            tokens.setAccuracySeconds(1);
            tokens.setTSA(new GeneralName(PkiEngine.subjectOf(tsa.certificate())));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, ACCEPTED_DIGESTS,
                    Set.of(engine.tsaPolicy().getId()));
            Instant now = engine.clock().instant();
            BigInteger number = BigInteger.valueOf(serial.incrementAndGet());
            TimeStampResponse response = responses.generate(request, number, Date.from(now));
            LOG.debug("TSA answer {} (status {}) for a {} imprint", number, response.getStatus(),
                    request.getMessageImprintAlgOID());
            return response.getEncoded(ASN1Encoding.DL);
        } catch (TSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("the test TSA cannot answer", e);
        }
    }
}
