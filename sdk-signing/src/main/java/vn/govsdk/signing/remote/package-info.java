/**
 * Remote signing services (dịch vụ ký số từ xa): VNPT SmartCA in its two API shapes, Viettel MySign
 * and the NEAC eSign gateway (Cổng eSign). The key lives with the provider; the citizen confirms each
 * request on a phone.
 *
 * <p>The model has three steps: {@link vn.govsdk.signing.remote.RemoteSigner#signDigests send the digests}
 * (the hash of the CMS signed attributes or XML {@code SignedInfo} a
 * {@link vn.govsdk.signing.PreparedSignature} gives, never the bare document), wait while the citizen
 * confirms (polling, or a webhook through
 * {@link vn.govsdk.signing.remote.RemoteSigner#acceptWebhook}), then take the signature values from the
 * {@link vn.govsdk.signing.remote.RemoteSignature}, each already checked against the signer's certificate.
 */
package vn.govsdk.signing.remote;
