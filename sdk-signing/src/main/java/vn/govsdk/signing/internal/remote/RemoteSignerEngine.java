package vn.govsdk.signing.internal.remote;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.http.Sleeper;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.signing.remote.DigestToSign;
import vn.govsdk.signing.remote.RemoteSignature;
import vn.govsdk.signing.remote.RemoteSigningException;
import vn.govsdk.signing.remote.RemoteSigningRequest;
import vn.govsdk.signing.remote.RemoteSigningStore;
import vn.govsdk.signing.remote.RemoteSigningStoreException;
import vn.govsdk.signing.remote.RemoteSigningStatus;
import vn.govsdk.signing.remote.WebhookRequest;
import vn.govsdk.signing.remote.WebhookResponse;

/**
 * What every remote signer shares: the per-user certificate cache, request checks, splitting into
 * the fewest provider calls, the registry of pending transactions, value checks and webhook dispatch.
 * Thread-safe.
 */
public final class RemoteSignerEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteSignerEngine.class);
    /** How long a transaction's shared state is kept: far beyond any provider's confirmation window. */
    private static final Duration STATE_LIFETIME = Duration.ofHours(24);

    private final ProviderProtocol protocol;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration certificateTtl;
    private final Duration pollInterval;
    private final int maxWebhookBytes;
    private final RemoteSigningStore store;
    private final Map<String, CachedCertificate> certificates = new ConcurrentHashMap<>();
    private final Map<String, PendingBatch> pending = new ConcurrentHashMap<>();
    private final Map<String, Object> fetchLocks = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private record CachedCertificate(UserCertificate certificate, Instant expires) {
    }

    /**
     * Creates the engine.
     *
     * @param protocol the provider's protocol
     * @param clock the clock for the cache and deadlines
     * @param sleeper how polls wait
     * @param certificateTtl how long a certificate is cached
     * @param pollInterval the wait between polls when the provider suggests none
     * @param maxWebhookBytes the largest webhook body accepted
     * @param store where transactions and their outcomes are shared with other instances
     */
    public RemoteSignerEngine(ProviderProtocol protocol, Clock clock, Sleeper sleeper, Duration certificateTtl,
            Duration pollInterval, int maxWebhookBytes, RemoteSigningStore store) {
        this.store = store;
        this.protocol = protocol;
        this.clock = clock;
        this.sleeper = sleeper;
        this.certificateTtl = certificateTtl;
        this.pollInterval = pollInterval;
        this.maxWebhookBytes = maxWebhookBytes;
    }

    /**
     * Returns the protocol's name.
     *
     * @return the provider name
     */
    public String providerName() {
        return protocol.name();
    }

    /**
     * Returns the per-call limit.
     *
     * @return the limit
     */
    public int maxDigestsPerRequest() {
        return protocol.maxDigestsPerCall();
    }

    /**
     * Returns the user's chain, from the cache when fresh.
     *
     * @param userId the user id
     * @return the chain
     */
    public List<X509Certificate> certificateChain(String userId) {
        return certificate(userId).chain();
    }

    private UserCertificate certificate(String userId) {
        checkUserId(userId);
        ensureOpen();
        Instant now = clock.instant();
        CachedCertificate c = certificates.get(userId);
        if (c != null && now.isBefore(c.expires())) {
            return c.certificate();
        }
        // One fetch per user at a time: threads asking together share the answer.
        synchronized (fetchLocks.computeIfAbsent(userId, k -> new Object())) {
            c = certificates.get(userId);
            if (c != null && clock.instant().isBefore(c.expires())) {
                return c.certificate();
            }
            return fetch(userId, now);
        }
    }

    private UserCertificate fetch(String userId, Instant now) {
        UserCertificate fetched = protocol.fetchCertificate(userId);
        if (fetched == null || fetched.chain().isEmpty()) {
            throw new RemoteSigningException(protocol.name() + " has no usable certificate for user "
                    + PersonalDataMasker.maskIdentifier(userId), RemoteSigningStatus.FAILED, null, null);
        }
        X509Certificate cert = fetched.chain().get(0);
        try {
            cert.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new RemoteSigningException(protocol.name() + " certificate of user "
                    + PersonalDataMasker.maskIdentifier(userId) + " (serial " + cert.getSerialNumber().toString(16)
                    + ") is not valid now: valid from " + cert.getNotBefore().toInstant() + " to "
                    + cert.getNotAfter().toInstant(), RemoteSigningStatus.FAILED, null, null);
        }
        certificates.put(userId, new CachedCertificate(fetched, now.plus(certificateTtl)));
        LOG.debug("{}: certificate of user {} fetched and cached for {}", protocol.name(),
                PersonalDataMasker.maskIdentifier(userId), certificateTtl);
        return fetched;
    }

    /**
     * Sends a request, split into the fewest calls.
     *
     * @param request the request
     * @return the pending signature
     */
    public RemoteSignature signDigests(RemoteSigningRequest request) {
        if (request == null) {
            throw new InvalidInputException("request", "must not be null");
        }
        ensureOpen();
        protocol.check(request);
        UserCertificate cert = certificate(request.userId());
        request.algorithm().checkKey(cert.chain().get(0).getPublicKey());
        int max = protocol.maxDigestsPerCall();
        List<DigestToSign> all = request.digests();
        List<PendingBatch> batches = new ArrayList<>();
        try {
            for (int from = 0; from < all.size(); from += max) {
                List<DigestToSign> chunk = all.subList(from, Math.min(all.size(), from + max));
                String tx = protocol.start(request.userId(), cert, chunk, request.algorithm(),
                        request.description().orElse(null));
                PendingBatch batch = new PendingBatch(tx, request.userId(), cert, chunk, request.algorithm());
                pending.put(tx, batch);
                batches.add(batch);
                // Shared before anyone can confirm it: the webhook may reach another instance.
                store.put(key(tx), BatchCodec.encode(batch), clock.instant().plus(STATE_LIFETIME));
                LOG.debug("{}: transaction {} sent for user {}, {} digest(s)", protocol.name(), tx,
                        PersonalDataMasker.maskIdentifier(request.userId()), chunk.size());
            }
        } catch (RuntimeException e) {
            // A later call failed: the transactions already sent are abandoned (they expire at the
            // provider); none is kept pending here, so no webhook can complete half a request.
            for (PendingBatch b : batches) {
                pending.remove(b.transactionId);
                try {
                    store.remove(key(b.transactionId));
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new PendingSignature(this, batches, cert.chain(), all);
    }

    /** Polls one batch and applies the answer; returns the provider's suggested delay, or null. */
    Duration refresh(PendingBatch batch) {
        sync(batch);
        if (batch.isTerminal() || !protocol.polls()) {
            return null;
        }
        ensureOpen();
        ProviderStatus s = protocol.poll(batch.userId, batch.certificate, batch.transactionId);
        apply(batch, s);
        share(batch);
        return s.suggestedDelay();
    }

    private String key(String transactionId) {
        return protocol.name() + "|" + transactionId;
    }

    /** A transaction another instance started, from the shared store; null when there is none. */
    private PendingBatch shared(String transactionId) {
        return store.get(key(transactionId), clock.instant()).map(e -> {
            BatchCodec.Stored s = BatchCodec.decode(e.state());
            adopt(s.batch(), s);
            return s.batch();
        }).orElse(null);
    }

    /**
     * Brings a batch up to what another instance learnt (a webhook that reached it): an ended
     * outcome in the store is applied here, its values checked again against this batch's
     * certificate and digests.
     */
    void sync(PendingBatch batch) {
        if (batch.isTerminal()) {
            return;
        }
        store.get(key(batch.transactionId), clock.instant()).ifPresent(e -> adopt(batch, BatchCodec.decode(e.state())));
        if (batch.isTerminal()) {
            pending.remove(batch.transactionId);
        }
    }

    private void adopt(PendingBatch batch, BatchCodec.Stored s) {
        if (!s.status().isTerminal()) {
            return;
        }
        if (s.status() == RemoteSigningStatus.SIGNED) {
            try {
                batch.apply(s.asStatus(), batch.checkValues(s.asStatus()));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: the shared outcome of transaction {} does not verify and is ignored: {}", protocol.name(),
                        batch.transactionId, e.getMessage());
            }
        } else {
            batch.apply(s.asStatus(), null);
        }
    }

    /**
     * Records an ended batch's outcome in the shared store, unless another instance recorded one
     * first (compare-and-set on the entry's version).
     */
    private void share(PendingBatch batch) {
        if (!batch.isTerminal()) {
            return;
        }
        String key = key(batch.transactionId);
        for (int attempt = 0; attempt < 3; attempt++) {
            var entry = store.get(key, clock.instant());
            if (entry.isEmpty()) {
                store.put(key, BatchCodec.encode(batch), clock.instant().plus(STATE_LIFETIME));
                return;
            }
            if (BatchCodec.decode(entry.get().state()).status().isTerminal()
                    || store.replace(key, entry.get().version(), BatchCodec.encode(batch))) {
                return;
            }
        }
    }

    Duration pollInterval() {
        return pollInterval;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    private void apply(PendingBatch batch, ProviderStatus s) {
        if (s.status() == RemoteSigningStatus.SIGNED) {
            Map<String, byte[]> values;
            try {
                values = batch.checkValues(s);
            } catch (IllegalArgumentException e) {
                batch.apply(ProviderStatus.of(RemoteSigningStatus.FAILED, "VALUE_MISMATCH", e.getMessage()), null);
                pending.remove(batch.transactionId);
                LOG.debug("{}: transaction {} refused: {}", protocol.name(), batch.transactionId, e.getMessage());
                return;
            }
            batch.apply(s, values);
        } else {
            batch.apply(s, null);
        }
        if (batch.isTerminal()) {
            pending.remove(batch.transactionId);
        }
    }

    /**
     * Handles a webhook request.
     *
     * @param request the request
     * @return the answer
     */
    public WebhookResponse acceptWebhook(WebhookRequest request) {
        if (request == null) {
            throw new InvalidInputException("request", "must not be null");
        }
        if (request.body().length > maxWebhookBytes) {
            return refused(413, "body of " + request.body().length + " bytes exceeds the limit of " + maxWebhookBytes);
        }
        WebhookOutcome outcome;
        try {
            outcome = protocol.parseWebhook(request);
        } catch (WebhookRefusedException e) {
            return refused(e.statusCode(), e.getMessage());
        } catch (RuntimeException e) {
            return refused(400, "unreadable payload (" + e.getClass().getSimpleName() + ")");
        }
        if (outcome instanceof WebhookOutcome.Reply reply) {
            return reply.response();
        }
        WebhookOutcome.Result result = (WebhookOutcome.Result) outcome;
        try {
            return complete(result);
        } catch (RemoteSigningStoreException e) {
            LOG.warn("{}: webhook for transaction {} not handled, the transaction store failed: {}", protocol.name(),
                    PersonalDataMasker.standard().maskRemote(result.transactionId()), e.getMessage());
            return refused(503, "the transaction store cannot be reached; send the webhook again");
        }
    }

    private WebhookResponse complete(WebhookOutcome.Result result) {
        PendingBatch batch = pending.get(result.transactionId());
        if (batch == null) {
            // Started by another instance behind the same load balancer: the shared store has it.
            batch = shared(result.transactionId());
        }
        if (batch == null) {
            return refused(404, "no pending transaction with the id given");
        }
        ProviderStatus s = result.status();
        if (result.hintOnly()) {
            // The notification only says "something happened": the result comes from the provider.
            try {
                refresh(batch);
            } catch (RuntimeException e) {
                return refused(503, "the outcome could not be fetched from the provider");
            }
        } else if (s.status() == RemoteSigningStatus.SIGNED) {
            Map<String, byte[]> values;
            try {
                values = batch.checkValues(s);
            } catch (IllegalArgumentException e) {
                // A forged or damaged payload: refused, and the transaction stays as it was.
                return refused(400, e.getMessage());
            }
            batch.apply(s, values);
        } else if (!s.status().isTerminal()) {
            batch.apply(s, null);
        } else if (result.authenticated()) {
            batch.apply(s, null);
        } else {
            // A failure outcome cannot be proven by the payload alone: ask the provider.
            try {
                refresh(batch);
            } catch (RuntimeException e) {
                return refused(503, "the outcome could not be confirmed with the provider");
            }
            if (batch.status() != s.status()) {
                return refused(409, "the provider does not confirm the outcome " + s.status());
            }
        }
        share(batch);
        if (batch.isTerminal()) {
            pending.remove(batch.transactionId);
        }
        LOG.debug("{}: webhook for transaction {} accepted, {}", protocol.name(), batch.transactionId, batch.status());
        return new WebhookResponse(200, "application/json", result.reply(), true, batch.transactionId, null);
    }

    private WebhookResponse refused(int status, String reason) {
        // The reason may quote the webhook's own content: capped, masked and neutralised.
        String safe = PersonalDataMasker.standard().maskRemote(reason);
        LOG.debug("{}: webhook refused ({}): {}", protocol.name(), status, safe);
        return new WebhookResponse(status, "application/json",
                "{\"status_code\":\"" + status + "\",\"message\":\"refused\"}", false, null, safe);
    }

    /**
     * Returns how many transactions are pending.
     *
     * @return the count
     */
    public int pendingCount() {
        return pending.size();
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(protocol.name() + " remote signer is closed");
        }
    }

    /**
     * Checks a user id.
     *
     * @param userId the id
     */
    public static void checkUserId(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("userId", "must not be empty");
        }
        if (userId.length() > 64 || !userId.equals(userId.strip()) || userId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("userId", "must be 1 to 64 printable characters without surrounding spaces");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pending.clear();
            protocol.close();
        }
    }

    /**
     * Returns the store the transactions are shared in.
     *
     * @return the store
     */
    public RemoteSigningStore store() {
        return store;
    }
}
