/**
 * Mocks of the remote signing services (ký số từ xa): VNPT SmartCA in its "sp769" shape
 * ({@code /smartca}) and its CSC-style shape ({@code /smartca-csc}), Viettel MySign ({@code /mysign}) and
 * the NEAC eSign gateway ({@code /esign}). Each signs the digests it receives with a key of the test PKI
 * held for each synthetic subscriber, lets the test script what the citizen does on the phone
 * ({@link vn.govsdk.testkit.remotesigning.CitizenBehaviour}) and sends webhooks to loopback receivers.
 * Contract: docs/contracts/remote-signing.md.
 */
package vn.govsdk.testkit.remotesigning;
