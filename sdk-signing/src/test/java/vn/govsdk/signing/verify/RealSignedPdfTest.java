package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.Tools;

/**
 * File 07 of the real signatures: a PDF signed by iText with an FPT-CA demo certificate
 * ({@code adbe.pkcs7.detached}) and timestamped by Ban Cơ yếu's TSA, verified offline against the
 * default trust bundle, and compared with poppler's {@code pdfsig} on integrity.
 */
class RealSignedPdfTest {

    static final String MIC_ROOT = "C=VN,O=Ministry of Information and Communications,OU=National CA Center,CN=MIC National Root CA";
    static final String TSA = "CN=Máy chủ cấp dấu thời gian HL01,O=Ban Cơ yếu Chính phủ,C=VN";

    @Test
    void pdf07IsIntactUntrustedUnderMicRootAndTimestampedByBanCoYeu() throws Exception {
        VerificationReport r = RealSignedTest.verify("07_");
        assertThat(r.signatures()).hasSize(1);
        SignatureReport s = r.signatures().get(0);
        // Format told honestly: a PDF signature, PKCS#7 sub-filter, so not a PAdES baseline level.
        assertThat(s.format()).isEqualTo(SignatureFormat.PADES);
        assertThat(s.level()).isEqualTo(SignatureLevel.NONE);
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w.message()).contains("adbe.pkcs7.detached"));
        assertThat(s.signatureId()).contains("Signature1");
        assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
        assertThat(s.algorithm()).isEqualTo("RSA_SHA256");
        assertThat(s.signer().orElseThrow().serialNumber()).isEqualTo("4AA19F2EE71C482E576F2B3D");
        assertThat(s.signingTime()).contains(Instant.parse("2022-12-01T02:04:19Z"));
        // The chain ends at the embedded "MIC National Root CA", not the bundle's National Root CA: named, not a generic failure.
        assertThat(s.chainStatus()).isEqualTo(ChainStatus.UNTRUSTED);
        assertThat(s.trustAnchor()).isEmpty();
        assertThat(s.reasons()).filteredOn(x -> x.code() == ReasonCode.UNTRUSTED_CHAIN).singleElement()
                .satisfies(x -> assertThat(x.message()).contains(MIC_ROOT).contains("not a trusted root"));
        assertThat(s.status()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(s.reasons()).extracting(Reason::code).doesNotContain(ReasonCode.CONTENT_ALTERED,
                ReasonCode.SIGNATURE_VALUE_INVALID, ReasonCode.MALFORMED, ReasonCode.CERTIFICATE_EXPIRED);

        // The RFC 3161 timestamp: intact, TSA of Ban Cơ yếu, chain trusted to RootCA G2 of the default bundle.
        TimestampReport ts = s.timestamp().orElseThrow();
        assertThat(ts.time()).isEqualTo(Instant.parse("2022-12-01T02:04:13Z"));
        assertThat(ts.authority().subject()).isEqualTo(TSA);
        assertThat(ts.integrity()).isEqualTo(Integrity.INTACT);
        assertThat(ts.chainStatus()).isEqualTo(ChainStatus.TRUSTED);
        assertThat(ts.trustAnchor().subject()).isEqualTo(RealSignedTest.BAN_CO_YEU_ROOT);
        assertThat(ts.policy()).isEqualTo("2.16.704.1.1.1.2");
        // Offline, nothing shows that the TSA's key was not compromised (the PDF embeds no revocation data for
        // it), so the timestamp proves no time, and the signer's certificate, expired in 2024, is judged
        // without it: indeterminate, not valid-at-the-timestamp.
        assertThat(ts.provesTime()).isFalse();
        assertThat(ts.reasons()).extracting(Reason::code).contains(ReasonCode.REVOCATION_UNKNOWN);
        assertThat(s.signer().orElseThrow().notAfter()).isBefore(RealSignedTest.NOW).isAfter(ts.time());
        assertThat(s.reasons()).extracting(Reason::code).contains(ReasonCode.CERTIFICATE_EXPIRED_SINCE_SIGNING);

        // Where the application has turned revocation checking off (and so accepts that risk), the same
        // timestamp proves its time and the expiry is a remark: the certificate was valid at that time.
        SignatureReport unchecked = RealSignedTest.offline().revocationChecking(RevocationChecking.OFF).build()
                .verify(Document.of(RealSignedTest.file("07_"))).signatures().get(0);
        assertThat(unchecked.timestamp().orElseThrow().provesTime()).isTrue();
        assertThat(unchecked.warnings()).filteredOn(w -> w.code() == ReasonCode.CERTIFICATE_EXPIRED_SINCE_SIGNING)
                .singleElement().satisfies(w -> assertThat(w.message()).contains("expired on 2024-11-27T02:00:05Z")
                        .contains("valid at 2022-12-01T02:04:13Z"));

        assertThat(s.toString()).contains("timestamp 2022-12-01T02:04:13Z by '" + TSA + "': INTACT, chain TRUSTED to '"
                + RealSignedTest.BAN_CO_YEU_ROOT + "'");

        JsonNode j = RealSignedTest.json(r).get("signatures").get(0);
        assertThat(j.get("format").asText()).isEqualTo("PAdES");
        assertThat(j.get("integrity").asText()).isEqualTo("INTACT");
        assertThat(j.get("chainStatus").asText()).isEqualTo("UNTRUSTED");
        JsonNode jt = j.get("timestamp");
        assertThat(jt.get("time").asText()).isEqualTo("2022-12-01T02:04:13Z");
        assertThat(jt.get("authority").get("subject").asText()).isEqualTo(TSA);
        assertThat(jt.get("integrity").asText()).isEqualTo("INTACT");
        assertThat(jt.get("chainStatus").asText()).isEqualTo("TRUSTED");
        assertThat(jt.get("trustAnchor").asText()).isEqualTo(RealSignedTest.BAN_CO_YEU_ROOT);
    }

    @Test
    void pdfsigAgreesOnIntegrityAndWholeDocumentCoverage() throws Exception {
        Path file = RealSignedTest.file("07_");
        String out = Tools.ok(file.getParent(), "pdfsig", "-nocert", file.getFileName().toString());
        assertThat(out).contains("Signature Validation: Signature is Valid.").contains("Total document signed")
                .contains("Signature Type: adbe.pkcs7.detached");
        SignatureReport s = RealSignedTest.verify("07_").signatures().get(0);
        assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
        assertThat(s.warnings()).extracting(Reason::code).doesNotContain(ReasonCode.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void aByteChangedInTheRealPdfBreaksItForUsAndForPdfsig() throws Exception {
        byte[] pdf = java.nio.file.Files.readAllBytes(RealSignedTest.file("07_"));
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/Producer");
        assertThat(at).isPositive();
        pdf[at + 2] = (byte) (pdf[at + 2] ^ 0x20);
        SignatureReport s = RealSignedTest.offline().build().verify(Document.of(pdf, "07-altered.pdf", "application/pdf"))
                .signatures().get(0);
        assertThat(s.integrity()).isEqualTo(Integrity.BROKEN);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        Path dir = Tools.workDir("pdf07-altered");
        java.nio.file.Files.write(dir.resolve("altered.pdf"), pdf);
        assertThat(Tools.run(dir, "pdfsig", "-nocert", "altered.pdf").output()).contains("Signature Validation: Digest Mismatch.")
                .doesNotContain("Signature is Valid");
    }
}
