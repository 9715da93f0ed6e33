package vn.govsdk.signing.internal.remote;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.remote.DigestToSign;
import vn.govsdk.signing.remote.RemoteSigningStatus;

/** One provider transaction of a request, and what is known of it. Thread-safe. */
final class PendingBatch {

    final String transactionId;
    final String userId;
    final UserCertificate certificate;
    final List<DigestToSign> digests;
    final SignatureAlgorithm algorithm;

    private RemoteSigningStatus status = RemoteSigningStatus.WAITING_FOR_CONFIRMATION;
    private String code;
    private String message;
    private Map<String, byte[]> values = Map.of();

    PendingBatch(String transactionId, String userId, UserCertificate certificate, List<DigestToSign> digests,
            SignatureAlgorithm algorithm) {
        this.transactionId = transactionId;
        this.userId = userId;
        this.certificate = certificate;
        this.digests = List.copyOf(digests);
        this.algorithm = algorithm;
    }

    synchronized RemoteSigningStatus status() {
        return status;
    }

    synchronized String code() {
        return code;
    }

    synchronized String message() {
        return message;
    }

    synchronized byte[] value(String documentId) {
        byte[] v = values.get(documentId);
        return v == null ? null : v.clone();
    }

    synchronized Map<String, byte[]> values() {
        Map<String, byte[]> copy = new HashMap<>();
        values.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    synchronized boolean isTerminal() {
        return status.isTerminal();
    }

    /**
     * Checks the values of a SIGNED answer without applying anything.
     *
     * @param s the answer
     * @return the checked values by document id
     * @throws IllegalArgumentException naming the document whose value is missing or does not verify
     */
    Map<String, byte[]> checkValues(ProviderStatus s) {
        Map<String, byte[]> checked = new HashMap<>();
        boolean byId = !s.valuesById().isEmpty();
        boolean byDigest = !byId && !s.valuesByDigest().isEmpty();
        if (!byId && !byDigest && s.valuesInOrder().size() != digests.size()) {
            throw new IllegalArgumentException("the provider returned " + s.valuesInOrder().size()
                    + " signature values for " + digests.size() + " documents");
        }
        for (int i = 0; i < digests.size(); i++) {
            DigestToSign d = digests.get(i);
            byte[] raw = byId ? s.valuesById().get(d.documentId())
                    : byDigest ? s.valuesByDigest().get(HexFormat.of().formatHex(d.digest())) : s.valuesInOrder().get(i);
            if (raw == null) {
                throw new IllegalArgumentException("the provider returned no signature value for document "
                        + d.documentId());
            }
            byte[] ok = ValueChecker.check(raw, d.digest(), algorithm, certificate.chain().get(0).getPublicKey());
            if (ok == null) {
                throw new IllegalArgumentException("the signature value for document " + d.documentId()
                        + " does not verify with the public key of the signer's certificate (serial "
                        + certificate.chain().get(0).getSerialNumber().toString(16) + ") over the digest sent ("
                        + HexFormat.of().formatHex(d.digest()).substring(0, 16) + "...) under " + algorithm
                        + "; refused, nothing was kept");
            }
            checked.put(d.documentId(), ok);
        }
        return checked;
    }

    /**
     * Applies an answer unless the batch has already ended.
     *
     * @param s the answer
     * @param checkedValues the checked values for SIGNED, or {@code null}
     * @return whether it was applied
     */
    synchronized boolean apply(ProviderStatus s, Map<String, byte[]> checkedValues) {
        if (status.isTerminal()) {
            return false;
        }
        status = s.status();
        code = s.code();
        message = s.message();
        if (checkedValues != null) {
            values = Map.copyOf(checkedValues);
        }
        return true;
    }
}
