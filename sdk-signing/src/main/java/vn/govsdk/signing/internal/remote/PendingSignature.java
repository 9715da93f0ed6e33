package vn.govsdk.signing.internal.remote;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.polling.PollResponse;
import vn.govsdk.core.polling.Poller;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.signing.remote.DigestToSign;
import vn.govsdk.signing.remote.RemoteSignature;
import vn.govsdk.signing.remote.RemoteSigningException;
import vn.govsdk.signing.remote.RemoteSigningStatus;

/** The engine's {@link RemoteSignature}. Thread-safe. */
final class PendingSignature implements RemoteSignature {

    private final RemoteSignerEngine engine;
    private final List<PendingBatch> batches;
    private final List<X509Certificate> chain;
    private final List<DigestToSign> digests;

    PendingSignature(RemoteSignerEngine engine, List<PendingBatch> batches, List<X509Certificate> chain,
            List<DigestToSign> digests) {
        this.engine = engine;
        this.batches = List.copyOf(batches);
        this.chain = List.copyOf(chain);
        this.digests = List.copyOf(digests);
    }

    @Override
    public List<String> transactionIds() {
        return batches.stream().map(b -> b.transactionId).toList();
    }

    @Override
    public List<DigestToSign> digests() {
        return digests;
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public RemoteSigningStatus status() {
        for (PendingBatch b : batches) {
            engine.sync(b);   // a webhook may have reached another instance
        }
        RemoteSigningStatus[] order = {RemoteSigningStatus.REJECTED, RemoteSigningStatus.EXPIRED,
            RemoteSigningStatus.FAILED, RemoteSigningStatus.WAITING_FOR_CONFIRMATION, RemoteSigningStatus.SIGNING};
        for (RemoteSigningStatus s : order) {
            for (PendingBatch b : batches) {
                if (b.status() == s) {
                    return s;
                }
            }
        }
        return RemoteSigningStatus.SIGNED;
    }

    @Override
    public RemoteSigningStatus refresh() {
        Duration delay = null;
        for (PendingBatch b : batches) {
            Duration d = engine.refresh(b);
            if (d != null && (delay == null || d.compareTo(delay) > 0)) {
                delay = d;
            }
        }
        suggestedDelay = delay;
        return status();
    }

    private volatile Duration suggestedDelay;

    @Override
    public List<byte[]> await(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidInputException("timeout", "must be a positive duration, got " + timeout);
        }
        Poller<List<byte[]>> poller = Poller.<List<byte[]>>builder("remote-signing." + engine.providerName(), () -> {
            RemoteSigningStatus s = refresh();
            if (s == RemoteSigningStatus.SIGNED) {
                return PollResponse.succeeded(values());
            }
            if (s.isTerminal()) {
                throw failure(s);
            }
            return PollResponse.inProgress(suggestedDelay);
        }).interval(engine.pollInterval()).deadline(timeout).clock(engine.clock()).sleeper(engine.sleeper()).build();
        return poller.await();
    }

    private List<byte[]> values() {
        List<byte[]> out = new ArrayList<>(digests.size());
        for (DigestToSign d : digests) {
            out.add(signatureValue(d.documentId()).orElseThrow());
        }
        return out;
    }

    private RemoteSigningException failure(RemoteSigningStatus s) {
        for (PendingBatch b : batches) {
            if (b.status() == s) {
                String what = switch (s) {
                    case REJECTED -> "the signer refused the request on the phone";
                    case EXPIRED -> "nobody confirmed the request in time; send a new request";
                    default -> "the request failed";
                };
                String msg = b.message() == null ? "" : ": " + PersonalDataMasker.standard().maskRemote(b.message());
                return new RemoteSigningException(engine.providerName() + " transaction " + b.transactionId + " ended "
                        + s + " (" + what + ")" + (b.code() == null ? ""
                        : ", provider code " + PersonalDataMasker.standard().maskRemote(b.code())) + msg, s,
                        b.code(), b.transactionId);
            }
        }
        return new RemoteSigningException(engine.providerName() + " request ended " + s, s, null, null);
    }

    @Override
    public Optional<byte[]> signatureValue(String documentId) {
        for (PendingBatch b : batches) {
            for (DigestToSign d : b.digests) {
                if (d.documentId().equals(documentId)) {
                    return Optional.ofNullable(b.value(documentId));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RemoteSignature[" + engine.providerName() + ", " + transactionIds() + ", " + status() + ", "
                + digests.size() + " digest(s)]";
    }
}
