package vn.govsdk.dataexchange.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.TransportException;

/** Messages, kinds, backoff and builder checks: bad input is refused before anything is stored. */
class OutboxValuesTest {

    @Test
    void aMessageKeepsWhatItWasGivenAndHidesItsPayloadFromToString() {
        OutboxMessage m = OutboxMessage.of("000.00.12.H29-260302-0001", MessageKind.STATUS,
                "{\"citizenId\":\"079203012345\",\"status\":5}");
        assertThat(m.id()).isZero();
        assertThat(m.dossierCode()).isEqualTo("000.00.12.H29-260302-0001");
        assertThat(m.kind()).isEqualTo(MessageKind.STATUS);
        assertThat(m.payload()).contains("079203012345");
        assertThat(m.createdAt()).isEmpty();
        assertThat(m.state()).isEqualTo(OutboxMessage.State.PENDING);
        assertThat(m.toString()).doesNotContain("079203012345").contains("000.00.12.H29-260302-0001");
    }

    @Test
    void badMessagesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> OutboxMessage.of("", MessageKind.STATUS, "{}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dossierCode"));
        assertThatThrownBy(() -> OutboxMessage.of("H29 0001", MessageKind.STATUS, "{}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dossierCode"));
        assertThatThrownBy(() -> OutboxMessage.of("x".repeat(101), MessageKind.STATUS, "{}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).contains("at most 100"));
        assertThatThrownBy(() -> OutboxMessage.of("H29-1", null, "{}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> OutboxMessage.of("H29-1", MessageKind.STATUS, "{\"a\":"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("payload");
                    assertThat(e.rule()).contains("JSON");
                });
        assertThatThrownBy(() -> OutboxMessage.of("H29-1", MessageKind.STATUS, " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("payload"));
        String big = "{\"a\":\"" + "x".repeat(OutboxMessage.MAX_PAYLOAD_BYTES) + "\"}";
        assertThatThrownBy(() -> OutboxMessage.of("H29-1", MessageKind.STATUS, big))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).contains("bytes"));
    }

    @Test
    void kindsAreAnOpenSetOfCheckedNames() {
        assertThat(MessageKind.of("PROGRESS")).isSameAs(MessageKind.PROGRESS);
        assertThat(MessageKind.of("RATING")).isEqualTo(new MessageKind("RATING"));
        assertThat(MessageKind.of("RATING").toString()).isEqualTo("RATING");
        for (String bad : new String[] {"rating", "1ST", "", "A-B", "A".repeat(41)}) {
            assertThatThrownBy(() -> MessageKind.of(bad)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void backoffDoublesUpToItsCapAndJitterOnlyShortensIt() {
        OutboxBackoff exact = OutboxBackoff.builder().baseDelay(Duration.ofSeconds(1))
                .maxDelay(Duration.ofSeconds(10)).jitter(0).build();
        assertThat(exact.delayAfter(1, 0.7)).isEqualTo(Duration.ofSeconds(1));
        assertThat(exact.delayAfter(2, 0.7)).isEqualTo(Duration.ofSeconds(2));
        assertThat(exact.delayAfter(4, 0.7)).isEqualTo(Duration.ofSeconds(8));
        assertThat(exact.delayAfter(5, 0.7)).isEqualTo(Duration.ofSeconds(10));
        assertThat(exact.delayAfter(900, 0.7)).isEqualTo(Duration.ofSeconds(10));

        OutboxBackoff half = OutboxBackoff.builder().baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(10)).jitter(0.5).build();
        assertThat(half.delayAfter(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(half.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(half.delayAfter(3, 0.999)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2010));

        assertThat(OutboxBackoff.defaults().baseDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> exact.delayAfter(0, 0.1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OutboxBackoff.builder().jitter(1.5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OutboxBackoff.builder().baseDelay(Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OutboxBackoff.builder().baseDelay(Duration.ofMinutes(2)).maxDelay(Duration.ofMinutes(1)).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("baseDelay"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 410, 422, 499})
    void clientErrorsOtherThan408And429CannotSucceedOnRetry(int status) {
        assertThat(SyncOutbox.retryable(new GovServiceException(status, null, null, null, 1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 408, 429, 500, 502, 503, 504})
    void otherStatusesAreRetried(int status) {
        assertThat(SyncOutbox.retryable(new GovServiceException(status, null, null, null, 1))).isTrue();
    }

    @Test
    void failuresOutsideTheServiceAreRetriedButRefusedInputIsNot() {
        assertThat(SyncOutbox.retryable(new IOException("reset"))).isTrue();
        assertThat(SyncOutbox.retryable(new TransportException("timeout", 1, null))).isTrue();
        assertThat(SyncOutbox.retryable(new IllegalStateException("bug"))).isTrue();
        assertThat(SyncOutbox.retryable(new InvalidInputException("receivedAt", "must not be after dueAt"))).isFalse();
    }

    @Test
    void theBuilderNamesWhatIsMissingOrOutOfRange() {
        assertThatThrownBy(() -> SyncOutbox.builder().delivery(m -> { }).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("store"));
        assertThatThrownBy(() -> SyncOutbox.builder().maxAttempts(0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxAttempts"));
        assertThatThrownBy(() -> SyncOutbox.builder().deliveryThreads(0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deliveryThreads"));
        assertThatThrownBy(() -> SyncOutbox.builder().batchSize(1001))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("batchSize"));
        assertThatThrownBy(() -> SyncOutbox.builder().leaseDuration(Duration.ofMillis(10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("leaseDuration"));
        assertThatThrownBy(() -> SyncOutbox.builder().pollInterval(Duration.ZERO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pollInterval"));
        assertThatThrownBy(() -> OutboxStore.jdbc(null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dataSource"));
        assertThatThrownBy(() -> OutboxStore.jdbc(new TestPool("jdbc:h2:mem:x", "sa", ""), "Bad-Prefix"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tablePrefix"));
    }

    @Test
    void anUnreachableDatabaseFailsWithAStoreException() {
        TestPool nowhere = new TestPool("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", "x");
        assertThatThrownBy(() -> OutboxStore.jdbc(nowhere)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("cannot connect");
    }

    @Test
    void anH2StoreCannotBeOpenedTwiceInOneProcessButReopensAfterClose(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        OutboxStore first = OutboxStore.h2(dir);
        assertThatThrownBy(() -> OutboxStore.h2(dir)).isInstanceOf(OutboxStoreException.class)
                .hasMessageContaining("already open");
        first.close();
        first.close();
        try (OutboxStore again = OutboxStore.h2(dir)) {
            assertThat(again.tableName()).isEqualTo("govsdk_outbox");
            assertThat(again.toString()).contains("H2 file store");
        }
    }
}
