package vn.govsdk.signing.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.TestTimestampClient;
import vn.govsdk.signing.ValidationDataSource;
import vn.govsdk.signing.Tools;
import vn.govsdk.signing.internal.xml.XmlSec;
import vn.govsdk.signing.xades.Canonicalization;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestPki;

/** Our XAdES B-T and B-LT against xmlsec1 (the signature) and openssl ts (the timestamp token). */
class XadesLtInteropTest {

    private static final String XADES_SP = "--id-attr:Id";
    private static final String SIGNED_PROPERTIES = "http://uri.etsi.org/01903/v1.3.2#:SignedProperties";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HoSo xmlns=\"urn:govsdk:test\" Id=\"hs\">"
            + "<NguoiNop>Nguyễn Văn An</NguoiNop><DiaChi>Phường Sài Gòn, Thành phố Hồ Chí Minh</DiaChi></HoSo>\n";

    private final TestPki pki = TestPlatform.shared().pki();

    private Path files(String name) throws Exception {
        Path dir = Tools.workDir(name);
        Files.writeString(dir.resolve("root.pem"), pki.trustAnchorPem());
        Files.writeString(dir.resolve("intermediate.pem"), pki.intermediateCa().certificatePem());
        return dir;
    }

    private static XadesSigner.Builder signer(SignatureLevel level) {
        XadesSigner.Builder b = XadesSigner.builder().level(level).timestampClient(TestTimestampClient.shared());
        return level == SignatureLevel.B_LT ? b.validationDataSource(ValidationDataSource.online()) : b;
    }

    @Test
    void xmlsec1VerifiesOurEnvelopedAndDetachedBtAndBlt() throws Exception {
        Path dir = files("xmlsec1-xades-lt");
        Files.write(dir.resolve("data.bin"), "Giấy phép kinh doanh số 0100109106\n".getBytes(StandardCharsets.UTF_8));
        for (SignatureLevel level : new SignatureLevel[] {SignatureLevel.B_T, SignatureLevel.B_LT}) {
            for (Canonicalization c14n : Canonicalization.values()) {
                SignedDocument signed = signer(level).canonicalization(c14n).build()
                        .sign(Document.ofText(XML, "hoso.xml", Document.XML), TestPlatform.key(pki.rsa2048Signer()));
                assertThat(new String(signed.bytes(), StandardCharsets.UTF_8)).contains("<xades:SignatureTimeStamp");
                Path file = dir.resolve("hoso-" + level + "-" + c14n + ".xml");
                Files.write(file, signed.bytes());
                String out = Tools.ok(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem", XADES_SP, SIGNED_PROPERTIES,
                        file.getFileName().toString());
                assertThat(out).contains("OK").contains("SignedInfo References (ok/all): 2/2");
            }
            SignedDocument detached = signer(level).packaging(SignaturePackaging.DETACHED).build()
                    .sign(Document.of(dir.resolve("data.bin")), TestPlatform.key(pki.ecP256Signer()));
            Path sig = dir.resolve("data.bin-" + level + ".xades.xml");
            Files.write(sig, detached.bytes());
            assertThat(Tools.ok(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem", XADES_SP, SIGNED_PROPERTIES,
                    "--enabled-reference-uris", "empty,same-doc,local,remote", sig.getFileName().toString())).contains("OK");
        }
        // A B-LT whose document changed is still refused by xmlsec1.
        String changed = new String(Files.readAllBytes(dir.resolve("hoso-B_LT-EXCLUSIVE.xml")), StandardCharsets.UTF_8)
                .replace("Nguyễn Văn An", "Nguyễn Văn Ân");
        Files.writeString(dir.resolve("changed.xml"), changed);
        assertThat(Tools.run(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem", XADES_SP, SIGNED_PROPERTIES,
                "changed.xml").exitCode()).isNotZero();
    }

    @Test
    void opensslTsVerifiesTheTokenOverTheCanonicalSignatureValue() throws Exception {
        Path dir = files("openssl-ts-xades");
        for (Canonicalization c14n : Canonicalization.values()) {
            SignedDocument signed = signer(SignatureLevel.B_LT).canonicalization(c14n).build()
                    .sign(Document.ofText(XML, "hoso.xml", Document.XML), TestPlatform.key(pki.rsa2048Signer()));
            String text = new String(signed.bytes(), StandardCharsets.UTF_8);
            Files.write(dir.resolve("token-" + c14n + ".der"), token(text));
            byte[] canonical;
            if (c14n == Canonicalization.EXCLUSIVE) {
                // Written out by hand from the exclusive C14N rules: only the ds prefix, the Id attribute, the value.
                Matcher m = Pattern.compile("<ds:SignatureValue Id=\"([^\"]+)\">([^<]+)</ds:SignatureValue>").matcher(text);
                assertThat(m.find()).isTrue();
                canonical = ("<ds:SignatureValue xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"" + m.group(1) + "\">"
                        + m.group(2) + "</ds:SignatureValue>").getBytes(StandardCharsets.US_ASCII);
            } else {
                org.w3c.dom.Document dom = XmlSec.parse(signed.bytes());
                Element sv = (Element) dom.getElementsByTagNameNS(XmlSec.DS, "SignatureValue").item(0);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Canonicalizer.getInstance(c14n.uri()).canonicalizeSubtree(sv, out);
                canonical = out.toByteArray();
                assertThat(new String(canonical, StandardCharsets.UTF_8)).contains("xmlns=\"urn:govsdk:test\"");
            }
            Files.write(dir.resolve("sigvalue-" + c14n + ".xml"), canonical);
            String out = Tools.ok(dir, "openssl", "ts", "-verify", "-in", "token-" + c14n + ".der", "-token_in",
                    "-data", "sigvalue-" + c14n + ".xml", "-CAfile", "root.pem", "-untrusted", "intermediate.pem");
            assertThat(out).contains("Verification: OK");
        }
        // The same token over the bare value (not the canonical element) does not verify.
        String text = Files.readString(dir.resolve("sigvalue-EXCLUSIVE.xml"));
        Files.writeString(dir.resolve("bare.txt"), text.substring(text.indexOf('>') + 1, text.lastIndexOf('<')));
        assertThat(Tools.run(dir, "openssl", "ts", "-verify", "-in", "token-EXCLUSIVE.der", "-token_in", "-data", "bare.txt",
                "-CAfile", "root.pem", "-untrusted", "intermediate.pem").exitCode()).isNotZero();
    }

    private static byte[] token(String text) {
        Matcher m = Pattern.compile("<xades:EncapsulatedTimeStamp>([^<]+)</xades:EncapsulatedTimeStamp>").matcher(text);
        assertThat(m.find()).isTrue();
        return Base64.getDecoder().decode(m.group(1));
    }
}
