package vn.govsdk.dataexchange.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.testkit.junit.MockGovPlatformExtension;
import vn.govsdk.testkit.payment.PayGovService;
import vn.govsdk.testkit.payment.PaymentPlatformService;

/**
 * Two application instances behind a load balancer: two independent client stacks (own HTTP
 * transport, own connection pool, own clients and stores) on one PostgreSQL database. A payment one
 * instance started is found by the other, and a callback accepted by one is a replay for the other.
 */
class SharedPaymentStoresTest {

    @RegisterExtension
    static final MockGovPlatformExtension MOCK = PaymentCallbackAttackTest.MOCK_FOR_SHARED;

    private static final Duration RETENTION = Duration.ofDays(2);

    @TempDir
    Path dir;
    private final HttpTransport transportA = HttpTransport.create();
    private final HttpTransport transportB = HttpTransport.create();
    private StoreKind.Stores a;

    @AfterEach
    void tearDown() {
        transportA.close();
        transportB.close();
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aPayGovCallbackReplayedToTheOtherInstanceIsRefused() {
        a = StoreKind.POSTGRESQL.open(dir, RETENTION);
        StoreKind.Stores b = a.otherInstance(RETENTION);
        PayGovClient instanceA = PaymentCallbackAttackTest.payGov(transportA, a.payments, a.replays);
        PayGovClient instanceB = PaymentCallbackAttackTest.payGov(transportB, b.payments, b.replays);

        instanceA.requestPaymentUrl(PaymentCallbackAttackTest.order("HS21", 30_000));
        String callback = PaymentCallbackAttackTest.payGovMock().signedCallback("000.00.00.H99-HS21-01", true);
        PayGovCallbackResult onB = instanceB.verifyCallback(callback);     // the balancer sent it to B
        assertThat(onB.status()).isEqualTo(PayGovReplyStatus.SUCCESSFUL);
        PayGovCallbackResult replayOnA = instanceA.verifyCallback(callback);
        assertThat(replayOnA.rejection()).contains(CallbackRejection.REPLAYED);
    }

    @Test
    void givenOnlyTheSharedPaymentStoreTheReplayKeysAreSharedToo() {
        a = StoreKind.POSTGRESQL.open(dir, RETENTION);
        StoreKind.Stores b = a.otherInstance(RETENTION);
        // No replayStore(...): the default keeps the keys beside the payment store's table.
        PayGovClient instanceA = PaymentCallbackAttackTest.payGov(transportA, a.payments, null);
        PayGovClient instanceB = PaymentCallbackAttackTest.payGov(transportB, b.payments, null);
        instanceA.requestPaymentUrl(PaymentCallbackAttackTest.order("HS22", 30_000));
        String callback = PaymentCallbackAttackTest.payGovMock().signedCallback("000.00.00.H99-HS22-01", true);
        assertThat(instanceB.verifyCallback(callback).status()).isEqualTo(PayGovReplyStatus.SUCCESSFUL);
        assertThat(instanceA.verifyCallback(callback).rejection()).contains(CallbackRejection.REPLAYED);

        PaymentCallbackAttackTest.platform(transportA, a.payments)
                .startTransaction(PaymentCallbackAttackTest.request("HS-0203", 40_000));
        String pp = PaymentCallbackAttackTest.platformMock().signedCallback("HS-0203", true);
        assertThat(PaymentCallbackAttackTest.verifier(b.payments, null).verify(pp).accepted()).isTrue();
        assertThat(PaymentCallbackAttackTest.verifier(a.payments, null).verify(pp).rejection())
                .contains(CallbackRejection.REPLAYED);
    }

    @Test
    void aPpCallbackReplayedToTheOtherInstanceIsRefused() {
        a = StoreKind.POSTGRESQL.open(dir, RETENTION);
        StoreKind.Stores b = a.otherInstance(RETENTION);
        PaymentCallbackAttackTest.platform(transportA, a.payments)
                .startTransaction(PaymentCallbackAttackTest.request("HS-0201", 40_000));
        PaymentCallbackVerifier verifierA = PaymentCallbackAttackTest.verifier(a.payments, a.replays);
        PaymentCallbackVerifier verifierB = PaymentCallbackAttackTest.verifier(b.payments, b.replays);
        String callback = PaymentCallbackAttackTest.platformMock().signedCallback("HS-0201", true);
        assertThat(verifierB.verify(callback).accepted()).isTrue();
        assertThat(verifierA.verify(callback).rejection()).contains(CallbackRejection.REPLAYED);
        assertThat(verifierB.verify(callback).rejection()).contains(CallbackRejection.REPLAYED);
    }

    @Test
    void theSameCallbackReachingBothInstancesAtOnceIsAcceptedOnce() throws Exception {
        a = StoreKind.POSTGRESQL.open(dir, RETENTION);
        StoreKind.Stores b = a.otherInstance(RETENTION);
        PaymentCallbackAttackTest.platform(transportA, a.payments)
                .startTransaction(PaymentCallbackAttackTest.request("HS-0202", 40_000));
        PaymentCallbackVerifier verifierA = PaymentCallbackAttackTest.verifier(a.payments, a.replays);
        PaymentCallbackVerifier verifierB = PaymentCallbackAttackTest.verifier(b.payments, b.replays);
        String callback = PaymentCallbackAttackTest.platformMock().signedCallback("HS-0202", true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                PaymentCallbackVerifier v = i % 2 == 0 ? verifierA : verifierB;
                calls.add(() -> v.verify(callback).accepted());
            }
            int accepted = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                accepted += f.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
