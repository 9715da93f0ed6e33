package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.testkit.pki.TestCredential;

/** The rules of {@link VisibleSignature}, each refused with the field it breaks, before anything is signed. */
class VisibleSignatureTest {

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();

    @TempDir
    Path dir;

    private void sign(VisibleSignature visible, int pages) {
        PadesSigner.builder().visibleSignature(visible).build()
                .prepare(Document.of(TestPdfs.decision(pages), "a.pdf", Document.PDF), rsa.chain());
    }

    @Test
    void aPageThePdfDoesNotHaveIsRefusedNamingThePageCount() {
        assertThatThrownBy(() -> sign(VisibleSignature.builder().page(3).build(), 2))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("visibleSignature.page"))
                .hasMessageContaining("1 to 2").hasMessageContaining("got 3");
        assertThatThrownBy(() -> VisibleSignature.builder().page(0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("page"));
    }

    @Test
    void aRectangleOutsideThePageBoxIsRefused() {
        // The test pages are US Letter, 612 x 792 points.
        assertThatThrownBy(() -> sign(VisibleSignature.builder().rectangle(500, 40, 200, 60).build(), 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("visibleSignature.rectangle"))
                .hasMessageContaining("x 0.0 to 612.0").hasMessageContaining("width 200.0");
        assertThatThrownBy(() -> sign(VisibleSignature.builder().rectangle(40, 760, 200, 60).build(), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("y 0.0 to 792.0");
        // Exactly filling the page is fine.
        sign(VisibleSignature.builder().rectangle(0, 0, 612, 792).build(), 1);
        assertThatThrownBy(() -> VisibleSignature.builder().rectangle(-1, 0, 100, 50))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rectangle"));
        assertThatThrownBy(() -> VisibleSignature.builder().rectangle(0, 0, 100, Float.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> VisibleSignature.builder().rectangle(0, 0, 2, 50))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 8 points");
    }

    @Test
    void aLetterTheFontLacksIsRefusedNamingIt() {
        assertThatThrownBy(() -> sign(VisibleSignature.builder().text("Ký bởi: 王小明").build(), 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("visibleSignature.font"))
                .hasMessageContaining("U+738B").hasMessageContaining("font(Path)");
    }

    @Test
    void textImageAndFontAreCheckedWhenGiven() throws Exception {
        assertThatThrownBy(() -> VisibleSignature.builder().text("dòng 1\ndòng 2"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> VisibleSignature.builder().text(java.util.List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one line");
        assertThatThrownBy(() -> VisibleSignature.builder().image("GIF89a...".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("image"))
                .hasMessageContaining("PNG or JPEG");
        // A PNG signature followed by garbage passes the builder and is refused when the appearance is drawn.
        byte[] brokenPng = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5};
        assertThatThrownBy(() -> sign(VisibleSignature.builder().image(brokenPng).build(), 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("visibleSignature.image"));

        Path otf = dir.resolve("x.otf");
        Files.write(otf, new byte[] {'O', 'T', 'T', 'O', 0, 0, 0, 0});
        assertThatThrownBy(() -> VisibleSignature.builder().font(otf))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("font"))
                .hasMessageContaining("CFF");
        Path junk = dir.resolve("junk.ttf");
        Files.write(junk, new byte[] {0, 1, 0, 0, 9, 9, 9});
        assertThatThrownBy(() -> VisibleSignature.builder().font(junk))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a readable TrueType font");
        assertThatThrownBy(() -> VisibleSignature.builder().font(dir.resolve("missing.ttf")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> VisibleSignature.builder().fontSize(100))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fontSize"));
    }

    @Test
    void theValueIsImmutableAndDescribesItself() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};
        VisibleSignature v = VisibleSignature.builder().lastPage().rectangle(10, 20, 100, 40).image(png).text("a", "b").build();
        v.image().get()[0] = 0;
        v.rectangle().get()[0] = 99;
        assertThat(v.image().get()[0]).isEqualTo((byte) 0x89);
        assertThat(v.rectangle().get()[0]).isEqualTo(10f);
        assertThat(v.page()).isEmpty();
        assertThat(v.text()).containsExactly("a", "b");
        assertThat(v.toString()).contains("page last").contains("10.0 20.0 100.0 x 40.0").contains("2 lines").contains("Noto Sans");
        assertThat(VisibleSignature.builder().build().page()).hasValue(1);
    }

    @Test
    void theShippedFontComesWithItsLicence() throws Exception {
        try (InputStream font = PadesSigner.class.getResourceAsStream("/vn/govsdk/signing/internal/pades/font/NotoSans-Regular.ttf");
                InputStream licence = PadesSigner.class.getResourceAsStream("/vn/govsdk/signing/internal/pades/font/OFL.txt")) {
            assertThat(font).isNotNull();
            assertThat(licence).isNotNull();
            assertThat(new String(licence.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("SIL OPEN FONT LICENSE Version 1.1").contains("Google");
        }
    }
}
