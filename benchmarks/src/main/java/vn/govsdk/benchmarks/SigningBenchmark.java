package vn.govsdk.benchmarks;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.govsdk.core.internal.xml.SecureXml;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * XAdES-B enveloped signing of a 1 KB document against a raw JCA {@code SHA256withRSA} signature of
 * the same bytes with the same RSA-2048 key (target: within 1.3x), and verification of that signature
 * with revocation off against a raw JCA verify plus parsing the document with the hardened parser
 * (target: within 3x).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class SigningBenchmark {

    private byte[] xml;
    private Document document;
    private PrivateKey privateKey;
    private PublicKey publicKey;
    private SigningKey key;
    private XadesSigner signer;
    private SignatureVerifier verifier;
    private byte[] signedXml;
    private Document signedDocument;
    private byte[] rawSignature;

    /** Builds a 1 KB document (Vietnamese text), the key and one signature of each kind. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TestPki pki = TestPki.create(URI.create("http://127.0.0.1:9"));
        TestCredential credential = pki.rsa2048Signer();
        privateKey = credential.privateKey();
        publicKey = credential.certificate().getPublicKey();
        key = SigningKey.of(privateKey, credential.chain());
        StringBuilder s = new StringBuilder("<HoSo xmlns=\"urn:govsdk:hoso\"><MaHoSo>000.00.00.H29-250101-0001</MaHoSo>");
        int i = 0;
        while (s.length() < 1000) {
            s.append("<ThanhPhan stt=\"").append(++i).append("\">Giấy chứng nhận quyền sử dụng đất</ThanhPhan>");
        }
        s.append("</HoSo>");
        xml = s.toString().getBytes(StandardCharsets.UTF_8);
        document = Document.of(xml, "hoso.xml", Document.XML);
        signer = XadesSigner.builder().build();
        verifier = SignatureVerifier.builder().trust(TrustAnchors.of(pki.rootCertificate()))
                .revocationChecking(RevocationChecking.OFF).build();
        signedXml = signer.sign(document, key).bytes();
        signedDocument = Document.of(signedXml, "hoso-signed.xml", Document.XML);
        rawSignature = rawSign();
        if (!verifier.verify(signedDocument).isValid()) {
            throw new IllegalStateException("the benchmark signature does not verify");
        }
    }

    /** Baseline: SHA256withRSA over the 1 KB document. */
    @Benchmark
    public byte[] rawJcaSign() throws Exception {
        return rawSign();
    }

    private byte[] rawSign() throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(privateKey);
        s.update(xml);
        return s.sign();
    }

    /** XAdES-B enveloped signature of the same document with the same key. */
    @Benchmark
    public byte[] xadesSign() {
        return signer.sign(document, key).bytes();
    }

    /** Baseline: parse the signed document with the hardened parser and verify one RSA signature. */
    @Benchmark
    public boolean rawJcaVerifyAndParse() throws Exception {
        DocumentBuilder b = SecureXml.newDocumentBuilder();
        org.w3c.dom.Document dom = b.parse(new ByteArrayInputStream(signedXml));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(publicKey);
        s.update(xml);
        return s.verify(rawSignature) && dom.getDocumentElement() != null;
    }

    /** Full verification of the XAdES signature, revocation off. */
    @Benchmark
    public VerificationReport xadesVerify() {
        return verifier.verify(signedDocument);
    }
}
