package vn.govsdk.core.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.ServiceUnavailableException;
import vn.govsdk.core.testsupport.FakeClock;
import vn.govsdk.core.testsupport.RecordingSleeper;

class PollerTest {

    final FakeClock clock = new FakeClock();
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final AtomicInteger polls = new AtomicInteger();

    @SafeVarargs
    final Supplier<PollResponse<String>> answers(PollResponse<String>... responses) {
        Queue<PollResponse<String>> queue = new ArrayDeque<>(List.of(responses));
        return () -> {
            polls.incrementAndGet();
            PollResponse<String> next = queue.poll();
            return next != null ? next : PollResponse.inProgress();
        };
    }

    Poller.Builder<String> poller(Supplier<PollResponse<String>> op) {
        return Poller.builder("signing.awaitConfirmation", op).clock(clock).sleeper(sleeper)
                .interval(Duration.ofSeconds(2)).deadline(Duration.ofMinutes(1));
    }

    @Test
    void pollsAtTheIntervalUntilSuccess() {
        Poller<String> p = poller(answers(PollResponse.inProgress(), PollResponse.inProgress(),
                PollResponse.succeeded("signed"))).build();

        assertThat(p.await()).isEqualTo("signed");
        assertThat(polls).hasValue(3);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(p.isDone()).isTrue();
    }

    @Test
    void theServersSuggestedDelayIsHonoured() {
        Poller<String> p = poller(answers(PollResponse.inProgress(Duration.ofSeconds(5)),
                PollResponse.inProgress(Duration.ZERO), PollResponse.succeeded("ok"))).build();

        assertThat(p.await()).isEqualTo("ok");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5), Poller.MIN_DELAY);
    }

    @Test
    void theOverallDeadlineEndsPollingWithAClearException() {
        Poller<String> p = poller(answers()).deadline(Duration.ofSeconds(5)).build();

        PollingTimeoutException e = catchThrowableOfType(PollingTimeoutException.class, p::await);

        // polls at t=0, 2, 4; the next at 6 would fall after the deadline at 5
        assertThat(polls).hasValue(3);
        assertThat(e).hasMessageContaining("signing.awaitConfirmation").hasMessageContaining("PT5S");
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(p::poll).isInstanceOf(PollingTimeoutException.class);
        assertThat(polls).hasValue(3);
    }

    @Test
    void awaitWithATimeoutGivesUpEarlyAndCanBeResumed() {
        Poller<String> p = poller(answers(PollResponse.inProgress(), PollResponse.inProgress(),
                PollResponse.inProgress(), PollResponse.succeeded("late"))).build();

        assertThatThrownBy(() -> p.await(Duration.ofSeconds(3)))
                .isInstanceOf(PollingTimeoutException.class).hasMessageContaining("the time given");
        assertThat(polls).hasValue(2);

        assertThat(p.await()).isEqualTo("late");
        assertThat(polls).hasValue(4);
    }

    @Test
    void failureExpiryAndRemoteCancellationBecomeExceptionsWithTheirStatus() {
        for (PollStatus status : List.of(PollStatus.FAILED, PollStatus.EXPIRED, PollStatus.CANCELLED)) {
            Poller<String> p = poller(answers(PollResponse.ended(status, "citizen 079203012345 declined"))).build();

            PollingFailedException e = catchThrowableOfType(PollingFailedException.class, p::await);

            assertThat(e.status()).isEqualTo(status);
            assertThat(e).hasMessageContaining("079*******45").hasMessageNotContaining("079203012345");
        }
    }

    @Test
    void cancelStopsPollingAndRunsTheCancelOperationOnce() {
        AtomicInteger remoteCancels = new AtomicInteger();
        Poller<String> p = poller(answers()).cancelOperation(remoteCancels::incrementAndGet).build();

        p.cancel();
        p.cancel();

        PollingFailedException e = catchThrowableOfType(PollingFailedException.class, p::await);
        assertThat(e.status()).isEqualTo(PollStatus.CANCELLED);
        assertThat(remoteCancels).hasValue(1);
        assertThat(polls).hasValue(0);
    }

    @Test
    void cancellingWhileAwaitingEndsTheWaitAfterTheCurrentSleep() {
        AtomicInteger remoteCancels = new AtomicInteger();
        Poller<String> p = poller(answers()).cancelOperation(remoteCancels::incrementAndGet).build();
        sleeper.onSleep(p::cancel);

        assertThatThrownBy(p::await).isInstanceOf(PollingFailedException.class);
        assertThat(polls).hasValue(1);
        assertThat(remoteCancels).hasValue(1);
    }

    @Test
    void pollIsOneStepAndStopsAskingOnceFinished() {
        Poller<String> p = poller(answers(PollResponse.inProgress(), PollResponse.succeeded("v"))).build();

        assertThat(p.latest()).isEmpty();
        assertThat(p.poll().status()).isEqualTo(PollStatus.IN_PROGRESS);
        assertThat(p.poll().value()).isEqualTo("v");
        assertThat(p.poll().value()).isEqualTo("v");
        assertThat(polls).hasValue(2);
        assertThat(sleeper.sleeps()).isEmpty();

        AtomicInteger remoteCancels = new AtomicInteger();
        Poller<String> done = poller(answers(PollResponse.succeeded("x")))
                .cancelOperation(remoteCancels::incrementAndGet).build();
        done.poll();
        done.cancel();
        assertThat(done.await()).isEqualTo("x");
        assertThat(remoteCancels).as("cancelling a finished operation does nothing").hasValue(0);
    }

    @Test
    void aFailingPollEndsAwaitWithThatFailure() {
        Poller<String> p = poller(() -> {
            throw new ServiceUnavailableException(503, null, null, "rid-1", 4);
        }).build();

        assertThatThrownBy(p::await).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void endedRefusesNonTerminalStatuses() {
        assertThatThrownBy(() -> PollResponse.ended(PollStatus.SUCCEEDED, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
