package vn.govsdk.signing.remote;

import java.security.cert.X509Certificate;
import java.util.List;
import vn.govsdk.signing.internal.remote.RemoteSignerEngine;

/**
 * What every provider client does the same way: it hands each call to the shared engine (batching,
 * value checks, polling, webhooks, certificate cache); the provider's wire format lives in the
 * engine's protocol.
 */
abstract class EngineBackedSigner implements RemoteSigner {

    private final RemoteSignerEngine engine;
    private final String description;

    EngineBackedSigner(RemoteSignerEngine engine, String description) {
        this.engine = engine;
        this.description = description;
    }

    @Override
    public final String providerName() {
        return engine.providerName();
    }

    @Override
    public final List<X509Certificate> getCertificateChain(String userId) {
        return engine.certificateChain(userId);
    }

    @Override
    public final int maxDigestsPerRequest() {
        return engine.maxDigestsPerRequest();
    }

    @Override
    public final RemoteSignature signDigests(RemoteSigningRequest request) {
        return engine.signDigests(request);
    }

    @Override
    public final WebhookResponse acceptWebhook(WebhookRequest request) {
        return engine.acceptWebhook(request);
    }

    @Override
    public final void close() {
        engine.close();
    }

    /** Shows the provider and endpoint; never a secret. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + description + "]";
    }
}
