package vn.govsdk.examples.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.govsdk.examples.ShownCode;

/** Each guide's code is the compiled example's, verbatim, and the example runs on the mock platform. */
class GuidesTest {

    @Test
    void theVerifyGuideShowsTheCompiledCodeAndItAcceptsTheSignedDossier() throws Exception {
        ShownCode.assertPageShows(Path.of("../docs/guides/verify-received-documents.md"),
                Path.of("src/main/java/vn/govsdk/examples/guides/VerifyReceived.java"), "// guide:begin", "// guide:end");
        String out = ShownCode.printed(() -> VerifyReceived.main(new String[0]));
        assertThat(out).contains("VALID XAdES B-B", "integrity INTACT, chain TRUSTED, revocation GOOD",
                "signer CITIZEN_ID CCCD:", "accept").doesNotContain("079203000101");
    }
}
