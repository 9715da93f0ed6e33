/**
 * XAdES signatures for XML documents (ETSI EN 319 132-1, baseline B-B), made with Apache Santuario:
 * enveloped, enveloping and detached. {@link vn.govsdk.signing.xades.XadesSigner} is the entry point.
 */
package vn.govsdk.signing.xades;
