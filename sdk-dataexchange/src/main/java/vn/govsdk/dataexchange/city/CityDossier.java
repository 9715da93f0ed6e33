package vn.govsdk.dataexchange.city;

import java.time.ZonedDateTime;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A dossier (hồ sơ) as the city's dossier system (DVCMC) shows it in a search.
 *
 * @param code the dossier code, for example {@code 000.24.05.H29-250612-0007}
 * @param applicantName the applicant's full name ({@code applicant.data.fullname}), or {@code null}
 * @param procedureName the procedure's name ({@code procedure.translate[0].name}), or {@code null}
 * @param currentStep the step the dossier is at ({@code statusCurrentTask}), or {@code null}
 * @param applyMethod how it was submitted ({@code applyMethod.name}), or {@code null}
 * @param appliedAt when it was submitted, Vietnam time, or {@code null}
 * @param appointmentAt when the result is promised, Vietnam time, or {@code null}
 * @param completedAt when it was completed, Vietnam time, or {@code null} while open
 */
public record CityDossier(String code, String applicantName, String procedureName, String currentStep,
        String applyMethod, ZonedDateTime appliedAt, ZonedDateTime appointmentAt, ZonedDateTime completedAt) {

    /**
     * Tells whether the dossier is completed.
     *
     * @return {@code true} if it has a completion date
     */
    public boolean completed() {
        return completedAt != null;
    }

    /** Shows the applicant's name masked. */
    @Override
    public String toString() {
        return "CityDossier[code=" + code + ", applicantName=" + PersonalDataMasker.maskName(applicantName)
                + ", procedureName=" + procedureName + ", currentStep=" + currentStep + ", applyMethod=" + applyMethod
                + ", appliedAt=" + appliedAt + ", appointmentAt=" + appointmentAt + ", completedAt=" + completedAt + "]";
    }
}
