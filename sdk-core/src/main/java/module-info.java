/**
 * govsdk core: transport, auth schemes, errors, retries, paging, polling, Vietnamese identifier and
 * administrative-unit types, and masking of personal data. Every other govsdk module stands on it.
 */
module vn.govsdk.core {
    requires transitive org.slf4j;
    // OkHttpTransport.wrap(OkHttpClient) is the one public signature with an OkHttp type.
    requires transitive okhttp3;
    requires okio;
    requires kotlin.stdlib;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires java.xml;
    // The stores' JDBC machinery (internal.jdbc) uses java.sql only; drivers are the modules' or the application's.
    requires java.sql;

    exports vn.govsdk.core;
    exports vn.govsdk.core.adminunit;
    exports vn.govsdk.core.auth;
    exports vn.govsdk.core.http;
    exports vn.govsdk.core.http.okhttp;
    exports vn.govsdk.core.id;
    exports vn.govsdk.core.paging;
    exports vn.govsdk.core.polling;
    exports vn.govsdk.core.privacy;
    exports vn.govsdk.core.time;

    // Implementation shared by our own modules only; not part of the public API.
    exports vn.govsdk.core.internal.auth
            to vn.govsdk.testkit, vn.govsdk.identity, vn.govsdk.signing, vn.govsdk.dataexchange;
    exports vn.govsdk.core.internal.http
            to vn.govsdk.testkit, vn.govsdk.identity, vn.govsdk.signing, vn.govsdk.dataexchange;
    exports vn.govsdk.core.internal.jdbc
            to vn.govsdk.signing, vn.govsdk.dataexchange;
    exports vn.govsdk.core.internal.json
            to vn.govsdk.testkit, vn.govsdk.identity, vn.govsdk.signing, vn.govsdk.dataexchange;
    exports vn.govsdk.core.internal.xml
            to vn.govsdk.testkit, vn.govsdk.identity, vn.govsdk.signing, vn.govsdk.dataexchange;
}
