package vn.govsdk.dataexchange.portal;

/**
 * A public service (dịch vụ công) offered for a procedure ({@code LayDVC}).
 *
 * @param code {@code MADVC}
 * @param name {@code TENDVC}
 * @param procedureCode {@code MATTHC}
 * @param procedureName {@code TENTTHC}
 * @param issuingAgency {@code TENCOQUANBANHANH}, or {@code null}
 * @param fieldName {@code TENLINHVUC}, or {@code null}
 */
public record PublicService(String code, String name, String procedureCode, String procedureName,
        String issuingAgency, String fieldName) {
}
