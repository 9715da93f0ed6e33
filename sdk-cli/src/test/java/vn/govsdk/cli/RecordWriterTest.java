package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordWriterTest {

    @Test
    void formulasAreNeutralisedAndNumbersKept() {
        assertThat(RecordWriter.neutraliseFormula("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(RecordWriter.neutraliseFormula("+84901234567 call")).isEqualTo("'+84901234567 call");
        assertThat(RecordWriter.neutraliseFormula("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RecordWriter.neutraliseFormula("-1+2")).isEqualTo("'-1+2");
        assertThat(RecordWriter.neutraliseFormula("-12.5")).isEqualTo("-12.5");
        assertThat(RecordWriter.neutraliseFormula("106.70")).isEqualTo("106.70");
        assertThat(RecordWriter.neutraliseFormula("Phường Bến Thành")).isEqualTo("Phường Bến Thành");
        assertThat(RecordWriter.neutraliseFormula("")).isEmpty();
    }
}
