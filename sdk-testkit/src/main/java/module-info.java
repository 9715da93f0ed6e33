/**
 * govsdk testkit: the mock government platform, the test PKI and the JUnit 5 extension. Depends on
 * sdk-core only, never on a client module, so that the mock cannot share code that hides a client bug.
 */
module vn.govsdk.testkit {
    requires transitive vn.govsdk.core;
    requires okhttp3;
    requires okhttp3.tls;
    requires mockwebserver3;
    requires okio;
    requires kotlin.stdlib;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires com.fasterxml.jackson.databind;
    requires java.xml;
    requires org.slf4j;
    requires com.nimbusds.jose.jwt;
    requires transitive org.junit.jupiter.api;

    exports vn.govsdk.testkit;
    exports vn.govsdk.testkit.city;
    exports vn.govsdk.testkit.data;
    exports vn.govsdk.testkit.gateway;
    exports vn.govsdk.testkit.junit;
    exports vn.govsdk.testkit.oidc;
    exports vn.govsdk.testkit.pki;
    exports vn.govsdk.testkit.portal;
    exports vn.govsdk.testkit.payment;
    exports vn.govsdk.testkit.population;
    exports vn.govsdk.testkit.remotesigning;
}
