package vn.govsdk.testkit.payment;

/**
 * What happened when a payment mock sent a callback.
 *
 * @param body the callback body that was sent
 * @param status the HTTP status the receiver answered
 * @param reply the receiver's answer body
 */
public record CallbackDelivery(String body, int status, String reply) {
}
