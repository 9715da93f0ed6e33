package vn.govsdk.identity.population;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.id.PersonalIdentifier;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * Who a population-database request is about: the subject's personal identifier (a 12-digit
 * {@link vn.govsdk.core.id.CitizenId}, sent as {@code SoDinhDanh}, or a 9-digit
 * {@link vn.govsdk.core.id.LegacyIdNumber}, sent as {@code SoCMND}), and optionally the full name
 * (họ và tên) and birth date to send with it, plus per-call overrides of the caller fields.
 * Immutable; validated when built, so a bad value is refused before any request is sent.
 *
 * <p>The name is normalised as the service expects: Unicode NFC, surrounding and repeated spaces
 * removed, upper-cased by Vietnamese rules ({@code Locale "vi"}) keeping diacritics:
 * {@code "Nguyễn Văn An"} is sent as {@code "NGUYỄN VĂN AN"}.
 */
public final class CitizenQuery {

    /** The Vietnamese locale names are upper-cased with. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final PersonalIdentifier subject;
    private final String fullName;
    private final BirthDate birthDate;
    private final CallOptions callOptions;

    private CitizenQuery(Builder b) {
        this.subject = b.subject;
        this.fullName = b.fullName;
        this.birthDate = b.birthDate;
        this.callOptions = b.callOptions;
    }

    /**
     * A query by identifier alone.
     *
     * @param subject the citizen ID or legacy ID number
     * @return the query
     * @throws InvalidInputException naming {@code subject} when null
     */
    public static CitizenQuery of(PersonalIdentifier subject) {
        return builder(subject).build();
    }

    /**
     * Starts a query about a subject.
     *
     * @param subject the citizen ID or legacy ID number
     * @return a new builder
     * @throws InvalidInputException naming {@code subject} when null
     */
    public static Builder builder(PersonalIdentifier subject) {
        if (subject == null) {
            throw new InvalidInputException("subject", "must not be null");
        }
        return new Builder(subject);
    }

    /**
     * Starts a query about a subject given as text: 12 digits give a citizen ID, 9 a legacy ID
     * number, each checked by its full rules.
     *
     * @param personalId the identifier
     * @return a new builder
     * @throws InvalidInputException naming {@code personalId} and the rule broken
     */
    public static Builder builder(String personalId) {
        return new Builder(PersonalIdentifier.parse(personalId));
    }

    /**
     * Normalises a full name as the service expects it: NFC, single spaces, Vietnamese upper case.
     *
     * @param fullName the name as typed
     * @return the normalised name
     * @throws InvalidInputException naming {@code fullName} when blank, too long (over 100
     *         characters) or containing characters other than letters, spaces, {@code '}, {@code -}
     *         and {@code .}
     */
    public static String normalizeName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new InvalidInputException("fullName", "must not be blank");
        }
        String s = Normalizer.normalize(fullName, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (s.length() > 100) {
            throw new InvalidInputException("fullName", "must be at most 100 characters");
        }
        if (!s.codePoints().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '\'' || c == '-' || c == '.'
                || Character.getType(c) == Character.NON_SPACING_MARK)) {
            throw new InvalidInputException("fullName", "must contain only letters, spaces, ' - and .");
        }
        return s.toUpperCase(VIETNAMESE);
    }

    /**
     * Returns the subject.
     *
     * @return the identifier
     */
    public PersonalIdentifier subject() {
        return subject;
    }

    /**
     * Returns the normalised full name, when given.
     *
     * @return the name in Vietnamese upper case
     */
    public Optional<String> fullName() {
        return Optional.ofNullable(fullName);
    }

    /**
     * Returns the birth date, when given.
     *
     * @return the birth date
     */
    public Optional<BirthDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /**
     * Returns the per-call overrides of the caller fields.
     *
     * @return the overrides; {@link CallOptions#none()} when none
     */
    public CallOptions callOptions() {
        return callOptions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CitizenQuery q && q.subject.equals(subject) && Objects.equals(q.fullName, fullName)
                && Objects.equals(q.birthDate, birthDate) && q.callOptions.equals(callOptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, fullName, birthDate, callOptions);
    }

    /**
     * Shows the query with the identifier, name and birth date masked.
     *
     * @return the masked text
     */
    @Override
    public String toString() {
        return "CitizenQuery[subject=" + subject + (fullName == null ? "" : ", fullName=" + PersonalDataMasker.maskName(fullName))
                + (birthDate == null ? "" : ", birthDate=" + birthDate) + "]";
    }

    /** Builds a {@link CitizenQuery}. */
    public static final class Builder {
        private final PersonalIdentifier subject;
        private String fullName;
        private BirthDate birthDate;
        private CallOptions callOptions = CallOptions.none();

        private Builder(PersonalIdentifier subject) {
            this.subject = subject;
        }

        /**
         * Sets the full name (họ và tên), normalised by {@link CitizenQuery#normalizeName(String)}.
         *
         * @param fullName the name as typed
         * @return this builder
         */
        public Builder fullName(String fullName) {
            this.fullName = normalizeName(fullName);
            return this;
        }

        /**
         * Sets the birth date (ngày tháng năm sinh).
         *
         * @param birthDate a full date or a year alone
         * @return this builder
         */
        public Builder birthDate(BirthDate birthDate) {
            if (birthDate == null) {
                throw new InvalidInputException("birthDate", "must not be null");
            }
            this.birthDate = birthDate;
            return this;
        }

        /**
         * Sets per-call overrides of the client's caller fields.
         *
         * @param callOptions the overrides
         * @return this builder
         */
        public Builder callOptions(CallOptions callOptions) {
            if (callOptions == null) {
                throw new InvalidInputException("callOptions", "must not be null");
            }
            this.callOptions = callOptions;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         */
        public CitizenQuery build() {
            return new CitizenQuery(this);
        }
    }
}
