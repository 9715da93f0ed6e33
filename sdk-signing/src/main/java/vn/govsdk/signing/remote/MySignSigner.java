package vn.govsdk.signing.remote;

import java.time.Duration;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.internal.remote.MySignProtocol;
import vn.govsdk.signing.internal.remote.Pipelines;
import vn.govsdk.signing.internal.remote.RemoteSignerEngine;
import vn.govsdk.signing.internal.remote.Wire;

/**
 * A remote signer for Viettel MySign (Viettel-CA remote signing): a one-hour token per user from
 * {@code /vtss/service/ras/v1/login} (cached, and renewed by logging in again), the certificate from
 * {@code /vtss/service/certificates/info}, {@code /vtss/service/signHash} with {@code async} 1 (poll
 * {@code /vtss/service/requests/status}) or 3 (webhook), at most 50 digests a call. Statuses: 4000
 * waiting, 6000 confirmed and signing, 1 signed, 4001 expired, 4002 rejected, 4004/4005/13004/50000 failed.
 *
 * <p><b>Names.</b> MySign takes {@code document_name} and {@code description} as base64 of ASCII text
 * from {@code [a-zA-Z0-9_\- ]}. This client <em>transliterates</em>: Vietnamese letters lose their
 * diacritics ({@code "Quyết định"} is sent as {@code "Quyet dinh"}, {@code đ} as {@code d}) and any other
 * character becomes {@code _}; a name still longer than 100 characters is refused before any call.
 *
 * <p><b>Webhooks</b> ({@link Builder#deliverByWebhook(String, Secret)}): Viettel first asks the
 * integrator's auth endpoint for a token with the client credentials the integrator issued to it; pass
 * that request to {@link #acceptWebhook(WebhookRequest)} too (a form-encoded {@code grant_type} body is
 * recognised as one) and it answers with a short-lived bearer token; result requests must carry it.
 * Immutable and thread-safe.
 */
public final class MySignSigner extends EngineBackedSigner {

    private MySignSigner(RemoteSignerEngine engine, String description) {
        super(engine, description);
    }

    /**
     * Starts a builder. The endpoint is {@code https://remotesigning.viettel.vn}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MySignSigner}; {@code build()} names what is missing. */
    public static final class Builder extends RemoteSignerBuilder<Builder> {
        private String clientId;
        private Secret clientSecret;
        private String profileId = "adss:ras:profile:001";
        private String loginPath = "/vtss/service/ras/v1/login";
        private String certificatePath = "/vtss/service/certificates/info";
        private String signHashPath = "/vtss/service/signHash";
        private String statusPath = "/vtss/service/requests/status";
        private boolean webhook;
        private String webhookClientId;
        private Secret webhookClientSecret;
        private Duration webhookTokenLifetime = Duration.ofMinutes(10);

        private Builder() {
            super(50, Duration.ofSeconds(2));
        }

        /**
         * Sets the client credentials Viettel issued to the integrator.
         *
         * @param clientId the client id
         * @param clientSecret the client secret
         * @return this builder
         */
        public Builder credentials(String clientId, Secret clientSecret) {
            if (clientId == null || clientId.isBlank()) {
                throw new InvalidInputException("clientId", "must not be blank");
            }
            if (clientSecret == null) {
                throw new InvalidInputException("clientSecret", "must not be null");
            }
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Sets the profile id; default {@code adss:ras:profile:001}.
         *
         * @param profileId the profile id
         * @return this builder
         */
        public Builder profileId(String profileId) {
            if (profileId == null || profileId.isBlank()) {
                throw new InvalidInputException("profileId", "must not be blank");
            }
            this.profileId = profileId;
            return this;
        }

        /**
         * Sets the login path; default {@code /vtss/service/ras/v1/login}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder loginPath(String path) {
            this.loginPath = Wire.path("loginPath", path);
            return this;
        }

        /**
         * Sets the certificate-info path; default {@code /vtss/service/certificates/info}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder certificatePath(String path) {
            this.certificatePath = Wire.path("certificatePath", path);
            return this;
        }

        /**
         * Sets the sign-hash path; default {@code /vtss/service/signHash}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder signHashPath(String path) {
            this.signHashPath = Wire.path("signHashPath", path);
            return this;
        }

        /**
         * Sets the status path; default {@code /vtss/service/requests/status}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder statusPath(String path) {
            this.statusPath = Wire.path("statusPath", path);
            return this;
        }

        /**
         * Asks for results by webhook ({@code async=3}) instead of polls ({@code async=1}, the default).
         * No status poll is made then; results arrive only through {@link RemoteSigner#acceptWebhook}.
         *
         * @param clientId the client id the integrator issued to Viettel for its auth endpoint
         * @param clientSecret the matching secret
         * @return this builder
         */
        public Builder deliverByWebhook(String clientId, Secret clientSecret) {
            if (clientId == null || clientId.isBlank()) {
                throw new InvalidInputException("webhookClientId", "must not be blank");
            }
            if (clientSecret == null) {
                throw new InvalidInputException("webhookClientSecret", "must not be null");
            }
            this.webhook = true;
            this.webhookClientId = clientId;
            this.webhookClientSecret = clientSecret;
            return this;
        }

        /**
         * Sets how long a token issued to Viettel's webhook caller lives; default 10 minutes.
         *
         * @param lifetime a positive duration
         * @return this builder
         */
        public Builder webhookTokenLifetime(Duration lifetime) {
            this.webhookTokenLifetime = positive("webhookTokenLifetime", lifetime);
            return this;
        }

        /**
         * Builds the signer.
         *
         * @return the signer
         * @throws InvalidInputException naming what is missing: endpoint or credentials
         */
        public MySignSigner build() {
            var url = Pipelines.endpoint(endpoint());
            if (clientId == null) {
                throw new InvalidInputException("credentials", "must be set (client id and secret)");
            }
            var options = clientOptions();
            var setup = Pipelines.create(options);
            MySignProtocol protocol = new MySignProtocol(new MySignProtocol.Settings(url, clientId, clientSecret,
                    profileId, loginPath, certificatePath, signHashPath, statusPath, maxDigests(), webhook,
                    webhookClientId, webhookClientSecret, webhookTokenLifetime), setup.pipeline(), setup.toClose(),
                    options.clock(), store());
            return new MySignSigner(engine(protocol, options), "mysign, " + url + (webhook ? ", webhook" : ""));
        }
    }
}
