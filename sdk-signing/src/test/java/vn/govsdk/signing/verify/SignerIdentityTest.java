package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * The identifiers Vietnamese certificates carry in {@code UID} (MST, CCCD, ...), typed in the report and
 * in full in its JSON, masked wherever the report is written as text (logs).
 */
class SignerIdentityTest {

    @Test
    void theTaxCodeOfTheCompanyThatSignedInvoice02IsATypedField() throws Exception {
        SignatureReport s = RealSignedTest.verify("02_").signatures().get(0);
        SignerIdentifier mst = s.signer().orElseThrow().identifiers().get(0);
        assertThat(mst.kind()).isEqualTo(SignerIdentifier.Kind.TAX_CODE);
        assertThat(mst.taxCode()).hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("0102671977"));
        assertThat(mst.toString()).startsWith("MST:").doesNotContain("0102671977");

        JsonNode id = RealSignedTest.json(RealSignedTest.verify("02_")).get("signatures").get(0).get("signer")
                .get("identifiers").get(0);
        assertThat(id.get("type").asText()).isEqualTo("TAX_CODE");
        assertThat(id.get("prefix").asText()).isEqualTo("MST");
        assertThat(id.get("value").asText()).isEqualTo("0102671977");
    }

    @Test
    void aCitizensIdIsInTheJsonAndMaskedInTheTextOfTheReport() {
        TestCredential citizen = TestPlatform.shared().pki().rsa2048Signer(); // UID=CCCD:079203000101
        byte[] xml = "<hoso><ten>Nguyễn Văn An</ten></hoso>".getBytes(StandardCharsets.UTF_8);
        byte[] signed = XadesSigner.builder().build().sign(Document.of(xml, "hoso.xml", Document.XML),
                TestPlatform.key(citizen)).bytes();
        VerificationReport r = Verifiers.offline().verify(Document.of(signed, "hoso.xml", Document.XML));
        SignatureReport s = r.signatures().get(0);

        SignerIdentifier cccd = s.signer().orElseThrow().identifiers().get(0);
        assertThat(cccd.kind()).isEqualTo(SignerIdentifier.Kind.CITIZEN_ID);
        assertThat(cccd.citizenId()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("079203000101"));
        assertThat(RealSignedTest.json(r).get("signatures").get(0).get("signer").get("identifiers").get(0)
                .get("value").asText()).isEqualTo("079203000101");

        assertThat(r.toString()).contains("UID=CCCD:").doesNotContain("079203000101");
        assertThat(s.toString()).doesNotContain("079203000101");
        assertThat(s.signer().orElseThrow().toString()).doesNotContain("079203000101");
        for (Reason reason : s.warnings()) {
            assertThat(reason.message()).doesNotContain("079203000101");
        }
    }

    @Test
    void prefixesAreReadAsTheCasWriteThemAndUnknownOnesKeptAsText() {
        assertThat(SignerIdentifier.parse("CMND:025123456")).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(SignerIdentifier.Kind.LEGACY_ID);
            assertThat(i.legacyId()).isPresent();
        });
        assertThat(SignerIdentifier.parse("HC:C1234567").orElseThrow().kind()).isEqualTo(SignerIdentifier.Kind.PASSPORT);
        assertThat(SignerIdentifier.parse("MNS:1234567").orElseThrow().kind()).isEqualTo(SignerIdentifier.Kind.BUDGET_UNIT_CODE);
        assertThat(SignerIdentifier.parse("BHXH:0123456789")).hasValueSatisfying(i -> {
            assertThat(i.kind()).isEqualTo(SignerIdentifier.Kind.OTHER);
            assertThat(i.prefix()).isEqualTo("BHXH");
        });
        assertThat(SignerIdentifier.parse("MST:12345").orElseThrow().taxCode()).isEmpty(); // not a valid tax code
        assertThat(SignerIdentifier.parse("no prefix")).isEmpty();
    }

    @Test
    void theEmailAttributeIsWrittenByName() throws Exception {
        // 03's seller certificate (CA2) carries an e-mail address in its subject.
        String subject = RealSignedTest.verify("03_").signatures().get(0).signer().orElseThrow().subject();
        assertThat(subject).doesNotContain("1.2.840.113549.1.9.1").contains("E=thuydd@cavn.vn");
    }
}
