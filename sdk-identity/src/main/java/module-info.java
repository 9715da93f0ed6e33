/**
 * govsdk identity: the National Population Database (Cơ sở dữ liệu quốc gia về dân cư, C06) client
 * for citizen lookup and verification, and the citizen login (OpenID Connect) client for the
 * public-service portal's SSO and VNeID.
 */
module vn.govsdk.identity {
    requires transitive vn.govsdk.core;
    requires okhttp3;
    requires java.xml;
    requires com.nimbusds.jose.jwt;
    requires com.fasterxml.jackson.databind;

    exports vn.govsdk.identity.population;
    exports vn.govsdk.identity.login;
}
