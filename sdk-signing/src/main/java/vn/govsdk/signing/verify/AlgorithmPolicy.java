package vn.govsdk.signing.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The algorithm rules a verifier judges signatures by. The default follows the draft of Circular
 * 15/2025 (Thông tư 15/2025): RSA keys of at least 2048 bits (EC at least 256), SHA-2 digests
 * (SHA-256, SHA-384, SHA-512). Legacy algorithms (SHA-1 digests and signatures, RSA keys of 1024 to 2047
 * bits) are tolerated, with a warning naming them, for signatures whose claimed signing time is before
 * {@link #legacyAllowedBefore()}; after it, or when the signature claims no signing time, they make the
 * signature INVALID. MD5 and RSA keys below 1024 bits are never accepted. Integrity (whether the
 * digests and the signature value match) is checked and reported either way.
 *
 * <p>The default cut-off, 2026-01-01 00:00 Vietnam time, is this SDK's choice, not a date from the
 * circular; set the one your department applies with {@link #withLegacyAllowedBefore(Instant)}, or
 * {@link #strict()} to tolerate nothing.
 */
public final class AlgorithmPolicy {

    /** The default cut-off for legacy algorithms: 2026-01-01 00:00 in Asia/Ho_Chi_Minh. */
    public static final Instant DEFAULT_LEGACY_CUTOFF =
            LocalDate.of(2026, 1, 1).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();

    private static final AlgorithmPolicy DEFAULT = new AlgorithmPolicy(DEFAULT_LEGACY_CUTOFF);
    private static final AlgorithmPolicy STRICT = new AlgorithmPolicy(null);

    private final Instant legacyAllowedBefore;

    private AlgorithmPolicy(Instant legacyAllowedBefore) {
        this.legacyAllowedBefore = legacyAllowedBefore;
    }

    /**
     * Returns the default policy: Circular 15/2025 draft rules, legacy algorithms tolerated with a
     * warning for signatures made before {@link #DEFAULT_LEGACY_CUTOFF}.
     *
     * @return the policy
     */
    public static AlgorithmPolicy circular15Draft() {
        return DEFAULT;
    }

    /**
     * Returns the policy that tolerates no legacy algorithm, whatever the signing time.
     *
     * @return the policy
     */
    public static AlgorithmPolicy strict() {
        return STRICT;
    }

    /**
     * Returns a copy of this policy tolerating legacy algorithms for signatures claimed to be made
     * before the given instant.
     *
     * @param cutoff the cut-off
     * @return the policy
     */
    public AlgorithmPolicy withLegacyAllowedBefore(Instant cutoff) {
        return new AlgorithmPolicy(Objects.requireNonNull(cutoff, "cutoff"));
    }

    /**
     * Returns the cut-off before which legacy algorithms are tolerated, if any.
     *
     * @return the cut-off
     */
    public Optional<Instant> legacyAllowedBefore() {
        return Optional.ofNullable(legacyAllowedBefore);
    }

    /**
     * Returns the smallest RSA key size accepted without a warning.
     *
     * @return 2048
     */
    public int minimumRsaBits() {
        return 2048;
    }

    /**
     * Returns the smallest legacy RSA key size ever accepted (with a warning, before the cut-off).
     *
     * @return 1024
     */
    public int minimumLegacyRsaBits() {
        return 1024;
    }

    /**
     * Returns whether a legacy algorithm is tolerated for a signature claimed to be made at the given
     * time.
     *
     * @param signingTime the claimed signing time, or {@code null} when the signature claims none
     * @return {@code true} if tolerated (with a warning)
     */
    public boolean toleratesLegacyAt(Instant signingTime) {
        return legacyAllowedBefore != null && signingTime != null && signingTime.isBefore(legacyAllowedBefore);
    }

    @Override
    public String toString() {
        return "AlgorithmPolicy[Circular 15/2025 draft: RSA >= 2048, SHA-2; legacy "
                + (legacyAllowedBefore == null ? "never tolerated" : "tolerated before " + legacyAllowedBefore) + "]";
    }
}
