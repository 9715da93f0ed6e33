package vn.govsdk.signing.remote;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.internal.remote.CscProtocol;
import vn.govsdk.signing.internal.remote.Pipelines;
import vn.govsdk.signing.internal.remote.RemoteSignerEngine;
import vn.govsdk.signing.internal.remote.Wire;

/**
 * A remote signer for VNPT SmartCA's CSC-style API ("Tích hợp VNPT-SmartCA v1.1"): an OAuth2 token per
 * subscriber from {@code /auth/token} (password grant, then the refresh token), the credential from
 * {@code /csc/credentials/list} and {@code /csc/credentials/info}, at most 50 digests per
 * {@code /csc/signature/signhash} call, and {@code /csc/credentials/gettraninfo} polls
 * ({@code tranStatus} 4000 waiting, 1 signed, 4001 expired, 4002 rejected, 4003/4004 failed).
 *
 * <p>A {@code notifyUrl} notification is treated as a hint only: the result is then fetched with
 * {@code gettraninfo}, never taken from the notification body. Certificates have their trailing
 * CRLF stripped. Immutable and thread-safe.
 */
public final class SmartCaCscSigner extends EngineBackedSigner {

    private SmartCaCscSigner(RemoteSignerEngine engine, String description) {
        super(engine, description);
    }

    /**
     * Starts a builder. The endpoint is {@code https://gwsca.vnpt.vn} (production) or
     * {@code https://rmgateway.vnptit.vn} (demo).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SmartCaCscSigner}; {@code build()} names what is missing. */
    public static final class Builder extends RemoteSignerBuilder<Builder> {
        private String clientId;
        private Secret clientSecret;
        private Function<String, Secret> userPasswords;
        private String tokenPath = "/auth/token";
        private String listPath = "/csc/credentials/list";
        private String infoPath = "/csc/credentials/info";
        private String signHashPath = "/csc/signature/signhash";
        private String tranInfoPath = "/csc/credentials/gettraninfo";
        private URI notifyUrl;
        private Secret webhookSecret;
        private String webhookSignatureHeader = "X-Signature";

        private Builder() {
            super(50, Duration.ofSeconds(3));
        }

        /**
         * Sets the OAuth2 client credentials VNPT issued to the integrator.
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
         * Sets where each subscriber's SmartCA password comes from, for the OAuth2 password grant;
         * after the first token the refresh token (about three months) is used.
         *
         * @param userPasswords the password of a user id (never logged)
         * @return this builder
         */
        public Builder userPasswords(Function<String, Secret> userPasswords) {
            if (userPasswords == null) {
                throw new InvalidInputException("userPasswords", "must not be null");
            }
            this.userPasswords = userPasswords;
            return this;
        }

        /**
         * Sets the token path; default {@code /auth/token}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder tokenPath(String path) {
            this.tokenPath = Wire.path("tokenPath", path);
            return this;
        }

        /**
         * Sets the credentials list path; default {@code /csc/credentials/list}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder credentialsListPath(String path) {
            this.listPath = Wire.path("credentialsListPath", path);
            return this;
        }

        /**
         * Sets the credentials info path; default {@code /csc/credentials/info}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder credentialsInfoPath(String path) {
            this.infoPath = Wire.path("credentialsInfoPath", path);
            return this;
        }

        /**
         * Sets the sign-hash path; default {@code /csc/signature/signhash}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder signHashPath(String path) {
            this.signHashPath = Wire.path("signHashPath", path);
            return this;
        }

        /**
         * Sets the transaction-info path; default {@code /csc/credentials/gettraninfo}.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder tranInfoPath(String path) {
            this.tranInfoPath = Wire.path("tranInfoPath", path);
            return this;
        }

        /**
         * Sets the {@code notifyUrl} sent with each request: the application's webhook endpoint, which
         * passes what it receives to {@link RemoteSigner#acceptWebhook(WebhookRequest)}.
         *
         * @param notifyUrl an absolute https (or loopback http) URI
         * @return this builder
         */
        public Builder notifyUrl(URI notifyUrl) {
            Pipelines.endpoint(notifyUrl);
            this.notifyUrl = notifyUrl;
            return this;
        }

        /**
         * Requires notifications to carry {@code sha256=<hex HMAC-SHA256 of the raw body>} under
         * this shared secret (if the deployment agreed one with VNPT).
         *
         * @param secret the shared secret
         * @return this builder
         */
        public Builder webhookSecret(Secret secret) {
            if (secret == null) {
                throw new InvalidInputException("webhookSecret", "must not be null");
            }
            this.webhookSecret = secret;
            return this;
        }

        /**
         * Sets the header holding the notification HMAC; default {@code X-Signature}.
         *
         * @param header the header name
         * @return this builder
         */
        public Builder webhookSignatureHeader(String header) {
            if (header == null || !header.matches("[A-Za-z0-9\\-]{1,64}")) {
                throw new InvalidInputException("webhookSignatureHeader", "must be a header name");
            }
            this.webhookSignatureHeader = header;
            return this;
        }

        /**
         * Builds the signer.
         *
         * @return the signer
         * @throws InvalidInputException naming what is missing: endpoint, credentials or userPasswords
         */
        public SmartCaCscSigner build() {
            var url = Pipelines.endpoint(endpoint());
            if (clientId == null) {
                throw new InvalidInputException("credentials", "must be set (client id and secret)");
            }
            if (userPasswords == null) {
                throw new InvalidInputException("userPasswords", "must be set (the subscriber's password for the OAuth2 password grant)");
            }
            var options = clientOptions();
            var setup = Pipelines.create(options);
            CscProtocol protocol = new CscProtocol(new CscProtocol.Settings(url, clientId, clientSecret, userPasswords,
                    tokenPath, listPath, infoPath, signHashPath, tranInfoPath, maxDigests(), notifyUrl, webhookSecret,
                    webhookSignatureHeader), setup.pipeline(), setup.toClose(), options.clock());
            return new SmartCaCscSigner(engine(protocol, options), "smartca-csc, " + url);
        }
    }
}
