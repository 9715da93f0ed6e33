package vn.govsdk.dataexchange.portal;

import java.util.Objects;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.dataexchange.internal.portal.PortalJsonCodec;
import vn.govsdk.dataexchange.internal.portal.PortalValidation;
import vn.govsdk.dataexchange.outbox.DeliveryRefusedException;
import vn.govsdk.dataexchange.outbox.MessageKind;
import vn.govsdk.dataexchange.outbox.OutboxDelivery;
import vn.govsdk.dataexchange.outbox.OutboxMessage;

/**
 * Connects the sync outbox to the public-service portal: typed factories that turn a dossier
 * (hồ sơ), a progress step or a status update into a durable {@link OutboxMessage}, and the
 * {@link OutboxDelivery} that sends each message with a {@link PortalClient}.
 *
 * <pre>{@code
 * SyncOutbox outbox = SyncOutbox.builder()
 *         .store(OutboxStore.h2(dataDir))
 *         .delivery(PortalOutbox.delivery(portal))
 *         .build();
 * outbox.start();
 * outbox.enqueue(PortalOutbox.dossierSync(dossier));     // durable when it returns
 * outbox.enqueue(PortalOutbox.progress(step));
 * }</pre>
 *
 * <p>Each message is validated when it is made, exactly as {@link PortalClient} validates before
 * sending, so bad input is refused at {@code enqueue} time with the field and the rule named, and
 * never sits in the outbox. Every portal call used here is an upsert, so a redelivery after a crash
 * is harmless. Messages are ordered per dossier code.
 */
public final class PortalOutbox {

    private PortalOutbox() {
    }

    /**
     * Makes the message that syncs a dossier ({@code TraCuuHoSo}, then {@code DongBoHoSoMC}).
     *
     * @param dossier the dossier
     * @return the message, keyed by the dossier code
     * @throws InvalidInputException naming the first invalid field
     */
    public static OutboxMessage dossierSync(Dossier dossier) {
        PortalValidation.dossier(notNull("dossier", dossier));
        return OutboxMessage.of(dossier.code(), MessageKind.DOSSIER_SYNC, PortalJsonCodec.encode(dossier));
    }

    /**
     * Makes the message that reports one processing step ({@code CapNhatTienDoHoSoMC}).
     *
     * @param progress the step
     * @return the message, keyed by the dossier code
     * @throws InvalidInputException naming the first invalid field
     */
    public static OutboxMessage progress(ProgressUpdate progress) {
        PortalValidation.progress(notNull("progress", progress));
        return OutboxMessage.of(progress.dossierCode(), MessageKind.PROGRESS, PortalJsonCodec.encode(progress));
    }

    /**
     * Makes the message that reports a dossier's status ({@code DongBoTrangThaiHoSo}).
     *
     * @param update the status
     * @return the message, keyed by the dossier code
     * @throws InvalidInputException naming the first invalid field
     */
    public static OutboxMessage status(StatusUpdate update) {
        PortalValidation.status(notNull("status", update));
        return OutboxMessage.of(update.dossierCode(), MessageKind.STATUS, PortalJsonCodec.encode(update));
    }

    /**
     * Returns the delivery that sends the messages made here with a portal client. A deterministic
     * portal error code ({@link #isDeterministic(String)}) becomes a {@link DeliveryRefusedException},
     * which the outbox dead-letters at once with the code and message; every other exception of the
     * client passes through unchanged, so the outbox decides from it: bad input and 4xx refusals are
     * dead-lettered at once, other portal codes and transport failures are retried with backoff until
     * the outbox's attempt limit.
     *
     * @param client the portal client; its call deadline must be shorter than the outbox's lease
     * @return the delivery
     */
    public static OutboxDelivery delivery(PortalClient client) {
        Objects.requireNonNull(client, "client");
        return message -> {
            try {
                switch (message.kind().name()) {
                    case "DOSSIER_SYNC" -> client.syncDossier(PortalJsonCodec.decodeDossier(message.payload()));
                    case "PROGRESS" -> client.reportProgress(PortalJsonCodec.decodeProgress(message.payload()));
                    case "STATUS" -> client.reportStatus(PortalJsonCodec.decodeStatus(message.payload()));
                    default -> throw new InvalidInputException("kind",
                            "must be DOSSIER_SYNC, PROGRESS or STATUS for the portal, got " + message.kind().name());
                }
            } catch (GovServiceException e) {
                String code = e.errorCode().orElse(null);
                if (isDeterministic(code)) {
                    throw new DeliveryRefusedException(code, "the portal refused " + message.kind().name()
                            + " with error_code " + code + ": " + e.serviceMessage().orElse("(no message)"), e);
                }
                throw e;
            }
        };
    }

    /**
     * Tells whether a portal {@code error_code} is one no retry can change: the contract's validation
     * codes {@code 01} (malformed or missing field), {@code 02} (unknown service), {@code 03} (unknown
     * dossier or question), {@code 04} (unknown procedure or province) and {@code 05} (status change not
     * allowed). Codes are compared as numbers ({@code "3"} is {@code "03"}). Not deterministic: {@code 06}
     * ({@code isUpdating} contradicts the portal, which the next attempt's lookup corrects), {@code 10}
     * (login refused: a configuration the operator fixes, after which every message goes through) and
     * any code not named.
     *
     * @param errorCode the portal's code, may be null
     * @return true when the message should go to the dead letter at once
     */
    public static boolean isDeterministic(String errorCode) {
        if (errorCode == null || !errorCode.trim().matches("[0-9]{1,4}")) {
            return false;
        }
        int code = Integer.parseInt(errorCode.trim());
        return code >= 1 && code <= 5;
    }

    private static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        return value;
    }
}
