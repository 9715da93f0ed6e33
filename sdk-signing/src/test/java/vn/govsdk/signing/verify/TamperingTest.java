package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.jws.JwsSigner;
import vn.govsdk.signing.xades.XadesSigner;

/**
 * Property: one flipped byte anywhere in a signed document makes it INVALID. Every byte position is
 * flipped (XOR 1, the smallest change), then random positions with random masks. The XML document has
 * no comments: comments are outside what XML Signature signs, by design of the standard.
 */
class TamperingTest {

    private static final SigningKey KEY = TestPlatform.key(TestPlatform.shared().pki().rsa2048Signer());
    private static final SigningKey EC = TestPlatform.key(TestPlatform.shared().pki().ecP256Signer());

    private static List<String> survivors(byte[] signed, Document detached) {
        assertThat(verify(signed, detached).status()).isEqualTo(SignatureStatus.VALID);
        List<String> survived = new ArrayList<>();
        Random random = new Random(20251122L);
        for (int i = 0; i < signed.length; i++) {
            check(signed, i, 0x01, detached, survived);
        }
        for (int n = 0; n < 300; n++) {
            check(signed, random.nextInt(signed.length), 1 + random.nextInt(255), detached, survived);
        }
        return survived;
    }

    private static void check(byte[] signed, int pos, int mask, Document detached, List<String> survived) {
        byte[] t = signed.clone();
        t[pos] ^= (byte) mask;
        VerificationReport r = verify(t, detached);
        if (r.status() != SignatureStatus.INVALID) {
            survived.add("byte " + pos + " ^ " + mask + " (" + (char) (signed[pos] & 0xFF) + " -> " + (char) (t[pos] & 0xFF)
                    + "): " + r.status() + " " + r);
        }
    }

    private static VerificationReport verify(byte[] bytes, Document detached) {
        Document d = Document.of(bytes, "tampered", Document.OCTET_STREAM);
        return detached == null ? Verifiers.offline().verify(d) : Verifiers.offline().verify(d, detached);
    }

    @Test
    void xadesEnveloped() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HoSo xmlns=\"urn:govsdk:test\" Id=\"hs\">"
                + "<NguoiNop cccd=\"079203000101\">Nguyễn Văn An</NguoiNop>\n  <DiaChi>Phường Sài Gòn</DiaChi></HoSo>\n";
        byte[] signed = XadesSigner.builder().build().sign(Document.ofText(xml, "hoso.xml", Document.XML), KEY).bytes();
        assertThat(survivors(signed, null)).isEmpty();
    }

    @Test
    void xadesEcdsaSigningOneElement() {
        String xml = "<HDon><DLHDon Id=\"data\"><SHDon>0000123</SHDon></DLHDon><DSCKS/></HDon>";
        byte[] signed = XadesSigner.builder().signedElementId("data").build()
                .sign(Document.ofText(xml, "hd.xml", Document.XML), EC).bytes();
        // The <DSCKS/> element lies outside the signed element: changes there are allowed by design,
        // so only the signed region and the signature are flipped.
        String text = new String(signed, StandardCharsets.UTF_8);
        int from = text.indexOf("<DLHDon");
        List<String> survived = new ArrayList<>();
        int dscks = text.indexOf("<DSCKS/>");
        for (int i = from; i < signed.length; i++) {
            if (i >= dscks && i < dscks + "<DSCKS/>".length()) {
                continue;
            }
            check(signed, i, 0x01, null, survived);
        }
        assertThat(survived).isEmpty();
    }

    @Test
    void cadesAttached() {
        byte[] signed = CadesSigner.builder().packaging(SignaturePackaging.ENVELOPING).build()
                .sign(Document.of("Quyết định số 01".getBytes(StandardCharsets.UTF_8)), KEY).bytes();
        assertThat(survivors(signed, null)).isEmpty();
    }

    @Test
    void cadesDetachedAndItsContent() {
        byte[] content = "Hợp đồng số 7".getBytes(StandardCharsets.UTF_8);
        byte[] signed = CadesSigner.builder().build().sign(Document.of(content), EC).bytes();
        assertThat(survivors(signed, Document.of(content))).isEmpty();
        for (int i = 0; i < content.length; i++) {
            byte[] t = content.clone();
            t[i] ^= 1;
            assertThat(verify(signed, Document.of(t)).status()).isEqualTo(SignatureStatus.INVALID);
        }
    }

    @Test
    void jwsCompactAndJson() {
        Document json = Document.ofText("{\"soHoSo\":\"01\",\"ten\":\"Nguyễn Văn An\"}", "a.json", Document.JSON);
        assertThat(survivors(JwsSigner.builder().build().sign(json, KEY).bytes(), null)).isEmpty();
        assertThat(survivors(JwsSigner.builder().build().sign(json, EC).bytes(), null)).isEmpty();
    }
}
