package vn.govsdk.core.internal.auth;

import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Sets fixed headers, such as {@code lgspaccesstoken}, on every call. */
final class StaticHeadersInterceptor implements Interceptor {

    private final Headers headers;

    StaticHeadersInterceptor(Headers headers) {
        this.headers = headers;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request.Builder request = chain.request().newBuilder();
        for (int i = 0; i < headers.size(); i++) {
            request.header(headers.name(i), headers.value(i));
        }
        return chain.proceed(request.build());
    }
}
