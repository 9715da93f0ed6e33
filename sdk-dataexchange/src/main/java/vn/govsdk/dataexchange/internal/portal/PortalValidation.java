package vn.govsdk.dataexchange.internal.portal;

import java.time.Instant;
import java.util.regex.Pattern;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.TaxCode;
import vn.govsdk.dataexchange.portal.Answer;
import vn.govsdk.dataexchange.portal.Applicant;
import vn.govsdk.dataexchange.portal.Attachment;
import vn.govsdk.dataexchange.portal.ApplicantType;
import vn.govsdk.dataexchange.portal.Dossier;
import vn.govsdk.dataexchange.portal.DossierFee;
import vn.govsdk.dataexchange.portal.ProgressUpdate;
import vn.govsdk.dataexchange.portal.Rating;
import vn.govsdk.dataexchange.portal.StatusUpdate;

/**
 * Checks values before anything is sent. Code shapes are deliberately permissive, since the portal
 * publishes no grammar: a code starts with a letter or digit and continues with letters, digits and
 * {@code . - _} (dossier codes also {@code /}); procedure and unit codes at most 50 characters,
 * dossier codes at most 100. No spaces, diacritics or control characters.
 */
public final class PortalValidation {

    /** Procedure codes, e.g. {@code 1.001234}, {@code 2.000889.000.00.00.H12}. */
    public static final Pattern PROCEDURE_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");
    /** Unit codes, e.g. {@code 000.00.00.H12}, {@code G15-TP110}. */
    public static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");
    /** Dossier codes, e.g. {@code 000.00.12.H12-251122-0001}. */
    public static final Pattern DOSSIER_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()-]{6,20}");
    private static final int MAX_TEXT = 4000;

    private PortalValidation() {
    }

    /**
     * Checks a required text value.
     *
     * @param field the field name for the error
     * @param value the value
     * @return the value
     */
    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return optionalText(field, value);
    }

    /**
     * Checks an optional text value: no control characters, bounded length.
     *
     * @param field the field name
     * @param value the value or null
     * @return the value
     */
    public static String optionalText(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException(field, "must not contain control characters");
            }
        }
        return value;
    }

    /**
     * Checks a code against its pattern.
     *
     * @param field the field
     * @param value the value
     * @param pattern the shape
     * @param shape words for the error
     * @return the value
     */
    public static String code(String field, String value, Pattern pattern, String shape) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be " + shape);
        }
        return value;
    }

    /**
     * Checks a procedure code.
     *
     * @param field the field
     * @param value the code
     * @return the code
     */
    public static String procedureCode(String field, String value) {
        return code(field, value, PROCEDURE_CODE,
                "1 to 50 letters, digits, '.', '-' or '_', starting with a letter or digit");
    }

    /**
     * Checks a unit code.
     *
     * @param field the field
     * @param value the code
     * @return the code
     */
    public static String unitCode(String field, String value) {
        return code(field, value, UNIT_CODE,
                "1 to 50 letters, digits, '.', '-' or '_', starting with a letter or digit");
    }

    /**
     * Checks a dossier code.
     *
     * @param field the field
     * @param value the code
     * @return the code
     */
    public static String dossierCode(String field, String value) {
        return code(field, value, DOSSIER_CODE,
                "1 to 100 letters, digits, '.', '-', '_' or '/', starting with a letter or digit");
    }

    private static Instant required(String field, Instant value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    private static void notBefore(String later, Instant laterValue, String earlier, Instant earlierValue) {
        if (laterValue != null && earlierValue != null && laterValue.isBefore(earlierValue)) {
            throw new InvalidInputException(later, "must not be before " + earlier);
        }
    }

    /**
     * Checks a whole dossier.
     *
     * @param d the dossier
     */
    public static void dossier(Dossier d) {
        if (d == null) {
            throw new InvalidInputException("dossier", "is required");
        }
        dossierCode("dossier.code", d.code());
        d.unitDossierCode().ifPresent(v -> dossierCode("dossier.unitDossierCode", v));
        procedureCode("dossier.procedureCode", d.procedureCode());
        text("dossier.procedureName", d.procedureName());
        code("dossier.fieldCode", d.fieldCode(), UNIT_CODE,
                "1 to 50 letters, digits, '.', '-' or '_', starting with a letter or digit");
        text("dossier.fieldName", d.fieldName());
        d.receiptNumber().ifPresent(v -> optionalText("dossier.receiptNumber", v));
        applicant(d.applicant());
        text("dossier.summary", d.summary());
        required("dossier.receivedAt", d.receivedAt());
        required("dossier.dueAt", d.dueAt());
        if (d.status() == null) {
            throw new InvalidInputException("dossier.status", "is required");
        }
        if (d.channel() == null) {
            throw new InvalidInputException("dossier.channel", "is required");
        }
        text("dossier.processingUnit", d.processingUnit());
        d.note().ifPresent(v -> optionalText("dossier.note", v));
        d.returnInfo().ifPresent(v -> optionalText("dossier.returnInfo", v));
        notBefore("dossier.receivedAt", d.receivedAt(), "dossier.submittedAt", d.submittedAt().orElse(null));
        notBefore("dossier.dueDate", d.dueAt(), "dossier.receivedDate", d.receivedAt());
        notBefore("dossier.returnedAt", d.returnedAt().orElse(null), "dossier.receivedAt", d.receivedAt());
        notBefore("dossier.finishedAt", d.finishedAt().orElse(null), "dossier.receivedAt", d.receivedAt());
        for (int i = 0; i < d.attachments().size(); i++) {
            Attachment a = d.attachments().get(i);
            String f = "dossier.attachments[" + i + "]";
            if (a == null) {
                throw new InvalidInputException(f, "must not be null");
            }
            text(f + ".id", a.id());
            text(f + ".name", a.name());
            text(f + ".url", a.url());
        }
        for (int i = 0; i < d.fees().size(); i++) {
            DossierFee fee = d.fees().get(i);
            String f = "dossier.fees[" + i + "]";
            if (fee == null) {
                throw new InvalidInputException(f, "must not be null");
            }
            text(f + ".name", fee.name());
            if (fee.amountVnd() < 0) {
                throw new InvalidInputException(f + ".amountVnd", "must not be negative");
            }
            if (fee.kind() == null) {
                throw new InvalidInputException(f + ".kind", "is required");
            }
        }
        for (int i = 0; i < d.supplementaryRequests().size(); i++) {
            var s = d.supplementaryRequests().get(i);
            String f = "dossier.supplementaryRequests[" + i + "]";
            if (s == null) {
                throw new InvalidInputException(f, "must not be null");
            }
            text(f + ".id", s.id());
            text(f + ".content", s.content());
            required(f + ".requestedAt", s.requestedAt());
            notBefore(f + ".receivedAt", s.receivedAt(), f + ".requestedAt", s.requestedAt());
        }
        for (int i = 0; i < d.resultDocuments().size(); i++) {
            var r = d.resultDocuments().get(i);
            String f = "dossier.resultDocuments[" + i + "]";
            if (r == null) {
                throw new InvalidInputException(f, "must not be null");
            }
            text(f + ".name", r.name());
            text(f + ".url", r.url());
        }
    }

    private static void applicant(Applicant a) {
        if (a == null) {
            throw new InvalidInputException("dossier.applicant", "is required");
        }
        if (a.type() == null) {
            throw new InvalidInputException("dossier.applicant.type", "is required");
        }
        text("dossier.applicant.name", a.name());
        if (a.identifier() != null) {
            try {
                if (a.type() == ApplicantType.CITIZEN) {
                    CitizenId.of(a.identifier());
                } else {
                    TaxCode.of(a.identifier());
                }
            } catch (InvalidInputException e) {
                throw new InvalidInputException("dossier.applicant.identifier",
                        (a.type() == ApplicantType.CITIZEN ? "must be a valid citizen ID: " : "must be a valid tax code: ")
                                + e.rule());
            }
        }
        if (a.email() != null && !EMAIL.matcher(a.email()).matches()) {
            throw new InvalidInputException("dossier.applicant.email", "must be an e-mail address");
        }
        if (a.phone() != null && !PHONE.matcher(a.phone()).matches()) {
            throw new InvalidInputException("dossier.applicant.phone", "must be 6 to 20 digits, spaces or + . ( ) -");
        }
    }

    /**
     * Checks a progress step.
     *
     * @param p the step
     */
    public static void progress(ProgressUpdate p) {
        if (p == null) {
            throw new InvalidInputException("progress", "is required");
        }
        dossierCode("progress.dossierCode", p.dossierCode());
        text("progress.handler", p.handler());
        optionalText("progress.handlerTitle", p.handlerTitle());
        required("progress.handledAt", p.handledAt());
        optionalText("progress.department", p.department());
        text("progress.content", p.content());
        if (p.status() == null) {
            throw new InvalidInputException("progress.status", "is required");
        }
        notBefore("progress.dueAt", p.dueAt(), "progress.startedAt", p.startedAt());
    }

    /**
     * Checks a status update.
     *
     * @param s the update
     */
    public static void status(StatusUpdate s) {
        if (s == null) {
            throw new InvalidInputException("statusUpdate", "is required");
        }
        dossierCode("statusUpdate.dossierCode", s.dossierCode());
        if (s.status() == null) {
            throw new InvalidInputException("statusUpdate.status", "is required");
        }
        required("statusUpdate.changedAt", s.changedAt());
        optionalText("statusUpdate.note", s.note());
    }

    /**
     * Checks a rating.
     *
     * @param r the rating
     */
    public static void rating(Rating r) {
        if (r == null) {
            throw new InvalidInputException("rating", "is required");
        }
        dossierCode("rating.dossierCode", r.dossierCode());
        if (r.score() < 1 || r.score() > 5) {
            throw new InvalidInputException("rating.score", "must be between 1 and 5");
        }
        optionalText("rating.comment", r.comment());
        required("rating.ratedAt", r.ratedAt());
    }

    /**
     * Checks a question.
     *
     * @param q the question
     */
    public static void question(vn.govsdk.dataexchange.portal.Question q) {
        if (q == null) {
            throw new InvalidInputException("question", "is required");
        }
        code("question.id", q.id(), UNIT_CODE, "1 to 50 letters, digits, '.', '-' or '_'");
        text("question.title", q.title());
        text("question.content", q.content());
        required("question.askedAt", q.askedAt());
    }

    /**
     * Checks an answer.
     *
     * @param a the answer
     */
    public static void answer(Answer a) {
        if (a == null) {
            throw new InvalidInputException("answer", "is required");
        }
        code("answer.questionId", a.questionId(), UNIT_CODE, "1 to 50 letters, digits, '.', '-' or '_'");
        text("answer.content", a.content());
        text("answer.answeredBy", a.answeredBy());
        required("answer.answeredAt", a.answeredAt());
    }
}
