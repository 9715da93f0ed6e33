package vn.govsdk.signing.timestamp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * A timestamp authority for fault tests, signing with the test PKI's TSA key, that can answer with a
 * token for another nonce or another digest than the request's.
 */
final class TestTsa {

    enum Tamper { NONE, NONCE, IMPRINT, POLICY }

    private final TestPki pki;
    private final AtomicLong serial = new AtomicLong(1000);

    TestTsa(TestPki pki) {
        this.pki = pki;
    }

    byte[] answer(byte[] requestDer, Tamper tamper) {
        try {
            TimeStampRequest request = new TimeStampRequest(requestDer);
            TimeStampRequest answered = request;
            if (tamper == Tamper.NONCE || tamper == Tamper.IMPRINT) {
                TimeStampRequestGenerator g = new TimeStampRequestGenerator();
                g.setCertReq(request.getCertReq());
                if (request.getReqPolicy() != null) {
                    g.setReqPolicy(request.getReqPolicy());
                }
                byte[] digest = request.getMessageImprintDigest();
                BigInteger nonce = request.getNonce();
                if (tamper == Tamper.NONCE) {
                    nonce = nonce.add(BigInteger.ONE);
                } else {
                    digest = MessageDigest.getInstance("SHA-256").digest(digest);
                }
                answered = g.generate(request.getMessageImprintAlgOID(), digest, nonce);
            }
            TestCredential tsa = pki.tsa();
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(tsa.privateKey()), tsa.certificate());
            ASN1ObjectIdentifier policy = new ASN1ObjectIdentifier(tamper == Tamper.POLICY ? "2.999.704.2.9"
                    : request.getReqPolicy() != null ? request.getReqPolicy().getId() : pki.tsaPolicy());
            if (tamper == Tamper.POLICY) {
                TimeStampRequestGenerator g = new TimeStampRequestGenerator();
                g.setCertReq(request.getCertReq());
                answered = g.generate(request.getMessageImprintAlgOID(), request.getMessageImprintDigest(), request.getNonce());
            }
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signerInfo,
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), policy);
            tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate(), pki.intermediateCertificate())));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens,
                    Set.of(NISTObjectIdentifiers.id_sha256.getId(), NISTObjectIdentifiers.id_sha384.getId(),
                            NISTObjectIdentifiers.id_sha512.getId()));
            return responses.generate(answered, BigInteger.valueOf(serial.incrementAndGet()), new Date())
                    .getEncoded(ASN1Encoding.DL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
