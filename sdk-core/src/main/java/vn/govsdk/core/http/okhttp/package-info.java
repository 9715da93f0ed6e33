/**
 * The OkHttp adapter: use an application's own {@code OkHttpClient} as a govsdk
 * {@link vn.govsdk.core.http.HttpTransport}.
 */
package vn.govsdk.core.http.okhttp;
