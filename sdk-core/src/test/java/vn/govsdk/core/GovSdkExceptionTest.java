package vn.govsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exception messages quote what other systems sent; none can forge a log line or carry markup. */
class GovSdkExceptionTest {

    @Test
    void noMessageCarriesALineBreakOrABidiOverrideAndNoneIsEndless() {
        GovSdkException e = new GovSdkException("refused: x\r\n2026-01-01 WARN forged \u202Egnp.exe\u0000");
        assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u202E", "\u0000")
                .isEqualTo("refused: x\\u000d\\u000a2026-01-01 WARN forged \\u202egnp.exe\\u0000");
        assertThat(new GovSdkException("a".repeat(10_000), null).getMessage()).hasSize(4001).endsWith("…");
        assertThat(new GovSdkException(null).getMessage()).isNull();
    }

    @Test
    void aServiceMessageIsCappedMaskedAndNeutralisedInTheExceptionMessage() {
        GovServiceException e = new GovServiceException(400, "E<1>", "<b>bad</b> citizen 079203001234\n" + "x".repeat(900),
                "req-1", 1);
        assertThat(e.getMessage()).doesNotContain("<b>", "079203001234", "\n", "E<1>").contains("079*******34")
                .hasSizeLessThan(400);
        assertThat(e.serviceMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("<b>bad</b>"));
    }
}
