/**
 * govsdk Spring Boot auto-configuration: the govsdk clients as beans, built from {@code govsdk.*}
 * properties, each only when its system is configured. Spring's jars are automatic modules
 * ({@code spring.boot.autoconfigure}, {@code spring.boot}, {@code spring.context}, {@code spring.beans},
 * {@code spring.core}); the client modules are optional ({@code requires static}): a system is configured
 * only when its module is present.
 */
module vn.govsdk.spring.autoconfigure {
    requires transitive vn.govsdk.core;
    requires static transitive vn.govsdk.identity;
    requires static transitive vn.govsdk.signing;
    requires static transitive vn.govsdk.dataexchange;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.boot;
    requires transitive spring.context;
    requires transitive spring.beans;
    requires spring.core;
    requires java.sql;
    requires org.slf4j;

    exports vn.govsdk.spring.autoconfigure;

    // Spring reads the configuration and properties classes and instantiates the conditions reflectively.
    opens vn.govsdk.spring.autoconfigure to spring.core, spring.beans, spring.context, spring.boot;
    opens vn.govsdk.spring.autoconfigure.internal to spring.core, spring.beans, spring.context, spring.boot;
}
