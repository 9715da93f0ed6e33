package vn.govsdk.signing.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.http.okhttp.OkHttpTransport;
import java.util.function.Function;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.Sp769Service;

/** VNPT SmartCA sp769 against its mock. */
class Sp769SmartCaTest extends RemoteSignerContract {

    @Override
    String prefix() {
        return "/smartca";
    }

    @Override
    Function<MockGovPlatform, MockService> service() {
        return Sp769Service::smartCa;
    }

    @Override
    RemoteSigner newSigner(URI base, TestClock clock) {
        return Sp769Signer.smartCa().endpoint(base).spId(Sp769Service.SP_ID)
                .spPassword(Secret.of(Sp769Service.SP_PASSWORD)).clock(clock).sleeper(clock.sleeper())
                .retryPolicy(RetryPolicy.none()).build();
    }

    @Override
    String signPath() {
        return "/smartca/v1/signatures/sign";
    }

    @Override
    List<String> certificatePaths() {
        return List.of("/smartca/v1/credentials/get_certificate");
    }

    @Test
    void whenALaterCallOfABatchFailsNothingStaysPending() {
        AtomicInteger signCalls = new AtomicInteger();
        OkHttpClient failing = new OkHttpClient.Builder().addInterceptor(chain -> {
            if (chain.request().url().encodedPath().equals(signPath()) && signCalls.incrementAndGet() == 2) {
                throw new java.io.IOException("connection reset (simulated)");
            }
            return chain.proceed(chain.request());
        }).build();
        try (RemoteSigner s = Sp769Signer.smartCa().endpoint(platform.baseUrl(prefix())).spId(Sp769Service.SP_ID)
                .spPassword(Secret.of(Sp769Service.SP_PASSWORD)).httpClient(OkHttpTransport.wrap(failing))
                .clock(clock).sleeper(clock.sleeper()).retryPolicy(RetryPolicy.none()).build()) {
            RemoteSigningRequest.Builder b = RemoteSigningRequest.builder().userId(USER);
            for (int i = 0; i < 60; i++) {
                b.add("d" + i, "Ho so " + i, new byte[32]);
            }
            assertThatThrownBy(() -> s.signDigests(b.build())).isInstanceOf(vn.govsdk.core.TransportException.class);
            String first = mock.lastTransaction().orElseThrow().id();
            // The first transaction was sent, but no webhook or poll can complete half a request.
            WebhookResponse r = s.acceptWebhook(WebhookRequest.of(Map.of(), "{\"sp_id\":\"" + Sp769Service.SP_ID
                    + "\",\"status_code\":200,\"message\":\"SUCCESS\",\"transaction_id\":\"" + first
                    + "\",\"signed_files\":[]}"));
            assertThat(r.statusCode()).isEqualTo(404);
        }
    }
}
