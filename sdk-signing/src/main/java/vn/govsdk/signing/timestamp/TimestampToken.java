package vn.govsdk.signing.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;

/**
 * An RFC 3161 timestamp token: a CMS {@code SignedData} from a timestamp authority (TSA) proving that a
 * digest existed at {@link #time()}. Parsing checks the structure only; the TSA's signature and chain are
 * checked by the verifier.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimestampToken {

    private final byte[] encoded;
    private final Instant time;
    private final BigInteger serialNumber;
    private final String policy;
    private final DigestAlgorithm digestAlgorithm;
    private final byte[] messageImprint;
    private final BigInteger nonce;
    private final List<X509Certificate> certificates;

    private TimestampToken(byte[] encoded, TimeStampToken token) throws CertificateException {
        TimeStampTokenInfo info = token.getTimeStampInfo();
        this.encoded = encoded;
        this.time = info.getGenTime().toInstant();
        this.serialNumber = info.getSerialNumber();
        this.policy = info.getPolicy().getId();
        this.digestAlgorithm = DigestAlgorithm.fromName(info.getMessageImprintAlgOID().getId());
        this.messageImprint = info.getMessageImprintDigest();
        this.nonce = info.getNonce();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certs = new ArrayList<>();
        for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
            certs.add(converter.getCertificate(holder));
        }
        this.certificates = Collections.unmodifiableList(certs);
    }

    /**
     * Parses a DER-encoded timestamp token (the {@code ContentInfo}, as found in a signature's
     * signature-time-stamp attribute or in the {@code timeStampToken} of a TSA's answer).
     *
     * @param der the DER bytes
     * @return the token
     * @throws InvalidInputException naming {@code timestampToken} if the bytes are not a timestamp token or
     *         use a digest algorithm other than SHA-256, SHA-384 or SHA-512
     */
    public static TimestampToken parse(byte[] der) {
        Objects.requireNonNull(der, "der");
        byte[] copy = der.clone();
        try {
            return new TimestampToken(copy, new TimeStampToken(new CMSSignedData(copy)));
        } catch (CMSException | TSPException | IOException | CertificateException | RuntimeException e) {
            throw new InvalidInputException("timestampToken", "must be a DER RFC 3161 TimeStampToken: "
                    + e.getMessage());
        }
    }

    /**
     * Returns the DER encoding of the token.
     *
     * @return a copy of the bytes
     */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * Returns the time the authority certifies ({@code genTime}).
     *
     * @return the time, UTC
     */
    public Instant time() {
        return time;
    }

    /**
     * Returns the serial number the authority gave the token.
     *
     * @return the serial number
     */
    public BigInteger serialNumber() {
        return serialNumber;
    }

    /**
     * Returns the authority's policy under which the token was issued.
     *
     * @return the dotted policy OID
     */
    public String policy() {
        return policy;
    }

    /**
     * Returns the algorithm of the message imprint.
     *
     * @return the digest algorithm
     */
    public DigestAlgorithm digestAlgorithm() {
        return digestAlgorithm;
    }

    /**
     * Returns the digest the token covers.
     *
     * @return a copy of the message imprint
     */
    public byte[] messageImprint() {
        return messageImprint.clone();
    }

    /**
     * Returns the nonce echoed from the request.
     *
     * @return the nonce, when the request carried one
     */
    public Optional<BigInteger> nonce() {
        return Optional.ofNullable(nonce);
    }

    /**
     * Returns the certificates the token carries (the authority's certificate, when it was requested).
     *
     * @return the certificates, possibly empty
     */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    @Override
    public String toString() {
        return "TimestampToken[serial " + serialNumber + ", " + time + ", policy " + policy + ", "
                + digestAlgorithm + "]";
    }
}
