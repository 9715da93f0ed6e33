package vn.govsdk.dataexchange.portal;

import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The applicant (chủ hồ sơ) of a dossier.
 *
 * @param type citizen or business ({@code LoaiDoiTuong})
 * @param name the applicant's name ({@code ChuHoSo})
 * @param identifier the citizen ID or tax code ({@code MaDoiTuong}), or {@code null}; checked against {@code type}
 * @param email the e-mail address ({@code Email}), or {@code null}
 * @param phone the phone number ({@code SoDienThoai}), or {@code null}
 */
public record Applicant(ApplicantType type, String name, String identifier, String email, String phone) {

    /**
     * Describes the applicant with the name and identifiers masked.
     *
     * @return the masked description
     */
    @Override
    public String toString() {
        return "Applicant[type=" + type + ", name=" + (name == null ? null : PersonalDataMasker.maskName(name))
                + ", identifier=" + (identifier == null ? null : PersonalDataMasker.maskIdentifier(identifier)) + "]";
    }
}
