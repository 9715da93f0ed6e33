package vn.govsdk.dataexchange.city;

import java.time.LocalDate;
import java.util.Map;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A civil-registration extract (trích lục hộ tịch).
 *
 * @param kind the kind
 * @param registerNumber the register number (số đăng ký)
 * @param registeredOn the registration date, or {@code null}
 * @param registrationPlace the registering authority (nơi đăng ký), or {@code null}
 * @param personName the person's full name
 * @param citizenId the person's citizen ID (số định danh cá nhân), or {@code null}
 * @param details the other members of the extract as served (birth date, parents...)
 */
public record CivilExtract(ExtractKind kind, String registerNumber, LocalDate registeredOn, String registrationPlace,
        String personName, String citizenId, Map<String, String> details) {

    /**
     * Copies the details.
     *
     * @param kind the kind
     * @param registerNumber the register number
     * @param registeredOn the registration date
     * @param registrationPlace the authority
     * @param personName the name
     * @param citizenId the citizen ID
     * @param details the other members
     */
    public CivilExtract {
        details = Map.copyOf(details);
    }

    /** Shows names and identifiers masked, details by name only. */
    @Override
    public String toString() {
        return "CivilExtract[kind=" + kind + ", registerNumber=" + registerNumber + ", registeredOn=" + registeredOn
                + ", registrationPlace=" + registrationPlace + ", personName=" + PersonalDataMasker.maskName(personName)
                + ", citizenId=" + PersonalDataMasker.maskIdentifier(citizenId) + ", details=" + details.keySet() + "]";
    }
}
