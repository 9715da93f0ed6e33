package vn.govsdk.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Plays the browser's part with OkHttp: opens the provider's authorization URL, reads the login
 * page, follows one of its links and returns where the provider redirects to (the callback).
 */
final class Browser {
    private static final Pattern LINK = Pattern.compile("<a class=\"(citizen|business)\"[^>]*href=\"([^\"]+)\"");

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

    /** The login page's HTML for an authorization URL. */
    String loginPage(URI authorizationUrl) {
        try (Response r = http.newCall(new Request.Builder().url(authorizationUrl.toString()).build()).execute()) {
            assertThat(r.code()).as("login page status").isEqualTo(200);
            assertThat(r.header("Content-Type")).contains("text/html").contains("utf-8");
            return r.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The links of the login page: citizens first, then the business account. */
    List<String> links(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(page);
        while (m.find()) {
            out.add(m.group(2).replace("&amp;", "&"));
        }
        return out;
    }

    /** Follows a link and returns the Location it redirects to. */
    URI follow(String link) {
        try (Response r = http.newCall(new Request.Builder().url(link).build()).execute()) {
            assertThat(r.code()).as("redirect after choosing an account").isEqualTo(302);
            return URI.create(r.header("Location"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs in as the n-th listed citizen and returns the callback URL. */
    URI loginAs(URI authorizationUrl, int n) {
        return follow(links(loginPage(authorizationUrl)).get(n));
    }

    /** Logs in with the business account. */
    URI loginAsBusiness(URI authorizationUrl) {
        List<String> links = links(loginPage(authorizationUrl));
        return follow(links.get(links.size() - 1));
    }

    /** Sends a GET without following redirects and returns status and Location. */
    Response get(URI url) {
        try {
            return http.newCall(new Request.Builder().url(HttpUrl.get(url.toString())).build()).execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
