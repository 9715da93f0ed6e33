package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.Verifiers;

/**
 * Real signatures of the Vietnamese ecosystem (src/test/resources/real-signed, provenance in its
 * README): e-invoices and tax-authority messages, verified offline against the default trust bundle.
 * The validation time is fixed (2026-11-22) so that certificates expiring later do not change the verdicts.
 */
class RealSignedTest {

    static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    static final String BAN_CO_YEU_ROOT = "CN=RootCA chuyên dùng Chính phủ G2,O=Ban Cơ yếu Chính phủ,C=VN";
    static final String CA_G2 = "CN=CA phục vụ các cơ quan Nhà nước G2,O=Ban Cơ yếu Chính phủ,C=VN";

    static Path file(String prefix) throws Exception {
        Path dir = Path.of(RealSignedTest.class.getResource("/real-signed/README.md").toURI()).getParent();
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    static SignatureVerifier.Builder offline() {
        return Verifiers.builder().revocationChecking(RevocationChecking.OFFLINE)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static VerificationReport verify(String prefix) throws Exception {
        return offline().build().verify(Document.of(file(prefix)));
    }

    static JsonNode json(VerificationReport report) {
        return GovJson.readTree(report.toJson().getBytes(StandardCharsets.UTF_8));
    }

    private static List<ReasonCode> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }

    private static void assertTaxAuthority(SignatureReport s) {
        assertThat(s.format()).isEqualTo(SignatureFormat.XMLDSIG);
        assertThat(s.integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.INTACT);
        assertThat(s.chainStatus()).isEqualTo(ChainStatus.TRUSTED);
        assertThat(s.trustAnchor().orElseThrow().subject()).isEqualTo(BAN_CO_YEU_ROOT);
        assertThat(s.chain()).extracting(CertificateInfo::subject).contains(CA_G2);
        assertThat(s.signer().orElseThrow().issuer()).isEqualTo(CA_G2);
        assertThat(s.revocation()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(s.status()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(codes(s.reasons())).contains(ReasonCode.REVOCATION_UNKNOWN)
                .doesNotContain(ReasonCode.WEAK_ALGORITHM, ReasonCode.UNTRUSTED_CHAIN, ReasonCode.CERTIFICATE_EXPIRED);
    }

    @Test
    void invoice02VnptCaIsIntactTrustedAndNamesSha1() throws Exception {
        VerificationReport r = verify("02_");
        assertThat(r.signatures()).hasSize(1);
        SignatureReport s = r.signatures().get(0);
        assertThat(s.format()).isEqualTo(SignatureFormat.XMLDSIG);
        assertThat(s.integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.INTACT);
        assertThat(s.signingTime()).contains(Instant.parse("2025-09-22T08:41:21Z"));
        assertThat(s.chainStatus()).isEqualTo(ChainStatus.TRUSTED);
        assertThat(s.trustAnchor().orElseThrow().subject()).contains("Vietnam National Root CA");
        assertThat(s.signer().orElseThrow().serialNumber()).isEqualTo("540101017EDD7543E413F92EC333E53A");
        assertThat(s.algorithm()).isEqualTo("RSA_SHA1");
        assertThat(s.warnings()).filteredOn(w -> w.code() == ReasonCode.WEAK_ALGORITHM).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("rsa-sha1", "SHA-1 digest of the reference '#DuLieuKy'",
                        "before the policy's cut-off"));
        assertThat(s.status()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(codes(s.reasons())).containsExactly(ReasonCode.REVOCATION_UNKNOWN);
    }

    @Test
    void invoice03Rsa1024IsWarnedAndItsMissingIntermediateNamed() throws Exception {
        SignatureReport s = verify("03_").signatures().get(0);
        assertThat(s.integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.INTACT);
        assertThat(s.chainStatus()).isEqualTo(ChainStatus.INCOMPLETE);
        assertThat(s.missingIssuer()).contains("CN=CA2,O=NACENCOMM SCT,C=VN");
        assertThat(s.warnings()).filteredOn(w -> w.code() == ReasonCode.WEAK_ALGORITHM).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("RSA-1024 signer key", "rsa-sha1"));
        assertThat(s.status()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(codes(s.reasons())).doesNotContain(ReasonCode.WEAK_ALGORITHM, ReasonCode.CERTIFICATE_EXPIRED);
    }

    @Test
    void strictAlgorithmPolicyRefusesTheLegacyAlgorithmsButStillReportsIntegrity() throws Exception {
        SignatureReport s = offline().algorithmPolicy(AlgorithmPolicy.strict()).build()
                .verify(Document.of(file("03_"))).signatures().get(0);
        assertThat(s.integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.INTACT);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(s.reasons()).filteredOn(w -> w.code() == ReasonCode.WEAK_ALGORITHM).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("RSA-1024", "no legacy algorithm is tolerated"));
        SignatureReport early = offline().algorithmPolicy(AlgorithmPolicy.circular15Draft()
                        .withLegacyAllowedBefore(Instant.parse("2025-01-01T00:00:00Z"))).build()
                .verify(Document.of(file("03_"))).signatures().get(0);
        assertThat(early.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(codes(early.reasons())).contains(ReasonCode.WEAK_ALGORITHM);
    }

    @Test
    void message04HasTwoSignaturesSellerIncompleteTaxAuthorityTrusted() throws Exception {
        VerificationReport r = verify("04_");
        assertThat(r.signatures()).hasSize(2);
        SignatureReport seller = r.signatures().get(0);
        assertThat(seller.integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.INTACT);
        assertThat(seller.chainStatus()).isEqualTo(ChainStatus.INCOMPLETE);
        assertThat(seller.missingIssuer()).contains("CN=CA2,O=NACENCOMM SCT,C=VN");
        assertThat(seller.reasons()).filteredOn(x -> x.code() == ReasonCode.UNTRUSTED_CHAIN).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("CN=CA2,O=NACENCOMM SCT,C=VN"));
        assertTaxAuthority(r.signatures().get(1));
        assertThat(r.signatures().get(1).signer().orElseThrow().subject()).startsWith("CN=CỤC THUẾ");
        assertThat(r.signatures().get(1).signedContent()).extracting(SignedContent::reference)
                .anyMatch(ref -> ref.startsWith("#Id-") || ref.contains("MCCQT") || ref.startsWith("#"));
    }

    @Test
    void message05TaxAuthorityTrustedAtItsSigningTimeSellerBrokenUnderW3c() throws Exception {
        VerificationReport r = verify("05_");
        assertThat(r.signatures()).hasSize(2);
        SignatureReport seller = r.signatures().get(0);
        assertThat(seller.integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.BROKEN);
        assertThat(seller.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(seller.reasons()).filteredOn(x -> x.code() == ReasonCode.NON_CONFORMANT_SIGNATURE).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("'#SigningTime'", "ds:Object",
                        "enveloped-signature transform", "W3C", "dotNetEnvelopedSignatureTransform"));
        SignatureReport tax = r.signatures().get(1);
        assertTaxAuthority(tax);
        // Expired since (2026-11-16), valid at the claimed signing time: indeterminate, not expired.
        assertThat(tax.signingTime()).contains(Instant.parse("2021-11-25T11:11:51Z"));
        assertThat(codes(tax.reasons())).contains(ReasonCode.CERTIFICATE_EXPIRED_SINCE_SIGNING);
    }

    @Test
    void message05SellerAcceptedOnlyUnderTheExplicitDotNetReadingAndTheReportSaysSo() throws Exception {
        VerificationReport r = offline().dotNetEnvelopedSignatureTransform(true).build().verify(Document.of(file("05_")));
        SignatureReport seller = r.signatures().get(0);
        assertThat(seller.integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.INTACT);
        assertThat(seller.warnings()).filteredOn(x -> x.code() == ReasonCode.NON_CONFORMANT_SIGNATURE).singleElement()
                .satisfies(x -> assertThat(x.message()).contains(".NET SignedXml", "compatibility option"));
        assertThat(seller.chainStatus()).isEqualTo(ChainStatus.INCOMPLETE);
        assertThat(seller.missingIssuer()).hasValueSatisfying(i -> assertThat(i).startsWith("CN=NEWTEL-CA v2"));
        assertThat(seller.warnings()).filteredOn(x -> x.code() == ReasonCode.WEAK_ALGORITHM).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("RSA-1024", "rsa-sha1"));
        assertThat(seller.status()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(r.signatures().get(1).integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.INTACT);
    }

    @Test
    void notice06FromTheTaxAuthorityIsIntactAndTrusted() throws Exception {
        VerificationReport r = verify("06_");
        assertThat(r.signatures()).hasSize(1);
        assertTaxAuthority(r.signatures().get(0));
        assertThat(r.signatures().get(0).signingTime()).contains(Instant.parse("2025-08-13T08:16:18Z"));
        assertThat(r.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    }

    @Test
    void registration08IsRefusedInEveryModeWithAnActionableReason() throws Exception {
        for (SignatureVerifier v : List.of(offline().build(), offline().dotNetEnvelopedSignatureTransform(true).build(),
                offline().algorithmPolicy(AlgorithmPolicy.strict()).build())) {
            SignatureReport s = v.verify(Document.of(file("08_"))).signatures().get(0);
            assertThat(s.integrity()).isEqualTo(vn.govsdk.signing.verify.Integrity.BROKEN);
            assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
            assertThat(s.reasons()).filteredOn(x -> x.code() == ReasonCode.NON_CONFORMANT_SIGNATURE).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("canonicalised the document wrongly", "xmlns:xsi",
                            "re-sign"));
        }
    }

    @Test
    void jsonReportCarriesTheSameFields() throws Exception {
        JsonNode r = json(verify("04_"));
        assertThat(r.get("status").asText()).isEqualTo("INDETERMINATE");
        JsonNode seller = r.get("signatures").get(0);
        JsonNode tax = r.get("signatures").get(1);
        assertThat(seller.get("format").asText()).isEqualTo("XMLDSig");
        assertThat(seller.get("integrity").asText()).isEqualTo("INTACT");
        assertThat(seller.get("chainStatus").asText()).isEqualTo("INCOMPLETE");
        assertThat(seller.get("missingIssuer").asText()).isEqualTo("CN=CA2,O=NACENCOMM SCT,C=VN");
        assertThat(seller.get("signer").get("serial").asText()).isEqualTo("5402BC5CACCE669C202400020008D38D");
        assertThat(seller.get("signingTime").asText()).isEqualTo("2025-10-17T08:02:30Z");
        assertThat(tax.get("chainStatus").asText()).isEqualTo("TRUSTED");
        assertThat(tax.get("trustAnchor").asText()).isEqualTo(BAN_CO_YEU_ROOT);
        assertThat(tax.get("revocation").asText()).isEqualTo("UNKNOWN");
        assertThat(tax.get("algorithms").asText()).isEqualTo("RSA_SHA256");
        assertThat(tax.get("status").asText()).isEqualTo("INDETERMINATE");

        JsonNode five = json(verify("05_")).get("signatures").get(0);
        assertThat(five.get("integrity").asText()).isEqualTo("BROKEN");
        assertThat(five.get("reasons").get(0).get("code").asText()).isEqualTo("NON_CONFORMANT_SIGNATURE");
        JsonNode two = json(verify("02_")).get("signatures").get(0);
        assertThat(two.get("warnings").toString()).contains("WEAK_ALGORITHM", "rsa-sha1");
    }
}
