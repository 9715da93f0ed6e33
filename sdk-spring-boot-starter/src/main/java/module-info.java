/**
 * govsdk Spring Boot starter: no code of its own, only the modules a Spring Boot application needs
 * (the auto-configuration in {@code vn.govsdk.spring.autoconfigure} and every client module).
 */
module vn.govsdk.spring.starter {
    requires transitive vn.govsdk.spring.autoconfigure;
    requires transitive vn.govsdk.core;
    requires transitive vn.govsdk.identity;
    requires transitive vn.govsdk.signing;
    requires transitive vn.govsdk.dataexchange;
}
