package vn.govsdk.signing.remote;

import java.time.Duration;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.internal.remote.Pipelines;
import vn.govsdk.signing.internal.remote.RemoteSignerEngine;
import vn.govsdk.signing.internal.remote.Sp769Protocol;
import vn.govsdk.signing.internal.remote.Wire;

/**
 * A remote signer for the "sp769" API shape: VNPT SmartCA ({@link #smartCa()}, digests in hex,
 * {@code /v1/credentials/get_certificate}, {@code /v1/signatures/sign}, polls at
 * {@code /v1/signatures/sign/{transactionId}/status}) and the NEAC eSign gateway (Cổng eSign,
 * {@link #neacEsign()}: the same shape plus {@code ca_name}, digests in base64). One implementation,
 * two presets; every path, the hash encoding and the CA name are configurable.
 *
 * <p>The service provider authenticates with {@code sp_id} and {@code sp_password}; webhooks (configured on
 * the provider's side) are checked by {@code sp_id} and, when {@link Builder#webhookSecret(Secret)} is set,
 * by an HMAC-SHA256 header over the raw body. Without a secret, a webhook that reports a failure is
 * confirmed with a status poll before it is believed; signature values are always checked against the
 * certificate. Immutable and thread-safe.
 */
public final class Sp769Signer extends EngineBackedSigner {

    private Sp769Signer(RemoteSignerEngine engine, String description) {
        super(engine, description);
    }

    /**
     * Starts a builder preset for VNPT SmartCA sp769: provider name {@code smartca}, hex digests, paths
     * {@code /v1/credentials/get_certificate}, {@code /v1/signatures/sign} and
     * {@code /v1/signatures/sign/{transactionId}/status}. The endpoint is the sp769 base, for example
     * {@code https://gwsca.vnpt.vn/sca/sp769} (production) or {@code https://rmgateway.vnptit.vn/sca/sp769} (UAT).
     *
     * @return the builder
     */
    public static Builder smartCa() {
        return new Builder("smartca", HashEncoding.HEX, "/v1/credentials/get_certificate", "/v1/signatures/sign",
                "/v1/signatures/sign/{transactionId}/status", false);
    }

    /**
     * Starts a builder preset for the NEAC eSign gateway: provider name {@code esign}, base64 digests,
     * {@code ca_name} required, paths {@code /get_certificate}, {@code /sign} and
     * {@code /sign/{transactionId}/status}. The endpoint is {@code https://esign.neac.gov.vn/sign_v2}.
     *
     * @return the builder
     */
    public static Builder neacEsign() {
        return new Builder("esign", HashEncoding.BASE64, "/get_certificate", "/sign", "/sign/{transactionId}/status",
                true);
    }

    /** Builds an {@link Sp769Signer}; {@code build()} names what is missing. */
    public static final class Builder extends RemoteSignerBuilder<Builder> {
        private final String name;
        private final boolean caNameRequired;
        private String spId;
        private Secret spPassword;
        private String caName;
        private HashEncoding hashEncoding;
        private String certificatePath;
        private String signPath;
        private String statusPath;
        private String fileType = "pdf";
        private Secret webhookSecret;
        private String webhookSignatureHeader = "X-Signature";

        private Builder(String name, HashEncoding encoding, String certificatePath, String signPath, String statusPath,
                boolean caNameRequired) {
            super(1000, Duration.ofSeconds(3));
            this.name = name;
            this.hashEncoding = encoding;
            this.certificatePath = certificatePath;
            this.signPath = signPath;
            this.statusPath = statusPath;
            this.caNameRequired = caNameRequired;
        }

        /**
         * Sets the service provider id ({@code sp_id}) the provider issued.
         *
         * @param spId the id
         * @return this builder
         */
        public Builder spId(String spId) {
            if (spId == null || spId.isBlank()) {
                throw new InvalidInputException("spId", "must not be blank");
            }
            this.spId = spId;
            return this;
        }

        /**
         * Sets the service provider password ({@code sp_password}).
         *
         * @param spPassword the password, for example {@code Secret.fromFile(path)}
         * @return this builder
         */
        public Builder spPassword(Secret spPassword) {
            if (spPassword == null) {
                throw new InvalidInputException("spPassword", "must not be null");
            }
            this.spPassword = spPassword;
            return this;
        }

        /**
         * Sets the subscriber's CA for the eSign gateway ({@code ca_name}, for example {@code FPT-CA}).
         *
         * @param caName 1 to 64 characters
         * @return this builder
         */
        public Builder caName(String caName) {
            if (caName == null || caName.isBlank() || caName.length() > 64) {
                throw new InvalidInputException("caName", "must be 1 to 64 characters");
            }
            this.caName = caName;
            return this;
        }

        /**
         * Sets how digests are written: hex for SmartCA (default of {@link #smartCa()}), base64 for
         * eSign (default of {@link #neacEsign()}).
         *
         * @param encoding the encoding
         * @return this builder
         */
        public Builder hashEncoding(HashEncoding encoding) {
            if (encoding == null) {
                throw new InvalidInputException("hashEncoding", "must not be null");
            }
            this.hashEncoding = encoding;
            return this;
        }

        /**
         * Sets the certificate path.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder certificatePath(String path) {
            this.certificatePath = Wire.path("certificatePath", path);
            return this;
        }

        /**
         * Sets the sign path.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder signPath(String path) {
            this.signPath = Wire.path("signPath", path);
            return this;
        }

        /**
         * Sets the status path; {@code {transactionId}} is replaced by the provider's transaction id.
         *
         * @param path a path starting with {@code /} holding {@code {transactionId}}
         * @return this builder
         */
        public Builder statusPath(String path) {
            Wire.path("statusPath", path);
            if (!path.contains("{transactionId}")) {
                throw new InvalidInputException("statusPath", "must hold {transactionId}");
            }
            this.statusPath = path;
            return this;
        }

        /**
         * Sets the {@code file_type} sent with each digest; default {@code pdf}.
         *
         * @param fileType for example {@code pdf}, {@code xml}, {@code json}, {@code word}
         * @return this builder
         */
        public Builder fileType(String fileType) {
            if (fileType == null || !fileType.matches("[a-z]{1,16}")) {
                throw new InvalidInputException("fileType", "must be 1 to 16 lowercase letters");
            }
            this.fileType = fileType;
            return this;
        }

        /**
         * Sets the secret shared with the provider for webhook HMACs; webhooks must then carry
         * {@code sha256=<hex HMAC-SHA256 of the raw body>} in {@link #webhookSignatureHeader(String)}.
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
         * Sets the header holding the webhook HMAC; default {@code X-Signature}.
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
         * @throws InvalidInputException naming what is missing: endpoint, spId, spPassword, or caName for eSign
         */
        public Sp769Signer build() {
            var url = Pipelines.endpoint(endpoint());
            if (spId == null) {
                throw new InvalidInputException("spId", "must be set");
            }
            if (spPassword == null) {
                throw new InvalidInputException("spPassword", "must be set");
            }
            if (caNameRequired && caName == null) {
                throw new InvalidInputException("caName", "must be set for the eSign gateway (the subscriber's CA, e.g. FPT-CA)");
            }
            var options = clientOptions();
            var setup = Pipelines.create(options);
            Sp769Protocol protocol = new Sp769Protocol(new Sp769Protocol.Settings(name, url, spId, spPassword, caName,
                    hashEncoding == HashEncoding.HEX, certificatePath, signPath, statusPath, maxDigests(), fileType,
                    webhookSecret, webhookSignatureHeader), setup.pipeline(), setup.toClose());
            return new Sp769Signer(engine(protocol, options), name + ", " + url
                            + (caName == null ? "" : ", CA " + caName) + ", " + hashEncoding);
        }
    }
}
