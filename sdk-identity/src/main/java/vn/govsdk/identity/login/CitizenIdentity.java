package vn.govsdk.identity.login;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * Who logged in, as the provider's userinfo says (the public-service portal's claims). Each value
 * is as the provider sent it; absent claims are empty. {@code toString()} masks every personal value.
 *
 * <p>Serializable, so that it can be kept in an HTTP session that a store such as Spring Session
 * serializes; the serialized form (a private proxy, since {@code Optional} is not serializable) holds the
 * values in full, as the session holds the identity, and is read back through the canonical constructor.
 *
 * @param subject the subject ({@code sub}) the provider knows the account by; equals the ID token's
 * @param techId the technical account id ({@code TechID}), the key to map the account by first
 * @param accountType citizen or organisation ({@code LoaiTaiKhoan}: 1 citizen, anything else organisation)
 * @param personalId the personal ID: {@code SoDinhDanh}, else {@code SoCMND}, else {@code HoChieu}
 * @param personalIdKind which of those the personal ID is
 * @param fullName the full name ({@code HoVaTen})
 * @param birthDate the birth date ({@code NgayThangNamSinh}, {@code yyyyMMdd}); empty if absent or not a
 *     valid date of that form (some records carry only a year)
 * @param taxCode the tax code ({@code MaSoThue})
 * @param businessCode the enterprise registration number ({@code MaSoDoanhNghiep})
 * @param loginProvider the identity provider the person used ({@code loginIdp}; {@code BCA} is VNeID)
 * @param levelOfAssurance the level of assurance ({@code loAs}), free-form as the provider sends it
 */
public record CitizenIdentity(String subject, Optional<String> techId, AccountType accountType,
        Optional<String> personalId, Optional<PersonalIdKind> personalIdKind, Optional<String> fullName,
        Optional<LocalDate> birthDate, Optional<String> taxCode, Optional<String> businessCode,
        Optional<String> loginProvider, Optional<String> levelOfAssurance) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The {@code loginIdp} value meaning the person logged in with VNeID (Bộ Công an). */
    public static final String VNEID_LOGIN_PROVIDER = "BCA";

    /**
     * Checks that nothing is null.
     *
     * @param subject the subject
     * @param techId the TechID
     * @param accountType the account type
     * @param personalId the personal ID
     * @param personalIdKind its kind
     * @param fullName the full name
     * @param birthDate the birth date
     * @param taxCode the tax code
     * @param businessCode the business code
     * @param loginProvider the login provider
     * @param levelOfAssurance the level of assurance
     */
    public CitizenIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(techId, "techId");
        Objects.requireNonNull(accountType, "accountType");
        Objects.requireNonNull(personalId, "personalId");
        Objects.requireNonNull(personalIdKind, "personalIdKind");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(taxCode, "taxCode");
        Objects.requireNonNull(businessCode, "businessCode");
        Objects.requireNonNull(loginProvider, "loginProvider");
        Objects.requireNonNull(levelOfAssurance, "levelOfAssurance");
    }

    /**
     * Returns the personal ID as a checked 12-digit citizen ID, when it is one.
     *
     * @return the citizen ID, or empty if the personal ID is absent, of another kind, or not a valid CCCD number
     */
    public Optional<CitizenId> citizenId() {
        if (personalIdKind.orElse(null) != PersonalIdKind.CITIZEN_ID || personalId.isEmpty()
                || !CitizenId.isValid(personalId.get())) {
            return Optional.empty();
        }
        return Optional.of(CitizenId.of(personalId.get()));
    }

    /**
     * Tells whether the person logged in with VNeID ({@code loginIdp} is {@value #VNEID_LOGIN_PROVIDER}).
     *
     * @return {@code true} for a VNeID login
     */
    public boolean loggedInWithVneid() {
        return loginProvider.map(VNEID_LOGIN_PROVIDER::equalsIgnoreCase).orElse(false);
    }

    /**
     * Returns the personal ID masked for display or logs ({@code 079*******45}).
     *
     * @return the masked ID, or empty
     */
    public Optional<String> maskedPersonalId() {
        return personalId.map(PersonalDataMasker::maskIdentifier);
    }

    /**
     * Describes the identity with every personal value masked.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "CitizenIdentity[subject=" + PersonalDataMasker.maskIdentifier(subject)
                + ", techId=" + techId.map(PersonalDataMasker::maskIdentifier).orElse("-")
                + ", accountType=" + accountType
                + ", personalId=" + maskedPersonalId().orElse("-")
                + ", personalIdKind=" + personalIdKind.map(Enum::name).orElse("-")
                + ", fullName=" + fullName.map(PersonalDataMasker::maskName).orElse("-")
                + ", birthDate=" + birthDate.map(d -> "****-**-**").orElse("-")
                + ", taxCode=" + taxCode.map(PersonalDataMasker::maskIdentifier).orElse("-")
                + ", businessCode=" + businessCode.map(PersonalDataMasker::maskIdentifier).orElse("-")
                + ", loginProvider=" + loginProvider.orElse("-")
                + ", levelOfAssurance=" + levelOfAssurance.orElse("-") + "]";
    }

    @Serial
    private Object writeReplace() {
        return new SerialForm(this);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("CitizenIdentity is read through its serial form only");
    }

    /** The serialized form: the same values, with absent ones as {@code null}. */
    private static final class SerialForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String subject;
        private final String techId;
        private final AccountType accountType;
        private final String personalId;
        private final PersonalIdKind personalIdKind;
        private final String fullName;
        private final LocalDate birthDate;
        private final String taxCode;
        private final String businessCode;
        private final String loginProvider;
        private final String levelOfAssurance;

        SerialForm(CitizenIdentity c) {
            this.subject = c.subject;
            this.techId = c.techId.orElse(null);
            this.accountType = c.accountType;
            this.personalId = c.personalId.orElse(null);
            this.personalIdKind = c.personalIdKind.orElse(null);
            this.fullName = c.fullName.orElse(null);
            this.birthDate = c.birthDate.orElse(null);
            this.taxCode = c.taxCode.orElse(null);
            this.businessCode = c.businessCode.orElse(null);
            this.loginProvider = c.loginProvider.orElse(null);
            this.levelOfAssurance = c.levelOfAssurance.orElse(null);
        }

        @Serial
        private Object readResolve() throws InvalidObjectException {
            if (subject == null || accountType == null) {
                throw new InvalidObjectException("a CitizenIdentity needs its subject and account type");
            }
            return new CitizenIdentity(subject, Optional.ofNullable(techId), accountType, Optional.ofNullable(personalId),
                    Optional.ofNullable(personalIdKind), Optional.ofNullable(fullName), Optional.ofNullable(birthDate),
                    Optional.ofNullable(taxCode), Optional.ofNullable(businessCode), Optional.ofNullable(loginProvider),
                    Optional.ofNullable(levelOfAssurance));
        }

        @Override
        public String toString() {
            return "CitizenIdentity.SerialForm";
        }
    }
}
