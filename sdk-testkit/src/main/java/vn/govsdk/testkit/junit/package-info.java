/**
 * JUnit 5 support: {@link vn.govsdk.testkit.junit.WithMockGovPlatform} and
 * {@link vn.govsdk.testkit.junit.MockGovPlatformExtension} start the mock platform for a test class,
 * reset it before each test and inject it where {@link vn.govsdk.testkit.junit.MockPlatform} asks.
 */
package vn.govsdk.testkit.junit;
