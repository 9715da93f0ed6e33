package vn.govsdk.testkit.portal;

import java.util.List;

/**
 * What the mock portal holds about one dossier, for assertions.
 *
 * @param code {@code MaHoSo}
 * @param procedureCode {@code MaTTHC}
 * @param status the current status code (1..10)
 * @param syncCount how many {@code DongBoHoSoMC} calls stored it
 * @param progressStatuses the {@code TrangThai} of each stored progress step, in the order received
 * @param statusHistory every status the dossier went through, in order
 */
public record PortalDossierState(String code, String procedureCode, int status, int syncCount,
        List<Integer> progressStatuses, List<Integer> statusHistory) {

    /** Makes the lists immutable. */
    public PortalDossierState {
        progressStatuses = List.copyOf(progressStatuses);
        statusHistory = List.copyOf(statusHistory);
    }
}
