package vn.govsdk.core;

import java.util.Objects;

/**
 * Input refused before any network call: the message names the field and the rule it breaks, for
 * example {@code citizenId must be 12 digits, got 11}. Nothing was sent and nothing was lost.
 */
public final class InvalidInputException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param field the name of the offending field, as the caller knows it
     * @param rule the rule it breaks, in plain words (no personal data)
     */
    public InvalidInputException(String field, String rule) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(rule, "rule"));
        this.field = field;
        this.rule = rule;
    }

    /**
     * Returns the name of the field that was refused.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }

    /**
     * Returns the rule the field breaks.
     *
     * @return the rule, in plain words
     */
    public String rule() {
        return rule;
    }
}
