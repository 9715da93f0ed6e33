/**
 * Implementation of the remote signers: the shared engine (certificate cache, batching, polling,
 * value checks, webhook dispatch) and one wire protocol per provider shape. Not public API.
 */
package vn.govsdk.signing.internal.remote;
