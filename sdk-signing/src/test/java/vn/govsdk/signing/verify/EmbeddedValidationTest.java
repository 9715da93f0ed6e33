package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.esf.RevocationValues;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.testkit.pki.TestCredential;

class EmbeddedValidationTest {

    private static final byte[] DATA = "Biên bản nghiệm thu".getBytes(StandardCharsets.UTF_8);
    private static HttpTransport networkOff;

    private final TestPlatform tp = TestPlatform.shared();
    private final TestCredential rsa = tp.pki().rsa2048Signer();
    private final TimestampClient tsa = TimestampClient.builder().authority(tp.platform().baseUrl("/pki/tsa")).build();

    /** A transport whose every call fails: all traffic goes through a proxy port nothing listens on. */
    @BeforeAll
    static void networkOff() throws Exception {
        MockWebServer closed = new MockWebServer();
        closed.start();
        int port = closed.getPort();
        closed.close();
        networkOff = HttpTransport.builder().proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)))
                .build();
    }

    @AfterAll
    static void close() {
        networkOff.close();
    }

    private SignatureVerifier verifier(RevocationChecking mode) {
        return Verifiers.builder().trust(TrustAnchors.of(tp.pki().rootCertificate())).transport(networkOff)
                .retryPolicy(RetryPolicy.none()).revocationChecking(mode).build();
    }

    private byte[] sign(SignatureLevel level) {
        CadesSigner.Builder b = CadesSigner.builder().level(level);
        if (level != SignatureLevel.B_B) {
            b.timestampClient(tsa);
        }
        SignedDocument signed = b.build().sign(Document.of(DATA, "bienban.txt", "text/plain"), TestPlatform.key(rsa));
        return signed.bytes();
    }

    private VerificationReport verify(SignatureVerifier v, byte[] sig) {
        return v.verify(Document.of(sig, "bienban.txt.p7s", "application/pkcs7-signature"),
                Document.of(DATA, "bienban.txt", "text/plain"));
    }

    @Test
    void ltVerifiesWithTheNetworkOffAndBbDoesNot() {
        byte[] lt = sign(SignatureLevel.B_LT);
        byte[] bb = sign(SignatureLevel.B_B);
        int before = tp.pkiRequests();

        VerificationReport report = verify(verifier(RevocationChecking.ONLINE), lt);
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        SignatureReport r = report.signatures().get(0);
        assertThat(r.level()).isEqualTo(SignatureLevel.B_LT);
        assertThat(r.revocation()).isEqualTo(RevocationStatus.GOOD);
        // The timestamp authority's chain was checked with the same embedded data.
        TimestampReport ts = r.timestamp().orElseThrow();
        assertThat(ts.integrity()).isEqualTo(Integrity.INTACT);
        assertThat(ts.chainStatus()).as(ts.toString()).isEqualTo(ChainStatus.TRUSTED);
        assertThat(ts.reasons()).as(ts.toString()).isEmpty();

        VerificationReport offline = verify(verifier(RevocationChecking.OFFLINE), lt);
        assertThat(offline.status()).as(offline.toString()).isEqualTo(SignatureStatus.VALID);

        VerificationReport plain = verify(verifier(RevocationChecking.ONLINE), bb);
        assertThat(plain.status()).as(plain.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(plain.signatures().get(0).reasons()).anyMatch(x -> x.code() == ReasonCode.REVOCATION_UNKNOWN);

        assertThat(tp.pkiRequests()).isEqualTo(before); // nothing reached the PKI: the network really was off
    }

    @Test
    void embeddedDataIsUsedBeforeTheNetwork() {
        byte[] lt = sign(SignatureLevel.B_LT);
        int before = tp.pkiRequests();
        VerificationReport report = verify(Verifiers.builder().trust(TrustAnchors.of(tp.pki().rootCertificate()))
                .retryPolicy(RetryPolicy.none()).build(), lt);
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(tp.pkiRequests()).isEqualTo(before);
    }

    @Test
    void crlOnlyLtVerifiesOffline() {
        tp.service().setOcspResponderAvailable(false);
        byte[] lt;
        try {
            lt = sign(SignatureLevel.B_LT);
        } finally {
            tp.service().setOcspResponderAvailable(true);
        }
        VerificationReport report = verify(verifier(RevocationChecking.ONLINE), lt);
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void tamperedEmbeddedOcspResponseIsNotTrusted() throws Exception {
        byte[] tampered = tamperOcsp(sign(SignatureLevel.B_LT));
        VerificationReport report = verify(verifier(RevocationChecking.ONLINE), tampered);
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        SignatureReport r = report.signatures().get(0);
        assertThat(r.isIntact()).isTrue(); // the signature itself is fine; only its evidence is forged
        // The timestamp authority's forged answer leaves its status unknown, so the timestamp proves no time,
        // and without a proven time the signer's (also forged) embedded answer is not used either.
        TimestampReport ts = r.timestamp().orElseThrow();
        assertThat(ts.provesTime()).isFalse();
        assertThat(ts.reasons()).anyMatch(x -> x.code() == ReasonCode.REVOCATION_UNKNOWN
                && x.message().contains("embedded OCSP response") && x.message().contains("not trusted"));
        assertThat(r.reasons()).anyMatch(x -> x.code() == ReasonCode.REVOCATION_UNKNOWN);
    }

    @Test
    void ocspResponsesInSignedDataCrlsAreUsed() throws Exception {
        byte[] moved = moveToSignedDataCrls(sign(SignatureLevel.B_LT));
        VerificationReport report = verify(verifier(RevocationChecking.ONLINE), moved);
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(report.signatures().get(0).level()).isEqualTo(SignatureLevel.B_T); // no LT attributes any more
    }

    /**
     * Moves the revocation values into SignedData.crls: OCSP responses as id-ri-ocsp-response (RFC 5940),
     * CRLs as CertificateList; drops certValues and revocationValues.
     */
    private static byte[] moveToSignedDataCrls(byte[] cms) throws Exception {
        ContentInfo ci = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
        SignedData sd = SignedData.getInstance(ci.getContent());
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        ASN1EncodableVector crls = new ASN1EncodableVector();
        for (ASN1Encodable e : si.getUnauthenticatedAttributes()) {
            Attribute a = Attribute.getInstance(e);
            if (a.getAttrType().equals(PKCSObjectIdentifiers.id_aa_ets_revocationValues)) {
                RevocationValues rv = RevocationValues.getInstance(a.getAttrValues().getObjectAt(0));
                for (BasicOCSPResponse b : rv.getOcspVals()) {
                    org.bouncycastle.asn1.ocsp.OCSPResponse full = new org.bouncycastle.asn1.ocsp.OCSPResponse(
                            new org.bouncycastle.asn1.ocsp.OCSPResponseStatus(0),
                            new org.bouncycastle.asn1.ocsp.ResponseBytes(
                                    org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_basic,
                                    new org.bouncycastle.asn1.DEROctetString(b.getEncoded())));
                    crls.add(new org.bouncycastle.asn1.DERTaggedObject(false, 1,
                            new org.bouncycastle.asn1.cms.OtherRevocationInfoFormat(
                                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.7.16.2"), full)));
                }
                for (org.bouncycastle.asn1.x509.CertificateList c : rv.getCrlVals()) {
                    crls.add(c);
                }
            } else if (!a.getAttrType().equals(PKCSObjectIdentifiers.id_aa_ets_certValues)) {
                attrs.add(a);
            }
        }
        assertThat(crls.size()).isGreaterThanOrEqualTo(3);
        SignerInfo changed = new SignerInfo(si.getSID(), si.getDigestAlgorithm(), si.getAuthenticatedAttributes(),
                si.getDigestEncryptionAlgorithm(), si.getEncryptedDigest(), new DERSet(attrs));
        SignedData out = new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), sd.getCertificates(),
                new DERSet(crls), new DERSet(changed));
        assertThat(out.getVersion().intValueExact()).isEqualTo(5);
        return new ContentInfo(CMSObjectIdentifiers.signedData, out).getEncoded(ASN1Encoding.DER);
    }

    /** Flips a bit in the signature of every embedded OCSP response. */
    private static byte[] tamperOcsp(byte[] cms) throws Exception {
        ContentInfo ci = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
        SignedData sd = SignedData.getInstance(ci.getContent());
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        for (ASN1Encodable e : si.getUnauthenticatedAttributes()) {
            Attribute a = Attribute.getInstance(e);
            if (a.getAttrType().equals(PKCSObjectIdentifiers.id_aa_ets_revocationValues)) {
                RevocationValues rv = RevocationValues.getInstance(a.getAttrValues().getObjectAt(0));
                List<BasicOCSPResponse> forged = new ArrayList<>();
                for (BasicOCSPResponse b : rv.getOcspVals()) {
                    byte[] sig = b.getSignature().getBytes();
                    sig[sig.length - 1] ^= 1;
                    forged.add(new BasicOCSPResponse(b.getTbsResponseData(), b.getSignatureAlgorithm(),
                            new DERBitString(sig), b.getCerts()));
                }
                a = new Attribute(a.getAttrType(), new DERSet(new RevocationValues(rv.getCrlVals(),
                        forged.toArray(new BasicOCSPResponse[0]), null)));
            }
            attrs.add(a);
        }
        SignerInfo changed = new SignerInfo(si.getSID(), si.getDigestAlgorithm(), si.getAuthenticatedAttributes(),
                si.getDigestEncryptionAlgorithm(), si.getEncryptedDigest(), new DERSet(attrs));
        SignedData out = new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), sd.getCertificates(),
                sd.getCRLs(), new DERSet(changed));
        return new ContentInfo(CMSObjectIdentifiers.signedData, out).getEncoded(ASN1Encoding.DER);
    }
}
