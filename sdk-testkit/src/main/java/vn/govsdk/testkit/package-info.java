/**
 * The mock government platform ({@link vn.govsdk.testkit.MockGovPlatform}): every emulated system as a
 * {@link vn.govsdk.testkit.MockService} under its own path prefix, scriptable
 * {@linkplain vn.govsdk.testkit.Faults faults}, the {@linkplain vn.govsdk.testkit.RequestJournal request journal},
 * optional HTTPS ({@link vn.govsdk.testkit.TlsMaterial}) and the standalone
 * {@linkplain vn.govsdk.testkit.MockServerRunner runner}.
 */
package vn.govsdk.testkit;
