package vn.govsdk.signing.remote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;

/**
 * What to sign remotely: whose key (the provider's user id, usually the citizen's CCCD or a tax code),
 * the digests, the algorithm and a description shown on the phone. Immutable; made by {@link #builder()}.
 *
 * <pre>{@code
 * RemoteSigningRequest request = RemoteSigningRequest.builder()
 *         .userId("079203012345")
 *         .add("hoso-1", prepared)           // prepared.digest(), its name and algorithm
 *         .description("Ky ho so 0001")
 *         .build();
 * }</pre>
 */
public final class RemoteSigningRequest {

    private final String userId;
    private final List<DigestToSign> digests;
    private final SignatureAlgorithm algorithm;
    private final String description;

    private RemoteSigningRequest(Builder b) {
        this.userId = b.userId;
        this.digests = List.copyOf(b.digests);
        this.algorithm = b.algorithm;
        this.description = b.description;
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
     * Returns the provider's user id of the signer.
     *
     * @return the user id
     */
    public String userId() {
        return userId;
    }

    /**
     * Returns the digests, in the order their values will be returned.
     *
     * @return the digests, never empty
     */
    public List<DigestToSign> digests() {
        return digests;
    }

    /**
     * Returns the signature algorithm; its digest length is the length of every digest.
     *
     * @return the algorithm
     */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Returns the description shown to the citizen.
     *
     * @return the description, if one was set
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Shows the masked user id, the number of digests and the algorithm. */
    @Override
    public String toString() {
        return "RemoteSigningRequest[user " + PersonalDataMasker.maskIdentifier(userId) + ", " + digests.size()
                + (digests.size() == 1 ? " digest, " : " digests, ") + algorithm + "]";
    }

    /** Builds a {@link RemoteSigningRequest}; {@link #build()} checks everything before any network call. */
    public static final class Builder {
        private String userId;
        private final List<DigestToSign> digests = new ArrayList<>();
        private SignatureAlgorithm algorithm;
        private String description;

        private Builder() {
        }

        /**
         * Sets the signer's user id at the provider (CCCD, passport number, tax code, or the
         * provider's own form such as MySign's {@code CMT_0123456789}).
         *
         * @param userId 1 to 64 printable characters
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * Adds a digest.
         *
         * @param documentId an id unique within the request
         * @param documentName the name shown to the citizen
         * @param digest the digest of the bytes to sign (not of the bare document)
         * @return this builder
         */
        public Builder add(String documentId, String documentName, byte[] digest) {
            digests.add(new DigestToSign(documentId, documentName, digest));
            return this;
        }

        /**
         * Adds a digest.
         *
         * @param digest the digest with its id and name
         * @return this builder
         */
        public Builder add(DigestToSign digest) {
            if (digest == null) {
                throw new InvalidInputException("digest", "must not be null");
            }
            digests.add(digest);
            return this;
        }

        /**
         * Adds the digest of a prepared signature ({@link PreparedSignature#digest()}, the hash of the
         * CMS signed attributes, XML {@code SignedInfo} or JWS signing input) under its document name,
         * and takes its algorithm.
         *
         * @param documentId an id unique within the request
         * @param prepared the prepared signature
         * @return this builder
         * @throws InvalidInputException if its algorithm differs from one already set
         */
        public Builder add(String documentId, PreparedSignature prepared) {
            if (prepared == null) {
                throw new InvalidInputException("prepared", "must not be null");
            }
            if (algorithm != null && algorithm != prepared.algorithm()) {
                throw new InvalidInputException("prepared", "uses " + prepared.algorithm() + " but the request uses "
                        + algorithm + "; one request signs with one algorithm");
            }
            algorithm = prepared.algorithm();
            String name = prepared.documentName() == null || prepared.documentName().isBlank() ? documentId
                    : prepared.documentName();
            digests.add(new DigestToSign(documentId, name.length() > 200 ? name.substring(0, 200) : name,
                    prepared.digest()));
            return this;
        }

        /**
         * Adds several digests.
         *
         * @param digests the digests, in order
         * @return this builder
         */
        public Builder addAll(List<DigestToSign> digests) {
            if (digests == null) {
                throw new InvalidInputException("digests", "must not be null");
            }
            digests.forEach(this::add);
            return this;
        }

        /**
         * Sets the algorithm; default {@link SignatureAlgorithm#RSA_SHA256}. Remote services sign
         * RSA PKCS#1 v1.5 or ECDSA; RSA-PSS is refused.
         *
         * @param algorithm the algorithm
         * @return this builder
         */
        public Builder algorithm(SignatureAlgorithm algorithm) {
            if (algorithm == null) {
                throw new InvalidInputException("algorithm", "must not be null");
            }
            this.algorithm = algorithm;
            return this;
        }

        /**
         * Sets the description shown on the citizen's phone.
         *
         * @param description 1 to 200 characters without control characters
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws InvalidInputException naming the field and the rule: empty or malformed user id, no
         *         digests, a repeated document id, a digest whose length does not match the
         *         algorithm, RSA-PSS, or a bad description
         */
        public RemoteSigningRequest build() {
            if (userId == null || userId.isBlank()) {
                throw new InvalidInputException("userId", "must not be empty");
            }
            if (userId.length() > 64 || !userId.equals(userId.strip()) || userId.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("userId", "must be 1 to 64 printable characters without surrounding spaces");
            }
            if (digests.isEmpty()) {
                throw new InvalidInputException("digests", "must hold at least one digest");
            }
            if (algorithm == null) {
                algorithm = SignatureAlgorithm.RSA_SHA256;
            }
            if (algorithm.isPss()) {
                throw new InvalidInputException("algorithm", "must be RSA PKCS#1 v1.5 or ECDSA; remote signing services "
                        + "do not make RSA-PSS signatures, got " + algorithm);
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < digests.size(); i++) {
                DigestToSign d = digests.get(i);
                if (!ids.add(d.documentId())) {
                    throw new InvalidInputException("digests[" + i + "].documentId", "must be unique in the request, '"
                            + d.documentId() + "' is repeated");
                }
                int expected = algorithm.digestAlgorithm().length();
                if (d.digest().length != expected) {
                    throw new InvalidInputException("digests[" + i + "].digest", "must be " + expected + " bytes for "
                            + algorithm + " (" + algorithm.digestAlgorithm().jcaName() + "), got " + d.digest().length);
                }
            }
            if (description != null && (description.isBlank() || description.length() > 200
                    || description.chars().anyMatch(Character::isISOControl))) {
                throw new InvalidInputException("description", "must be 1 to 200 characters without control characters");
            }
            return new RemoteSigningRequest(this);
        }
    }
}
