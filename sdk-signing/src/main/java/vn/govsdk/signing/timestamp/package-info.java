/**
 * RFC 3161 timestamps (dấu thời gian): a client for timestamp authorities (TSA) such as the
 * government TSA of Ban Cơ yếu Chính phủ, and the tokens they return. Signers use a
 * {@link vn.govsdk.signing.timestamp.TimestampClient} to reach levels B-T and B-LT.
 */
package vn.govsdk.signing.timestamp;
