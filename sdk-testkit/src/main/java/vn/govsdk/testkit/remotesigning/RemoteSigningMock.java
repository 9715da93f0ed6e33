package vn.govsdk.testkit.remotesigning;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.internal.Json;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * What every remote signing mock shares: its subscribers (a test-PKI key and certificate per user,
 * made on first use), the transactions, the scripted citizen behaviour and subscriber conditions, and
 * the webhook deliveries. Subclasses speak one provider's wire format; they live in this package only.
 *
 * <p>Admin endpoints under the service's prefix (journaled like any call, no credentials):
 * {@code GET {prefix}/__admin/transactions}, {@code POST {prefix}/__admin/transactions/{id}/confirm|reject|expire|fail},
 * {@code POST {prefix}/__admin/behaviour {"userId"?, "behaviour", "polls"?, "seconds"?}},
 * {@code POST {prefix}/__admin/condition {"userId", "condition"}}, and the provider's webhook settings.
 * Contract: docs/contracts/remote-signing.md. Thread-safe.
 */
public abstract class RemoteSigningMock implements MockService {

    /** How long a transaction waits for the citizen unless set otherwise: five minutes. */
    public static final Duration DEFAULT_TRANSACTION_LIFETIME = Duration.ofMinutes(5);

    /** How many transactions a mock keeps; beyond that the oldest are forgotten (a mock server may run all day). */
    public static final int MAX_TRANSACTIONS = 10_000;

    /** How many webhook deliveries a mock keeps; beyond that the oldest are forgotten. */
    public static final int MAX_DELIVERIES = 1_000;

    /** The behaviour of every user unless set otherwise: confirm on the second status poll. */
    public static final CitizenBehaviour DEFAULT_BEHAVIOUR = CitizenBehaviour.confirmOnPoll(2);

    private static final Logger LOG = LoggerFactory.getLogger(RemoteSigningMock.class);
    private static final Pattern USER_ID = Pattern.compile("[0-9]{12}");

    /** The platform this mock is mounted on. */
    final MockGovPlatform platform;
    private final String idPrefix;
    private final Map<String, TestCredential> subscribers = new ConcurrentHashMap<>();
    private final Map<String, CitizenBehaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, SubscriberCondition> conditions = new ConcurrentHashMap<>();
    private final Map<String, Transaction> transactions = new LinkedHashMap<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile CitizenBehaviour defaultBehaviour = DEFAULT_BEHAVIOUR;
    private volatile Duration lifetime = DEFAULT_TRANSACTION_LIFETIME;
    private volatile KeyPair wrongKey;

    RemoteSigningMock(MockGovPlatform platform, String idPrefix) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.idPrefix = idPrefix;
    }

    // ------------------------------------------------------------------ scripting API

    /**
     * Returns a subscriber, creating its key and certificate on first use.
     *
     * @param userId a 12-digit personal identification number (CCCD)
     * @return the subscriber
     * @throws IllegalArgumentException when the id is not 12 digits
     */
    public MockSubscriber subscriber(String userId) {
        TestCredential credential = credential(requireUserId(userId));
        return new MockSubscriber(userId, credential.certificate(), credential.chain());
    }

    /**
     * Sets what every user without a behaviour of their own does (default {@link #DEFAULT_BEHAVIOUR}).
     * Applies to transactions created from now on.
     *
     * @param behaviour the behaviour
     */
    public void behaviour(CitizenBehaviour behaviour) {
        this.defaultBehaviour = Objects.requireNonNull(behaviour, "behaviour");
    }

    /**
     * Sets what one user does with the transactions created from now on.
     *
     * @param userId the user's 12-digit id
     * @param behaviour the behaviour
     * @throws IllegalArgumentException when the id is not 12 digits
     */
    public void behaviour(String userId, CitizenBehaviour behaviour) {
        behaviours.put(requireUserId(userId), Objects.requireNonNull(behaviour, "behaviour"));
    }

    /**
     * Returns what a user does with a new transaction.
     *
     * @param userId the user's 12-digit id
     * @return the user's behaviour, or the default
     */
    public CitizenBehaviour behaviourOf(String userId) {
        return behaviours.getOrDefault(userId, defaultBehaviour);
    }

    /**
     * Sets the condition of a subscriber's account.
     *
     * @param userId the user's 12-digit id
     * @param condition the condition; {@link SubscriberCondition#NORMAL} clears it
     * @throws IllegalArgumentException when the id is not 12 digits
     */
    public void condition(String userId, SubscriberCondition condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition == SubscriberCondition.NORMAL) {
            conditions.remove(requireUserId(userId));
        } else {
            conditions.put(requireUserId(userId), condition);
        }
    }

    /**
     * Returns the condition of a subscriber's account.
     *
     * @param userId the user's id
     * @return the condition, {@link SubscriberCondition#NORMAL} unless set
     */
    public SubscriberCondition conditionOf(String userId) {
        return conditions.getOrDefault(userId, SubscriberCondition.NORMAL);
    }

    /**
     * Sets how long a transaction waits for the citizen before it expires, by the platform clock
     * (default five minutes).
     *
     * @param lifetime the lifetime, positive
     */
    public void transactionLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("lifetime must be positive, got " + lifetime);
        }
        this.lifetime = lifetime;
    }

    /**
     * Returns every transaction, oldest first.
     *
     * @return snapshots
     */
    public List<RemoteTransaction> transactions() {
        List<Transaction> all;
        synchronized (transactions) {
            all = new ArrayList<>(transactions.values());
        }
        List<RemoteTransaction> out = new ArrayList<>();
        for (Transaction t : all) {
            out.add(t.snapshot());
        }
        return List.copyOf(out);
    }

    /**
     * Returns one transaction.
     *
     * @param id the provider's transaction id
     * @return a snapshot, or empty when there is none with that id
     */
    public Optional<RemoteTransaction> transaction(String id) {
        return Optional.ofNullable(find(id)).map(Transaction::snapshot);
    }

    /**
     * Returns the most recent transaction.
     *
     * @return a snapshot, or empty when there is none
     */
    public Optional<RemoteTransaction> lastTransaction() {
        List<RemoteTransaction> all = transactions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The citizen confirms a waiting transaction now: the values are signed and the webhook, if any, is
     * delivered before this returns.
     *
     * @param id the transaction id
     * @return the transaction after the change
     * @throws IllegalArgumentException when there is no such transaction
     * @throws IllegalStateException when it has already ended
     */
    public RemoteTransaction confirm(String id) {
        return end(id, TransactionState.SIGNED);
    }

    /**
     * The citizen rejects a waiting transaction now; the webhook, if any, is delivered before this returns.
     *
     * @param id the transaction id
     * @return the transaction after the change
     * @throws IllegalArgumentException when there is no such transaction
     * @throws IllegalStateException when it has already ended
     */
    public RemoteTransaction reject(String id) {
        return end(id, TransactionState.REJECTED);
    }

    /**
     * A waiting transaction expires now; the webhook, if any, is delivered before this returns.
     *
     * @param id the transaction id
     * @return the transaction after the change
     * @throws IllegalArgumentException when there is no such transaction
     * @throws IllegalStateException when it has already ended
     */
    public RemoteTransaction expire(String id) {
        return end(id, TransactionState.EXPIRED);
    }

    /**
     * The provider fails to sign a waiting transaction now; the webhook, if any, is delivered before this returns.
     *
     * @param id the transaction id
     * @return the transaction after the change
     * @throws IllegalArgumentException when there is no such transaction
     * @throws IllegalStateException when it has already ended
     */
    public RemoteTransaction fail(String id) {
        return end(id, TransactionState.FAILED);
    }

    /**
     * Applies the time-based rules now, by the platform clock: confirms the transactions whose
     * {@link CitizenBehaviour#confirmAfter} delay has passed and expires those older than the lifetime,
     * delivering their webhooks. Call it after advancing a test clock.
     *
     * @return how many transactions ended
     */
    public int settleDue() {
        List<Transaction> all;
        synchronized (transactions) {
            all = new ArrayList<>(transactions.values());
        }
        int ended = 0;
        for (Transaction t : all) {
            boolean changed;
            synchronized (t) {
                changed = applyTime(t);
            }
            if (changed) {
                ended++;
                notifyEnded(t);
            }
        }
        return ended;
    }

    /**
     * Returns every request sent to webhook receivers, oldest first.
     *
     * @return the deliveries
     */
    public List<WebhookDelivery> webhookDeliveries() {
        return List.copyOf(deliveries);
    }

    /**
     * Forgets transactions, scripted behaviour, conditions and webhook deliveries; subscribers keep their
     * keys and certificates. Subclasses forget their tokens and webhook settings too.
     */
    @Override
    public void reset() {
        synchronized (transactions) {
            transactions.clear();
        }
        behaviours.clear();
        conditions.clear();
        deliveries.clear();
        defaultBehaviour = DEFAULT_BEHAVIOUR;
        lifetime = DEFAULT_TRANSACTION_LIFETIME;
    }

    // ------------------------------------------------------------------ HTTP

    /**
     * Answers the admin endpoints under {@code {prefix}/__admin/} and hands every other request to the
     * provider's wire format.
     *
     * @param request the request
     * @return the response
     */
    @Override
    public final MockResponse handle(MockRequest request) {
        String sub = request.path().substring(pathPrefix().length());
        if (sub.startsWith("/__admin/")) {
            try {
                return admin(sub.substring("/__admin".length()), request);
            } catch (IllegalArgumentException e) {
                return adminError(400, e.getMessage());
            }
        }
        return handleProvider(sub, request);
    }

    /** Answers a provider request; {@code path} is the path below the prefix. */
    abstract MockResponse handleProvider(String path, MockRequest request);

    /** Delivers the webhook of a transaction that has just ended, if the provider has one configured. */
    abstract void deliverWebhook(Transaction t);

    /** Answers a provider-specific admin request, or null when the path is not one. */
    MockResponse adminExtra(String path, MockRequest request, JsonNode body) {
        return null;
    }

    private MockResponse admin(String path, MockRequest request) {
        if (path.equals("/transactions") && request.method().equals("GET")) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (RemoteTransaction t : transactions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("userId", PersonalDataMasker.maskIdentifier(t.userId()));
                m.put("state", t.state().name());
                m.put("polls", t.polls());
                m.put("documents", t.documents());
                m.put("createdAt", t.createdAt().toString());
                out.add(m);
            }
            return MockResponse.json(200, Json.pretty(out));
        }
        if (!request.method().equals("POST")) {
            return adminError(405, "admin endpoints other than GET /__admin/transactions take POST");
        }
        if (path.startsWith("/transactions/")) {
            String[] parts = path.substring("/transactions/".length()).split("/");
            if (parts.length != 2) {
                return adminError(404, "use /__admin/transactions/{id}/confirm|reject|expire|fail");
            }
            TransactionState target = switch (parts[1]) {
                case "confirm" -> TransactionState.SIGNED;
                case "reject" -> TransactionState.REJECTED;
                case "expire" -> TransactionState.EXPIRED;
                case "fail" -> TransactionState.FAILED;
                default -> null;
            };
            if (target == null) {
                return adminError(404, "action must be confirm, reject, expire or fail, got " + parts[1]);
            }
            if (find(parts[0]) == null) {
                return adminError(404, "no transaction " + parts[0]);
            }
            try {
                RemoteTransaction t = end(parts[0], target);
                return MockResponse.json(200, Json.write(Map.of("id", t.id(), "state", t.state().name())));
            } catch (IllegalStateException e) {
                return adminError(409, e.getMessage());
            }
        }
        JsonNode body = request.body().length == 0 ? Json.read("{}") : Json.read(request.bodyAsString());
        if (!body.isObject()) {
            return adminError(400, "body must be a JSON object");
        }
        switch (path) {
            case "/behaviour": {
                CitizenBehaviour behaviour = parseBehaviour(body);
                String userId = text(body, "userId");
                if (userId == null) {
                    behaviour(behaviour);
                } else {
                    behaviour(userId, behaviour);
                }
                return MockResponse.json(200, Json.write(Map.of("behaviour", behaviour.toString())));
            }
            case "/condition": {
                String userId = text(body, "userId");
                if (userId == null) {
                    return adminError(400, "userId is required");
                }
                String name = text(body, "condition");
                SubscriberCondition condition = name == null ? null : switch (name) {
                    case "normal" -> SubscriberCondition.NORMAL;
                    case "wrong-key" -> SubscriberCondition.WRONG_KEY;
                    case "quota-exhausted" -> SubscriberCondition.QUOTA_EXHAUSTED;
                    case "certificate-expired" -> SubscriberCondition.CERTIFICATE_EXPIRED;
                    default -> null;
                };
                if (condition == null) {
                    return adminError(400,
                            "condition must be normal, wrong-key, quota-exhausted or certificate-expired");
                }
                condition(userId, condition);
                return MockResponse.json(200, Json.write(Map.of("condition", condition.name())));
            }
            default: {
                MockResponse extra = adminExtra(path, request, body);
                return extra != null ? extra : adminError(404, "no admin endpoint " + path);
            }
        }
    }

    private static CitizenBehaviour parseBehaviour(JsonNode body) {
        String name = text(body, "behaviour");
        if (name == null) {
            throw new IllegalArgumentException("behaviour is required: confirm-on-poll, reject-on-poll, "
                    + "expire-on-poll, fail-on-poll, confirm-after or manual");
        }
        int polls = body.path("polls").asInt(1);
        return switch (name) {
            case "confirm-on-poll" -> CitizenBehaviour.confirmOnPoll(polls);
            case "reject-on-poll" -> CitizenBehaviour.rejectOnPoll(polls);
            case "expire-on-poll" -> CitizenBehaviour.expireOnPoll(polls);
            case "fail-on-poll" -> CitizenBehaviour.failOnPoll(polls);
            case "confirm-after" -> CitizenBehaviour.confirmAfter(Duration.ofSeconds(body.path("seconds").asLong(0)));
            case "manual" -> CitizenBehaviour.manual();
            default -> throw new IllegalArgumentException("behaviour must be confirm-on-poll, reject-on-poll, "
                    + "expire-on-poll, fail-on-poll, confirm-after or manual, got " + name);
        };
    }

    static MockResponse adminError(int status, String message) {
        return MockResponse.json(status, Json.write(Map.of("error", message == null ? "bad request" : message)));
    }

    /** Returns a text field, or null when absent, null or blank. */
    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    // ------------------------------------------------------------------ for the providers

    static boolean isUserId(String userId) {
        return userId != null && USER_ID.matcher(userId).matches();
    }

    private static String requireUserId(String userId) {
        if (!isUserId(userId)) {
            throw new IllegalArgumentException("userId must be a 12-digit personal identification number");
        }
        return userId;
    }

    /** The subscriber's key and certificate, made on first use. */
    TestCredential credential(String userId) {
        return subscribers.computeIfAbsent(userId, id -> {
            String name = platform.data().findByCitizenId(id).map(SyntheticCitizen::fullName)
                    .orElse("Thuê bao thử nghiệm");
            LOG.debug("{}: new subscriber {}", name(), PersonalDataMasker.maskIdentifier(id));
            return platform.pki().issueSigner(name, "CCCD:" + id);
        });
    }

    /** Creates a waiting transaction for a user; the caller has checked the request and the condition. */
    Transaction create(String userId, List<Transaction.Document> documents, String clientReference,
            java.util.function.Consumer<Transaction> init) {
        String id = idPrefix + String.format("%012d", counter.incrementAndGet());
        Transaction t = new Transaction(id, userId, now(), behaviourOf(userId), documents, clientReference);
        init.accept(t);
        synchronized (transactions) {
            transactions.put(id, t);
            if (transactions.size() > MAX_TRANSACTIONS) {
                var eldest = transactions.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        return t;
    }

    /** Whether a client reference was already used by a transaction of this mock. */
    boolean referenceUsed(String clientReference) {
        synchronized (transactions) {
            for (Transaction t : transactions.values()) {
                if (clientReference.equals(t.clientReference)) {
                    return true;
                }
            }
        }
        return false;
    }

    Transaction find(String id) {
        if (id == null) {
            return null;
        }
        synchronized (transactions) {
            return transactions.get(id);
        }
    }

    /**
     * Counts one status poll and applies the behaviour; delivers the webhook when the transaction ends
     * here. Returns the transaction, or null when there is none with that id.
     */
    Transaction poll(String id) {
        Transaction t = find(id);
        if (t == null) {
            return null;
        }
        boolean changed;
        synchronized (t) {
            if (t.state.isFinal()) {
                t.polls++;
                return t;
            }
            t.polls++;
            changed = applyTime(t);
            if (!changed) {
                CitizenBehaviour b = t.behaviour;
                if (b.polls() > 0 && t.polls >= b.polls()) {
                    TransactionState target = switch (b.kind()) {
                        case CONFIRM -> TransactionState.SIGNED;
                        case REJECT -> TransactionState.REJECTED;
                        case EXPIRE -> TransactionState.EXPIRED;
                        case FAIL -> TransactionState.FAILED;
                        default -> null;
                    };
                    if (target != null) {
                        transition(t, target);
                        changed = true;
                    }
                }
            }
        }
        if (changed) {
            notifyEnded(t);
        }
        return t;
    }

    /**
     * Settles a transaction at once from its behaviour, for a blocking sign call (MySign async 0):
     * confirm behaviours confirm, reject rejects, fail fails, expire and manual expire.
     */
    Transaction settleNow(Transaction t) {
        synchronized (t) {
            if (!t.state.isFinal()) {
                transition(t, switch (t.behaviour.kind()) {
                    case CONFIRM, CONFIRM_AFTER -> TransactionState.SIGNED;
                    case REJECT -> TransactionState.REJECTED;
                    case FAIL -> TransactionState.FAILED;
                    case EXPIRE, MANUAL -> TransactionState.EXPIRED;
                });
            }
        }
        notifyEnded(t);
        return t;
    }

    private boolean applyTime(Transaction t) {
        if (t.state.isFinal()) {
            return false;
        }
        Instant now = now();
        if (!now.isBefore(t.createdAt.plus(lifetime))) {
            transition(t, TransactionState.EXPIRED);
            return true;
        }
        if (t.behaviour.kind() == CitizenBehaviour.Kind.CONFIRM_AFTER
                && !now.isBefore(t.createdAt.plus(t.behaviour.delay()))) {
            transition(t, TransactionState.SIGNED);
            return true;
        }
        return false;
    }

    private RemoteTransaction end(String id, TransactionState target) {
        Transaction t = find(id);
        if (t == null) {
            throw new IllegalArgumentException("no transaction " + id + " at " + name());
        }
        synchronized (t) {
            if (t.state.isFinal()) {
                throw new IllegalStateException("transaction " + id + " has already ended: " + t.state);
            }
            transition(t, target);
        }
        notifyEnded(t);
        return t.snapshot();
    }

    /** Moves a waiting transaction to its final state, signing when confirmed; caller holds t's lock. */
    private void transition(Transaction t, TransactionState target) {
        if (target == TransactionState.SIGNED) {
            PrivateKey key = conditionOf(t.userId) == SubscriberCondition.WRONG_KEY
                    ? wrongKey().getPrivate() : credential(t.userId).privateKey();
            List<byte[]> values = new ArrayList<>();
            for (Transaction.Document d : t.documents) {
                values.add(d.algo().sign(key, d.digest()));
            }
            t.signatures = List.copyOf(values);
        }
        t.state = target;
        t.endedAt = now();
        LOG.debug("{}: transaction {} -> {}", name(), t.id, target);
    }

    private void notifyEnded(Transaction t) {
        synchronized (t) {
            if (t.notified || !t.state.isFinal()) {
                return;
            }
            t.notified = true;
        }
        deliverWebhook(t);
    }

    void recordDelivery(WebhookDelivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
            if (deliveries.size() > MAX_DELIVERIES) {
                deliveries.remove(0);
            }
        }
        LOG.debug("{}: webhook {}", name(), delivery);
    }

    private KeyPair wrongKey() {
        KeyPair k = wrongKey;
        if (k == null) {
            synchronized (this) {
                k = wrongKey;
                if (k == null) {
                    try {
                        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                        g.initialize(2048);
                        k = g.generateKeyPair();
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                    wrongKey = k;
                }
            }
        }
        return k;
    }

    Instant now() {
        return platform.clock().instant();
    }
}
