/**
 * govsdk signing: create and verify XAdES, CAdES/PKCS#7 and JWS signatures with keys in PKCS#12
 * files, on PKCS#11 tokens and HSMs, or with remote signing services; verification against the
 * Vietnamese trust anchors with OCSP and CRL checks that fail closed. Depends on sdk-core only.
 */
module vn.govsdk.signing {
    requires transitive vn.govsdk.core;
    requires transitive java.xml;
    requires java.xml.crypto;
    requires java.naming;
    // The optional rendered comparison of PDF revisions (PDFBox renders to java.awt images).
    requires java.desktop;
    // RemoteSigningStore.jdbc(DataSource): java.sql only, on sdk-core's JDBC machinery.
    requires transitive java.sql;
    requires org.slf4j;
    // Santuario logs through System.Logger, by default java.util.logging: bridged to SLF4J.
    requires java.logging;
    requires okhttp3;
    requires com.fasterxml.jackson.databind;
    requires org.apache.santuario.xmlsec;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires com.nimbusds.jose.jwt;
    requires org.apache.pdfbox;
    requires org.apache.pdfbox.io;
    requires org.apache.fontbox;

    exports vn.govsdk.signing;
    exports vn.govsdk.signing.xades;
    exports vn.govsdk.signing.cades;
    exports vn.govsdk.signing.jws;
    exports vn.govsdk.signing.pades;
    exports vn.govsdk.signing.verify;
    exports vn.govsdk.signing.timestamp;
    exports vn.govsdk.signing.remote;
}
