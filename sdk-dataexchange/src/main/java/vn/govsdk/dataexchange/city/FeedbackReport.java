package vn.govsdk.dataexchange.city;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.id.CitizenId;

/**
 * A citizen report (phản ánh) to the city hotline 1022. Built with {@link #builder()}; {@code build()}
 * refuses an incomplete or out-of-bounds report, so no request is ever made for one.
 *
 * @param category the field
 * @param wardCode the five-digit ward code (mã phường/xã)
 * @param latitude the latitude, within Vietnam's bounding box (6.0 to 23.5)
 * @param longitude the longitude, within Vietnam's bounding box (102.0 to 118.0, the archipelagos included)
 * @param description what is reported, not blank, at most 4000 characters
 * @param attachments the attached files, at most {@value #MAX_ATTACHMENTS}
 * @param reporter the reporting citizen's ID, or {@code null} for an anonymous report
 */
public record FeedbackReport(FeedbackCategory category, String wardCode, double latitude, double longitude,
        String description, List<FeedbackAttachment> attachments, CitizenId reporter) {

    /** The most attachments a report may carry. */
    public static final int MAX_ATTACHMENTS = 5;

    private static final Pattern WARD = Pattern.compile("\\d{5}");

    /**
     * Validates and copies.
     *
     * @param category the field
     * @param wardCode the ward code
     * @param latitude the latitude
     * @param longitude the longitude
     * @param description the description
     * @param attachments the attachments
     * @param reporter the reporter, or {@code null}
     * @throws InvalidInputException naming the field and the rule
     */
    public FeedbackReport {
        if (category == null) {
            throw new InvalidInputException("category", "must be set");
        }
        if (wardCode == null || !WARD.matcher(wardCode).matches()) {
            throw new InvalidInputException("wardCode", "must be five digits");
        }
        if (!(latitude >= 6.0 && latitude <= 23.5)) {
            throw new InvalidInputException("latitude", "must be within Vietnam's bounding box, 6.0 to 23.5");
        }
        if (!(longitude >= 102.0 && longitude <= 118.0)) {
            throw new InvalidInputException("longitude", "must be within Vietnam's bounding box, 102.0 to 118.0");
        }
        if (description == null || description.isBlank()) {
            throw new InvalidInputException("description", "must not be empty");
        }
        if (description.length() > 4000) {
            throw new InvalidInputException("description", "must be at most 4000 characters");
        }
        if (attachments == null) {
            attachments = List.of();
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new InvalidInputException("attachments", "at most " + MAX_ATTACHMENTS);
        }
        attachments = List.copyOf(attachments);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Shows the category, ward and sizes, not the text. */
    @Override
    public String toString() {
        return "FeedbackReport[" + category + ", ward " + wardCode + ", " + description.length() + " characters, "
                + attachments.size() + " attachments" + (reporter == null ? ", anonymous" : ", reporter given") + "]";
    }

    /** Builds a {@link FeedbackReport}. */
    public static final class Builder {
        private FeedbackCategory category;
        private String wardCode;
        private Double latitude;
        private Double longitude;
        private String description;
        private final List<FeedbackAttachment> attachments = new ArrayList<>();
        private CitizenId reporter;

        private Builder() {
        }

        /**
         * Sets the field.
         *
         * @param category the field
         * @return this builder
         */
        public Builder category(FeedbackCategory category) {
            this.category = category;
            return this;
        }

        /**
         * Sets the ward code.
         *
         * @param wardCode five digits
         * @return this builder
         */
        public Builder wardCode(String wardCode) {
            this.wardCode = wardCode;
            return this;
        }

        /**
         * Sets the location.
         *
         * @param latitude the latitude
         * @param longitude the longitude
         * @return this builder
         */
        public Builder location(double latitude, double longitude) {
            this.latitude = latitude;
            this.longitude = longitude;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description what is reported
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the reporting citizen; default anonymous.
         *
         * @param reporter the citizen ID
         * @return this builder
         */
        public Builder reporter(CitizenId reporter) {
            this.reporter = reporter;
            return this;
        }

        /**
         * Sets the reporting citizen by a citizen ID given as text, validated at once.
         *
         * @param citizenId the 12-digit citizen ID
         * @return this builder
         * @throws InvalidInputException if the citizen ID is malformed
         */
        public Builder reporter(String citizenId) {
            this.reporter = CitizenId.of(citizenId);
            return this;
        }

        /**
         * Adds an attachment.
         *
         * @param attachment the file
         * @return this builder
         */
        public Builder attachment(FeedbackAttachment attachment) {
            if (attachment == null) {
                throw new InvalidInputException("attachments", "must not contain null");
            }
            attachments.add(attachment);
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         * @throws InvalidInputException naming the missing or invalid field
         */
        public FeedbackReport build() {
            if (latitude == null || longitude == null) {
                throw new InvalidInputException("location", "must be set");
            }
            return new FeedbackReport(category, wardCode, latitude, longitude, description, attachments, reporter);
        }
    }
}
