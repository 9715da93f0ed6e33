package vn.govsdk.dataexchange.portal;

/**
 * One administrative procedure (thủ tục hành chính, TTHC) in the catalogue list ({@code LayDanhSachTTHC}).
 *
 * @param code the national procedure code ({@code MATTHC})
 * @param name the procedure name ({@code TENTTHC})
 * @param fieldName the field ({@code TENLINHVUC}), or {@code null}
 * @param agencyLevel the level that carries it out ({@code CAPTHUCHIEN}), or {@code null}
 */
public record ProcedureSummary(String code, String name, String fieldName, String agencyLevel) {
}
