package vn.govsdk.signing.verify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on an RFC 3161 signature timestamp (dấu thời gian) attached to a signature: the time it
 * proves, the timestamp authority (TSA) that signed it, whether the token is intact and covers this
 * signature's value, and where the TSA's chain leads.
 *
 * @param time the time the TSA certifies ({@code genTime})
 * @param authority the TSA's certificate, or {@code null} when the token does not hold it
 * @param integrity {@link Integrity#INTACT} when the token's signature verifies and its message imprint
 *     is the hash of this signature's value
 * @param chainStatus where the TSA's certificate chain leads
 * @param trustAnchor the root the TSA's chain ends at when {@link ChainStatus#TRUSTED}, or {@code null}
 * @param policy the TSA policy OID, for example {@code 2.16.704.1.1.1.2}
 * @param reasons what keeps the timestamp from proving its time (empty when it proves it)
 */
public record TimestampReport(Instant time, CertificateInfo authority, Integrity integrity, ChainStatus chainStatus,
        CertificateInfo trustAnchor, String policy, List<Reason> reasons) {

    /**
     * Checks the components.
     *
     * @param time the time
     * @param authority the TSA
     * @param integrity the integrity
     * @param chainStatus the chain status
     * @param trustAnchor the anchor
     * @param policy the policy
     * @param reasons the reasons
     */
    public TimestampReport {
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(chainStatus, "chainStatus");
        reasons = List.copyOf(reasons);
    }

    /**
     * Returns whether the timestamp proves its time: the token is intact and covers this signature, and
     * its authority's certificate passed every check with nothing left in {@link #reasons()}: a
     * timestamping certificate (critical extended key usage {@code timeStamping} alone), valid at
     * {@link #time()}, chained to a trust anchor, and not revoked (or revoked later, for a reason other
     * than a compromise).
     *
     * @return {@code true} when the signature is proven to have existed at {@link #time()}
     */
    public boolean provesTime() {
        return time != null && integrity == Integrity.INTACT && chainStatus == ChainStatus.TRUSTED && reasons.isEmpty();
    }

    /**
     * Returns the TSA's certificate.
     *
     * @return the TSA, when the token holds its certificate
     */
    public Optional<CertificateInfo> authorityCertificate() {
        return Optional.ofNullable(authority);
    }
}
