package vn.govsdk.testkit.remotesigning;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The mutable state of one transaction; guarded by its own monitor. */
final class Transaction {

    /** One digest to sign. */
    record Document(String name, byte[] digest, DigestAlgo algo) {
    }

    final String id;
    final String userId;
    final Instant createdAt;
    final CitizenBehaviour behaviour;
    final List<Document> documents;
    /** The client's own reference: sp769 transaction_id, CSC refTranId. */
    final String clientReference;
    /** sp769 tran_code, MySign/eSign free text; provider-specific. */
    String tranCode;
    String description;
    String caName;
    URI notifyUrl;
    int async = -1;

    TransactionState state = TransactionState.WAITING;
    int polls;
    Instant endedAt;
    List<byte[]> signatures;
    boolean signingReported;
    boolean notified;

    Transaction(String id, String userId, Instant createdAt, CitizenBehaviour behaviour, List<Document> documents,
            String clientReference) {
        this.id = id;
        this.userId = userId;
        this.createdAt = createdAt;
        this.behaviour = behaviour;
        this.documents = List.copyOf(documents);
        this.clientReference = clientReference;
    }

    synchronized RemoteTransaction snapshot() {
        return new RemoteTransaction(id, userId, state, polls, documents.size(), createdAt, Optional.ofNullable(endedAt));
    }
}
