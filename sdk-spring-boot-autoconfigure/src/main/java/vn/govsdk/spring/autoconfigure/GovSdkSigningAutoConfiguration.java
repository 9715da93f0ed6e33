package vn.govsdk.spring.autoconfigure;

import static vn.govsdk.spring.autoconfigure.SignatureVerifierProperties.PREFIX;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.signing.verify.FetchPolicy;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.spring.autoconfigure.internal.ConditionalOnGovSdkSystem;
import vn.govsdk.spring.autoconfigure.internal.Settings;

/**
 * The {@link SignatureVerifier} as a bean, from {@code govsdk.signing.verifier.*}, when it is configured:
 * the bundled Vietnamese roots (pinned), plus the historic PKI and further anchors when asked; OCSP, CRL and
 * issuer fetches go through the shared transport. An application's own verifier bean takes its place.
 */
@AutoConfiguration(after = GovSdkHttpAutoConfiguration.class)
@ConditionalOnClass(SignatureVerifier.class)
@ConditionalOnGovSdkSystem(PREFIX)
@EnableConfigurationProperties(SignatureVerifierProperties.class)
public final class GovSdkSigningAutoConfiguration {

    /** For Spring. */
    public GovSdkSigningAutoConfiguration() {
    }

    /**
     * Makes the verifier.
     *
     * @param properties the bound properties
     * @param transport the shared transport, for revocation and issuer fetches
     * @return the verifier
     * @throws InvalidConfigurationPropertyValueException naming a refused property, such as a trust file
     *     that holds no certificate
     */
    @Bean
    @ConditionalOnMissingBean
    public SignatureVerifier govsdkSignatureVerifier(SignatureVerifierProperties properties, HttpTransport transport) {
        return SignatureVerifier.builder()
                .trust(trust(properties))
                .revocationChecking(Settings.required(PREFIX + ".revocation", properties.getRevocation(), PREFIX))
                .fetchPolicy(fetchPolicy(properties))
                .transport(transport)
                .timeouts(Settings.timeouts(PREFIX, properties.getTimeouts()))
                .retryPolicy(Settings.retryPolicy(PREFIX, properties.getRetry()))
                .build();
    }

    private static TrustAnchors trust(SignatureVerifierProperties p) {
        TrustAnchors trust = TrustAnchors.defaults();
        if (p.isHistoricTrust()) {
            trust = trust.plus(TrustAnchors.historic());
        }
        List<Path> files = p.getTrustPem();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            trust = trust.plus(Settings.build(PREFIX + ".trust-pem[" + i + "]", () -> TrustAnchors.fromPem(file)));
        }
        return trust;
    }

    private static FetchPolicy fetchPolicy(SignatureVerifierProperties p) {
        FetchPolicy.Builder f = FetchPolicy.builder();
        Settings.apply(PREFIX + ".max-fetches", p.getMaxFetches(), f::maxFetches);
        Settings.apply(PREFIX + ".fetch-time-budget", p.getFetchTimeBudget(), f::timeBudget);
        Settings.apply(PREFIX + ".allow-private-addresses", p.getAllowPrivateAddresses(), f::allowPrivateAddresses);
        return Settings.build(PREFIX, f::build);
    }
}
