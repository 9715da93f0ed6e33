package vn.govsdk.dataexchange.portal;

import java.time.Instant;

/**
 * A request for more documents (yêu cầu bổ sung, {@code DanhSachHoSoBoSung}).
 *
 * @param id the request id ({@code HoSoBoSungId})
 * @param requestedBy who asked ({@code NguoiYeuCauBoSung})
 * @param content what is asked for ({@code NoiDungBoSung})
 * @param requestedAt when ({@code NgayBoSung})
 * @param receivedAt when the documents arrived ({@code NgayTiepNhanBoSung}), or {@code null}
 * @param status the request's status ({@code TrangThaiBoSung}), or {@code null}
 * @param previousDueDate the due date before the request ({@code NgayHenTraTruoc}), or {@code null}
 * @param newDueDate the new due date ({@code NgayHenTraMoi}), or {@code null}
 */
public record SupplementaryRequest(String id, String requestedBy, String content, Instant requestedAt,
        Instant receivedAt, String status, Instant previousDueDate, Instant newDueDate) {
}
