package vn.govsdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.ResponseDecodingException;

class GovJsonTest {

    record Citizen(String soDinhDanh, @JsonFormat(pattern = "uuuuMMdd") LocalDate ngaySinh,
            @JsonFormat(pattern = "uuuuMMddHHmmss", timezone = "Asia/Ho_Chi_Minh") ZonedDateTime capNhat, String ghiChu) {
    }

    @Test
    void unknownMembersAreToleratedAndVietnameseDateFormsAreRead() {
        String json = "{\"soDinhDanh\":\"001203000001\",\"ngaySinh\":\"20030115\",\"capNhat\":\"20250701083000\","
                + "\"truongMoi\":{\"a\":1}}";

        Citizen c = GovJson.read(json.getBytes(StandardCharsets.UTF_8), Citizen.class);

        assertThat(c.ngaySinh()).isEqualTo(LocalDate.of(2003, 1, 15));
        assertThat(c.capNhat().toInstant()).isEqualTo(Instant.parse("2025-07-01T01:30:00Z"));
        assertThat(c.capNhat().getZone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
    }

    @Test
    void writingUsesTheSamePatternsInVietnamTimeAndSkipsNulls() {
        Citizen c = new Citizen("001203000001", LocalDate.of(2003, 1, 15),
                ZonedDateTime.parse("2025-07-01T08:30:00+07:00[Asia/Ho_Chi_Minh]"), null);

        assertThat(GovJson.writeString(c)).isEqualTo(
                "{\"soDinhDanh\":\"001203000001\",\"ngaySinh\":\"20030115\",\"capNhat\":\"20250701083000\"}");
    }

    @Test
    void malformedJsonIsADecodingErrorWithAMaskedMessageAndNoQuotingCause() {
        byte[] json = "{\"soDinhDanh\": x079203012345}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> GovJson.read(json, Citizen.class))
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("Citizen")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("079203012345")
                .hasNoCause();
    }

    record Counts(int soLuong, boolean hoanThanh, long tong) {
    }

    @Test
    void numbersAndBooleansSentAsStringsAreStillAccepted() {
        Counts c = GovJson.read("{\"soLuong\":\"42\",\"hoanThanh\":\"true\",\"tong\":\"7\"}", Counts.class);

        assertThat(c).isEqualTo(new Counts(42, true, 7));
    }

    @Test
    void aBadDateIsADecodingError() {
        assertThatThrownBy(() -> GovJson.read("{\"ngaySinh\":\"20250230\"}", Citizen.class))
                .isInstanceOf(ResponseDecodingException.class);
    }

    @Test
    void genericTypesAndTreesAreRead() {
        List<Map<String, Integer>> list = GovJson.read("[{\"a\":1},{\"b\":2}]".getBytes(StandardCharsets.UTF_8),
                new TypeReference<List<Map<String, Integer>>>() { });

        assertThat(list).containsExactly(Map.of("a", 1), Map.of("b", 2));
        assertThat(GovJson.readTree("{\"x\":[1,2]}".getBytes(StandardCharsets.UTF_8)).get("x").size()).isEqualTo(2);
    }

    @Test
    void noPolymorphicTypingFromTheInput() {
        Object value = GovJson.read("[\"java.lang.ProcessBuilder\",{\"command\":[\"id\"]}]", Object.class);

        assertThat(value).isInstanceOf(List.class);
    }

    @Test
    void trailingGarbageIsRefused() {
        assertThatThrownBy(() -> GovJson.read("{\"ghiChu\":\"a\"} {\"ghiChu\":\"b\"}", Citizen.class))
                .isInstanceOf(ResponseDecodingException.class);
    }
}
