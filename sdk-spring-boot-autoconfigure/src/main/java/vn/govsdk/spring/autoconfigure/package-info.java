/**
 * Spring Boot auto-configuration of govsdk: one shared {@link vn.govsdk.core.http.HttpTransport}, the
 * population database (C06) client, the public-service portal (DVCQG) client, the signature verifier and
 * the sync outbox as beans, each built from its {@code govsdk.*} properties only when that system is
 * configured, and each replaced by an application's own bean of the same type. See
 * {@code docs/spring-boot.md} for every property.
 */
package vn.govsdk.spring.autoconfigure;
