package vn.govsdk.dataexchange.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dossier (hồ sơ) as synchronised to the portal with {@code DongBoHoSoMC}. Immutable; made with
 * {@link #builder()}. The builder checks nothing: {@link PortalClient#syncDossier(Dossier)} validates
 * every field before anything is sent, naming the field and the rule it breaks.
 */
public final class Dossier {
    private final String code;
    private final String unitDossierCode;
    private final String procedureCode;
    private final String procedureName;
    private final String fieldCode;
    private final String fieldName;
    private final String receiptNumber;
    private final Applicant applicant;
    private final String summary;
    private final Instant submittedAt;
    private final Instant receivedAt;
    private final Instant dueAt;
    private final DossierStatus status;
    private final Instant returnedAt;
    private final String returnInfo;
    private final Channel channel;
    private final Instant finishedAt;
    private final String processingUnit;
    private final String note;
    private final List<Attachment> attachments;
    private final List<DossierFee> fees;
    private final List<SupplementaryRequest> supplementaryRequests;
    private final List<ResultDocument> resultDocuments;

    private Dossier(Builder b) {
        code = b.code;
        unitDossierCode = b.unitDossierCode;
        procedureCode = b.procedureCode;
        procedureName = b.procedureName;
        fieldCode = b.fieldCode;
        fieldName = b.fieldName;
        receiptNumber = b.receiptNumber;
        applicant = b.applicant;
        summary = b.summary;
        submittedAt = b.submittedAt;
        receivedAt = b.receivedAt;
        dueAt = b.dueAt;
        status = b.status;
        returnedAt = b.returnedAt;
        returnInfo = b.returnInfo;
        channel = b.channel;
        finishedAt = b.finishedAt;
        processingUnit = b.processingUnit;
        note = b.note;
        attachments = List.copyOf(b.attachments);
        fees = List.copyOf(b.fees);
        supplementaryRequests = List.copyOf(b.supplementaryRequests);
        resultDocuments = List.copyOf(b.resultDocuments);
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
     * Returns a builder holding this dossier's values, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().code(code).unitDossierCode(unitDossierCode).procedureCode(procedureCode)
                .procedureName(procedureName).fieldCode(fieldCode).fieldName(fieldName).receiptNumber(receiptNumber)
                .applicant(applicant).summary(summary).submittedAt(submittedAt).receivedAt(receivedAt).dueAt(dueAt)
                .status(status).returnedAt(returnedAt).returnInfo(returnInfo).channel(channel).finishedAt(finishedAt)
                .processingUnit(processingUnit).note(note);
        b.attachments.addAll(attachments);
        b.fees.addAll(fees);
        b.supplementaryRequests.addAll(supplementaryRequests);
        b.resultDocuments.addAll(resultDocuments);
        return b;
    }

    /** @return the dossier code on the portal ({@code MaHoSo}) */
    public String code() {
        return code;
    }

    /** @return the department's own dossier code ({@code MaHoSoDonVi}), if set */
    public Optional<String> unitDossierCode() {
        return Optional.ofNullable(unitDossierCode);
    }

    /** @return the national procedure code ({@code MaTTHC}) */
    public String procedureCode() {
        return procedureCode;
    }

    /** @return the procedure name ({@code TenTTHC}) */
    public String procedureName() {
        return procedureName;
    }

    /** @return the field code ({@code MaLinhVuc}) */
    public String fieldCode() {
        return fieldCode;
    }

    /** @return the field name ({@code TenLinhVuc}) */
    public String fieldName() {
        return fieldName;
    }

    /** @return the receipt number ({@code SoBienNhan}), if set */
    public Optional<String> receiptNumber() {
        return Optional.ofNullable(receiptNumber);
    }

    /** @return the applicant */
    public Applicant applicant() {
        return applicant;
    }

    /** @return the dossier summary ({@code TrichYeuHoSo}) */
    public String summary() {
        return summary;
    }

    /** @return when the applicant submitted it ({@code NgayNopHoSo}), if set */
    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt);
    }

    /** @return when it was received ({@code NgayTiepNhan}) */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return when the result is due ({@code NgayHenTra}) */
    public Instant dueAt() {
        return dueAt;
    }

    /** @return the current status ({@code TrangThaiHoSo}) */
    public DossierStatus status() {
        return status;
    }

    /** @return when the result was returned ({@code NgayTra}), if it was */
    public Optional<Instant> returnedAt() {
        return Optional.ofNullable(returnedAt);
    }

    /** @return how the result was returned ({@code ThongTinTra}), if set */
    public Optional<String> returnInfo() {
        return Optional.ofNullable(returnInfo);
    }

    /** @return the filing channel ({@code KenhThucHien}; {@code HinhThuc} is derived from it) */
    public Channel channel() {
        return channel;
    }

    /** @return when processing ended ({@code NgayKetThucXuLy}), if it did */
    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    /** @return the processing unit ({@code DonViXuLy}) */
    public String processingUnit() {
        return processingUnit;
    }

    /** @return a note ({@code GhiChu}), if set */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /** @return the submitted files ({@code TaiLieuNop}) */
    public List<Attachment> attachments() {
        return attachments;
    }

    /** @return the fees ({@code DanhSachLePhi}) */
    public List<DossierFee> fees() {
        return fees;
    }

    /** @return the supplementary requests ({@code DanhSachHoSoBoSung}) */
    public List<SupplementaryRequest> supplementaryRequests() {
        return supplementaryRequests;
    }

    /** @return the result documents ({@code DanhSachGiayToKetQua}) */
    public List<ResultDocument> resultDocuments() {
        return resultDocuments;
    }

    /**
     * Compares every value.
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Dossier)) {
            return false;
        }
        Dossier d = (Dossier) o;
        return Objects.equals(code, d.code) && Objects.equals(unitDossierCode, d.unitDossierCode)
                && Objects.equals(procedureCode, d.procedureCode) && Objects.equals(procedureName, d.procedureName)
                && Objects.equals(fieldCode, d.fieldCode) && Objects.equals(fieldName, d.fieldName)
                && Objects.equals(receiptNumber, d.receiptNumber) && Objects.equals(applicant, d.applicant)
                && Objects.equals(summary, d.summary) && Objects.equals(submittedAt, d.submittedAt)
                && Objects.equals(receivedAt, d.receivedAt) && Objects.equals(dueAt, d.dueAt) && status == d.status
                && Objects.equals(returnedAt, d.returnedAt) && Objects.equals(returnInfo, d.returnInfo)
                && channel == d.channel && Objects.equals(finishedAt, d.finishedAt)
                && Objects.equals(processingUnit, d.processingUnit) && Objects.equals(note, d.note)
                && attachments.equals(d.attachments) && fees.equals(d.fees)
                && supplementaryRequests.equals(d.supplementaryRequests) && resultDocuments.equals(d.resultDocuments);
    }

    /**
     * Hashes the identifying values.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(code, procedureCode, status, receivedAt, dueAt);
    }

    /**
     * Describes the dossier without personal data (the applicant is masked).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "Dossier[code=" + code + ", procedureCode=" + procedureCode + ", status=" + status
                + ", channel=" + channel + ", applicant=" + applicant + "]";
    }

    /** Builds a {@link Dossier}; not thread-safe. */
    public static final class Builder {
        private String code;
        private String unitDossierCode;
        private String procedureCode;
        private String procedureName;
        private String fieldCode;
        private String fieldName;
        private String receiptNumber;
        private Applicant applicant;
        private String summary;
        private Instant submittedAt;
        private Instant receivedAt;
        private Instant dueAt;
        private DossierStatus status;
        private Instant returnedAt;
        private String returnInfo;
        private Channel channel = Channel.IN_PERSON;
        private Instant finishedAt;
        private String processingUnit;
        private String note;
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<DossierFee> fees = new ArrayList<>();
        private final List<SupplementaryRequest> supplementaryRequests = new ArrayList<>();
        private final List<ResultDocument> resultDocuments = new ArrayList<>();

        private Builder() {
        }

        /** @param v dossier code ({@code MaHoSo}, required) @return this builder */
        public Builder code(String v) {
            code = v;
            return this;
        }

        /** @param v the department's own code ({@code MaHoSoDonVi}) @return this builder */
        public Builder unitDossierCode(String v) {
            unitDossierCode = v;
            return this;
        }

        /** @param v national procedure code ({@code MaTTHC}, required) @return this builder */
        public Builder procedureCode(String v) {
            procedureCode = v;
            return this;
        }

        /** @param v procedure name ({@code TenTTHC}, required) @return this builder */
        public Builder procedureName(String v) {
            procedureName = v;
            return this;
        }

        /** @param v field code ({@code MaLinhVuc}, required) @return this builder */
        public Builder fieldCode(String v) {
            fieldCode = v;
            return this;
        }

        /** @param v field name ({@code TenLinhVuc}, required) @return this builder */
        public Builder fieldName(String v) {
            fieldName = v;
            return this;
        }

        /** @param v receipt number ({@code SoBienNhan}) @return this builder */
        public Builder receiptNumber(String v) {
            receiptNumber = v;
            return this;
        }

        /** @param v the applicant (required) @return this builder */
        public Builder applicant(Applicant v) {
            applicant = v;
            return this;
        }

        /** @param v summary ({@code TrichYeuHoSo}, required) @return this builder */
        public Builder summary(String v) {
            summary = v;
            return this;
        }

        /** @param v submission time ({@code NgayNopHoSo}) @return this builder */
        public Builder submittedAt(Instant v) {
            submittedAt = v;
            return this;
        }

        /** @param v reception time ({@code NgayTiepNhan}, required) @return this builder */
        public Builder receivedAt(Instant v) {
            receivedAt = v;
            return this;
        }

        /** @param v due time ({@code NgayHenTra}, required, not before reception) @return this builder */
        public Builder dueAt(Instant v) {
            dueAt = v;
            return this;
        }

        /** @param v current status ({@code TrangThaiHoSo}, required) @return this builder */
        public Builder status(DossierStatus v) {
            status = v;
            return this;
        }

        /** @param v return time ({@code NgayTra}) @return this builder */
        public Builder returnedAt(Instant v) {
            returnedAt = v;
            return this;
        }

        /** @param v return information ({@code ThongTinTra}) @return this builder */
        public Builder returnInfo(String v) {
            returnInfo = v;
            return this;
        }

        /** @param v filing channel (default in person) @return this builder */
        public Builder channel(Channel v) {
            channel = v;
            return this;
        }

        /** @param v end of processing ({@code NgayKetThucXuLy}) @return this builder */
        public Builder finishedAt(Instant v) {
            finishedAt = v;
            return this;
        }

        /** @param v processing unit ({@code DonViXuLy}, required) @return this builder */
        public Builder processingUnit(String v) {
            processingUnit = v;
            return this;
        }

        /** @param v note ({@code GhiChu}) @return this builder */
        public Builder note(String v) {
            note = v;
            return this;
        }

        /** @param v a submitted file @return this builder */
        public Builder addAttachment(Attachment v) {
            attachments.add(v);
            return this;
        }

        /** @param v a fee @return this builder */
        public Builder addFee(DossierFee v) {
            fees.add(v);
            return this;
        }

        /** @param v a supplementary request @return this builder */
        public Builder addSupplementaryRequest(SupplementaryRequest v) {
            supplementaryRequests.add(v);
            return this;
        }

        /** @param v a result document @return this builder */
        public Builder addResultDocument(ResultDocument v) {
            resultDocuments.add(v);
            return this;
        }

        /**
         * Builds the dossier (not validated until it is synced).
         *
         * @return the dossier
         */
        public Dossier build() {
            return new Dossier(this);
        }
    }
}
