package vn.govsdk.dataexchange.portal;

import java.time.Instant;
import java.util.Optional;

/**
 * A dossier as the portal knows it ({@code TraCuuHoSo}).
 *
 * @param code the dossier code ({@code MaHoSo})
 * @param procedureCode the procedure code ({@code MaTTHC})
 * @param status the status, empty if the portal sent a code outside 1..10
 * @param rawStatus the status code as sent
 * @param receivedAt when it was received, or {@code null}
 * @param dueAt when it is due, or {@code null}
 * @param progressSteps how many progress steps the portal holds, or -1 if it did not say
 */
public record DossierSummary(String code, String procedureCode, Optional<DossierStatus> status, String rawStatus,
        Instant receivedAt, Instant dueAt, int progressSteps) {
}
