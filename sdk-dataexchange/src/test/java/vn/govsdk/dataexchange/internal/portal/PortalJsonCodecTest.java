package vn.govsdk.dataexchange.internal.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.dataexchange.portal.Applicant;
import vn.govsdk.dataexchange.portal.ApplicantType;
import vn.govsdk.dataexchange.portal.Attachment;
import vn.govsdk.dataexchange.portal.Channel;
import vn.govsdk.dataexchange.portal.Dossier;
import vn.govsdk.dataexchange.portal.DossierFee;
import vn.govsdk.dataexchange.portal.DossierStatus;
import vn.govsdk.dataexchange.portal.FeeKind;
import vn.govsdk.dataexchange.portal.ProgressUpdate;
import vn.govsdk.dataexchange.portal.ResultDocument;
import vn.govsdk.dataexchange.portal.StatusUpdate;
import vn.govsdk.dataexchange.portal.SupplementaryRequest;

class PortalJsonCodecTest {

    private static final Instant T = Instant.parse("2025-08-01T02:00:00Z");

    @Test
    void dossierRoundTripsWithEveryPart() {
        Dossier d = Dossier.builder().code("HS-1").unitDossierCode("DV-1").procedureCode("1.001234").procedureName("Đăng ký")
                .fieldCode("F").fieldName("Hộ tịch").receiptNumber("BN-1")
                .applicant(new Applicant(ApplicantType.BUSINESS, "Công ty A", "0100109106", "a@b.vn", "0901"))
                .summary("Trích yếu").submittedAt(T.minusSeconds(60)).receivedAt(T).dueAt(T.plusSeconds(86_400))
                .status(DossierStatus.DOCUMENTS_REQUESTED).returnedAt(T.plusSeconds(90_000)).returnInfo("Bưu điện")
                .channel(Channel.POSTAL).finishedAt(T.plusSeconds(80_000)).processingUnit("UBND").note("ghi chú")
                .addAttachment(new Attachment("A1", "a.pdf", "GT1", "http://localhost/a", true))
                .addFee(new DossierFee("Lệ phí", "LP", "Tiền mặt", 12_345L, FeeKind.FEE))
                .addSupplementaryRequest(new SupplementaryRequest("S1", "Cán bộ", "Bổ sung ảnh", T, null, "1", T, T.plusSeconds(1)))
                .addResultDocument(new ResultDocument("Giấy khai sinh", "KQ", "R1", "http://localhost/r")).build();
        String json = PortalJsonCodec.encode(d);
        assertThat(json).contains("\"receivedAt\":\"2025-08-01T09:00+07:00\"").contains("\"status\":\"DOCUMENTS_REQUESTED\"");
        assertThat(PortalJsonCodec.decodeDossier(json)).isEqualTo(d);
    }

    @Test
    void progressAndStatusRoundTrip() {
        ProgressUpdate p = new ProgressUpdate("HS-1", "Cán bộ", "Chuyên viên", T, "Phòng", "Thẩm định",
                DossierStatus.PROCESSING, T.minusSeconds(5), T.plusSeconds(5));
        assertThat(PortalJsonCodec.decodeProgress(PortalJsonCodec.encode(p))).isEqualTo(p);
        StatusUpdate s = new StatusUpdate("HS-1", DossierStatus.DONE, T, null);
        assertThat(PortalJsonCodec.decodeStatus(PortalJsonCodec.encode(s))).isEqualTo(s);
        assertThat(PortalJsonCodec.decodeStatus("{\"dossierCode\":\"HS-1\",\"status\":9}").status()).isEqualTo(DossierStatus.DONE);
    }

    @Test
    void wrongShapesNameTheMember() {
        assertThatThrownBy(() -> PortalJsonCodec.decodeDossier("[1]"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("json"));
        assertThatThrownBy(() -> PortalJsonCodec.decodeDossier("{\"receivedAt\":\"01/08/2025\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("receivedAt"));
        assertThatThrownBy(() -> PortalJsonCodec.decodeDossier("{\"fees\":[{\"amountVnd\":1.5,\"kind\":\"FEE\"}]}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fees.amountVnd"));
        assertThatThrownBy(() -> PortalJsonCodec.decodeDossier("{\"channel\":\"FAX\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("channel"));
        assertThatThrownBy(() -> PortalJsonCodec.decodeStatus("{\"status\":11}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("status"));
    }
}
