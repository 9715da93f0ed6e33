package vn.govsdk.dataexchange.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** The delivery contract as the portal sees it. */
final class OrderCheck {

    private OrderCheck() {
    }

    /**
     * Asserts that a dossier received updates 0..count-1 in order, none missing, and that any
     * duplicate is an exact redelivery of the update just before it (never an older one).
     */
    static void assertInOrderAllDelivered(List<Long> received, int count, String dossier) {
        List<Long> collapsed = new ArrayList<>();
        for (Long seq : received) {
            if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(seq)) {
                collapsed.add(seq);
            }
        }
        assertThat(collapsed)
                .as("updates of dossier %s as received (%s)", dossier, received)
                .containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
    }
}
