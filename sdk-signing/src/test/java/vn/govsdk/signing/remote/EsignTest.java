package vn.govsdk.signing.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.Sp769Service;

/** The NEAC eSign gateway (the sp769 client with its preset) against its mock. */
class EsignTest extends RemoteSignerContract {

    @Override
    String prefix() {
        return "/esign";
    }

    @Override
    Function<MockGovPlatform, MockService> service() {
        return Sp769Service::eSign;
    }

    @Override
    RemoteSigner newSigner(URI base, TestClock clock) {
        return Sp769Signer.neacEsign().endpoint(base).caName("FPT-CA").spId(Sp769Service.SP_ID)
                .spPassword(Secret.of(Sp769Service.SP_PASSWORD)).clock(clock).sleeper(clock.sleeper())
                .retryPolicy(RetryPolicy.none()).build();
    }

    @Override
    String signPath() {
        return "/esign/sign";
    }

    @Override
    List<String> certificatePaths() {
        return List.of("/esign/get_certificate");
    }

    private JournalEntry lastSign() {
        List<JournalEntry> signs = platform.journal().requests(e -> e.path().equals("/esign/sign"));
        return signs.get(signs.size() - 1);
    }

    @Test
    void sendsCaNameAndBase64Digests() {
        signer.signDigests(oneDigest());
        JournalEntry sign = lastSign();
        assertThat(sign.bodyAsString()).contains("\"ca_name\":\"FPT-CA\"")
                .contains("\"data_to_be_signed\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"");
    }

    @Test
    void hexEncodingIsConfigurableOnBothSides() {
        ((Sp769Service) mock).hashEncoding(vn.govsdk.testkit.remotesigning.HashEncoding.HEX);
        try (RemoteSigner hex = Sp769Signer.neacEsign().endpoint(platform.baseUrl("/esign")).caName("FPT-CA")
                .spId(Sp769Service.SP_ID).spPassword(Secret.of(Sp769Service.SP_PASSWORD))
                .hashEncoding(HashEncoding.HEX).clock(clock).sleeper(clock.sleeper()).build()) {
            assertThat(hex.signDigests(oneDigest()).await(java.time.Duration.ofMinutes(1))).hasSize(1);
            assertThat(lastSign().bodyAsString())
                    .contains("\"data_to_be_signed\":\"" + "0".repeat(64) + "\"");
        }
    }
}
