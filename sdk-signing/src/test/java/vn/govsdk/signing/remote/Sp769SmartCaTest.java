package vn.govsdk.signing.remote;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockService;
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
    RemoteSigner newSigner(URI base, FakeClock clock) {
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
}
