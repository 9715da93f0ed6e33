package vn.govsdk.signing.internal.remote;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.remote.RemoteSigner;
import vn.govsdk.signing.remote.RemoteSigningRequest;

/** A {@link SigningKey} that signs one digest at a time through a {@link RemoteSigner}. */
public final class RemoteSigningKey implements SigningKey {

    private final RemoteSigner signer;
    private final String userId;
    private final Duration wait;
    private final List<X509Certificate> chain;

    /**
     * Creates the key and fetches the chain.
     *
     * @param signer the remote signer
     * @param userId the user id
     * @param wait how long each signature waits
     */
    public RemoteSigningKey(RemoteSigner signer, String userId, Duration wait) {
        this.signer = Objects.requireNonNull(signer, "signer");
        RemoteSignerEngine.checkUserId(userId);
        if (wait == null || wait.isNegative() || wait.isZero()) {
            throw new InvalidInputException("wait", "must be a positive duration, got " + wait);
        }
        this.userId = userId;
        this.wait = wait;
        this.chain = signer.getCertificateChain(userId);
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public byte[] sign(byte[] dataToSign, SignatureAlgorithm algorithm) {
        Objects.requireNonNull(dataToSign, "dataToSign");
        Objects.requireNonNull(algorithm, "algorithm");
        RemoteSigningRequest request = RemoteSigningRequest.builder().userId(userId).algorithm(algorithm)
                .add("doc-1", "document", algorithm.digestAlgorithm().digest(dataToSign)).build();
        return signer.signDigests(request).await(wait).get(0);
    }

    @Override
    public String toString() {
        return "RemoteSigningKey[" + signer.providerName() + ", user " + PersonalDataMasker.maskIdentifier(userId) + "]";
    }
}
