package vn.govsdk.identity.population;

import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The caller fields every population-database request carries after its request id: service code
 * (MaDVC), integration code (MaTichHop), officer account (MaCanBo), unit code (MaDonVi), account
 * (TaiKhoan) and phone number (SoDienThoai). A client holds defaults
 * ({@link PopulationRegistryClient.Builder#callOptions(CallOptions)}); a query may override any of
 * them ({@link CitizenQuery.Builder#callOptions(CallOptions)}): each field set on the override
 * replaces the client's, unset fields keep it. Immutable.
 */
public final class CallOptions {

    private static final CallOptions EMPTY = builder().build();

    private final String serviceCode;
    private final String integrationCode;
    private final String officerAccount;
    private final String unitCode;
    private final String account;
    private final String phoneNumber;

    private CallOptions(Builder b) {
        this.serviceCode = b.serviceCode;
        this.integrationCode = b.integrationCode;
        this.officerAccount = b.officerAccount;
        this.unitCode = b.unitCode;
        this.account = b.account;
        this.phoneNumber = b.phoneNumber;
    }

    /**
     * Returns options with no field set.
     *
     * @return the empty options
     */
    public static CallOptions none() {
        return EMPTY;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns these options with every field set on {@code override} replaced.
     *
     * @param override the per-call options; null means none
     * @return the merged options
     */
    public CallOptions overriddenBy(CallOptions override) {
        if (override == null) {
            return this;
        }
        Builder b = new Builder();
        b.serviceCode = pick(override.serviceCode, serviceCode);
        b.integrationCode = pick(override.integrationCode, integrationCode);
        b.officerAccount = pick(override.officerAccount, officerAccount);
        b.unitCode = pick(override.unitCode, unitCode);
        b.account = pick(override.account, account);
        b.phoneNumber = pick(override.phoneNumber, phoneNumber);
        return new CallOptions(b);
    }

    private static String pick(String first, String second) {
        return first != null ? first : second;
    }

    /**
     * Returns the service code (mã dịch vụ công, MaDVC), for example {@code VPCP}.
     *
     * @return the code, if set
     */
    public Optional<String> serviceCode() {
        return Optional.ofNullable(serviceCode);
    }

    /**
     * Returns the integration code (mã tích hợp, MaTichHop), for example {@code 037}.
     *
     * @return the code, if set
     */
    public Optional<String> integrationCode() {
        return Optional.ofNullable(integrationCode);
    }

    /**
     * Returns the officer account (mã cán bộ, MaCanBo) the request is made on behalf of.
     *
     * @return the account, if set
     */
    public Optional<String> officerAccount() {
        return Optional.ofNullable(officerAccount);
    }

    /**
     * Returns the unit code (mã đơn vị, MaDonVi).
     *
     * @return the code, if set
     */
    public Optional<String> unitCode() {
        return Optional.ofNullable(unitCode);
    }

    /**
     * Returns the account (tài khoản, TaiKhoan).
     *
     * @return the account, if set
     */
    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    /**
     * Returns the phone number (số điện thoại, SoDienThoai).
     *
     * @return the number, if set
     */
    public Optional<String> phoneNumber() {
        return Optional.ofNullable(phoneNumber);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallOptions c && Objects.equals(serviceCode, c.serviceCode)
                && Objects.equals(integrationCode, c.integrationCode) && Objects.equals(officerAccount, c.officerAccount)
                && Objects.equals(unitCode, c.unitCode) && Objects.equals(account, c.account)
                && Objects.equals(phoneNumber, c.phoneNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceCode, integrationCode, officerAccount, unitCode, account, phoneNumber);
    }

    /**
     * Shows the codes; the officer account, account and phone number are masked.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "CallOptions[serviceCode=" + serviceCode + ", integrationCode=" + integrationCode
                + ", officerAccount=" + (officerAccount == null ? null : PersonalDataMasker.maskIdentifier(officerAccount))
                + ", unitCode=" + unitCode
                + ", account=" + (account == null ? null : PersonalDataMasker.maskIdentifier(account))
                + ", phoneNumber=" + (phoneNumber == null ? null : PersonalDataMasker.maskIdentifier(phoneNumber)) + "]";
    }

    /** Builds {@link CallOptions}; every field is optional. */
    public static final class Builder {
        private String serviceCode;
        private String integrationCode;
        private String officerAccount;
        private String unitCode;
        private String account;
        private String phoneNumber;

        private Builder() {
        }

        /**
         * Sets the service code (MaDVC).
         *
         * @param serviceCode 1 to 64 printable characters
         * @return this builder
         */
        public Builder serviceCode(String serviceCode) {
            this.serviceCode = check("serviceCode", serviceCode);
            return this;
        }

        /**
         * Sets the integration code (MaTichHop).
         *
         * @param integrationCode 1 to 64 printable characters
         * @return this builder
         */
        public Builder integrationCode(String integrationCode) {
            this.integrationCode = check("integrationCode", integrationCode);
            return this;
        }

        /**
         * Sets the officer account (MaCanBo).
         *
         * @param officerAccount 1 to 64 printable characters
         * @return this builder
         */
        public Builder officerAccount(String officerAccount) {
            this.officerAccount = check("officerAccount", officerAccount);
            return this;
        }

        /**
         * Sets the unit code (MaDonVi).
         *
         * @param unitCode 1 to 64 printable characters
         * @return this builder
         */
        public Builder unitCode(String unitCode) {
            this.unitCode = check("unitCode", unitCode);
            return this;
        }

        /**
         * Sets the account (TaiKhoan).
         *
         * @param account 1 to 64 printable characters
         * @return this builder
         */
        public Builder account(String account) {
            this.account = check("account", account);
            return this;
        }

        /**
         * Sets the phone number (SoDienThoai).
         *
         * @param phoneNumber 1 to 15 digits, optionally with a leading {@code +}
         * @return this builder
         */
        public Builder phoneNumber(String phoneNumber) {
            String p = check("phoneNumber", phoneNumber);
            if (!p.matches("\\+?[0-9]{1,15}")) {
                throw new InvalidInputException("phoneNumber", "must be 1 to 15 digits, optionally after '+'");
            }
            this.phoneNumber = p;
            return this;
        }

        private static String check(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException(field, "must not be blank");
            }
            String s = value.strip();
            if (s.length() > 64) {
                throw new InvalidInputException(field, "must be at most 64 characters");
            }
            if (s.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException(field, "must not contain control characters");
            }
            return s;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public CallOptions build() {
            return new CallOptions(this);
        }
    }
}
