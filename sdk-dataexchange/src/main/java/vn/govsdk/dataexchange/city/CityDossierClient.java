package vn.govsdk.dataexchange.city;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.ClientBuilder;
import vn.govsdk.core.http.ClientOptions;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;


import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.paging.Page;
import vn.govsdk.core.paging.PagedIterable;
import vn.govsdk.dataexchange.internal.city.CityWire;

/**
 * A client of Ho Chi Minh City's dossier system (DVCMC, {@code dichvucong.hochiminhcity.gov.vn}, a
 * VNPT iGate deployment): dossier search ({@code GET /pa/dossier-search/dvc?page=&size=&spec=slice&code=})
 * through the API gateway, authenticated with a Keycloak client-credentials token of realm
 * {@code digo} (the client sent in HTTP Basic, scheme F). Tokens are cached and renewed; reads are
 * retried on transient failures. Applicant names never reach the logs in full.
 *
 * <p>Never embed the {@code CLIENT_ID}/{@code CLIENT_SECRET} the public SPA config exposes: use the
 * credentials issued to your system.
 *
 * <p>Immutable and thread-safe; close it when done.
 */
public final class CityDossierClient implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._\\-]{1,60}");

    private final HttpUrl endpoint;
    private final int pageSize;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final GovHttpPipeline pipeline;

    private CityDossierClient(Builder b, ClientOptions o) {
        this.endpoint = HttpUrl.get(b.endpoint.toString());
        this.pageSize = b.pageSize;
        this.ownsTransport = o.sharedTransport().isEmpty();
        this.transport = ownsTransport ? HttpTransport.create() : o.transport();
        GovHttpPipeline.Builder p = GovHttpPipeline.builder(transport).options(o).auth(b.credentials);
        this.pipeline = p.build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Lists every dossier the account can see, page by page ({@code spec=slice}).
     *
     * @return the dossiers, fetched lazily; each page's continuation token is the next page number
     */
    public PagedIterable<CityDossier> listDossiers() {
        return pages(null);
    }

    /**
     * Finds a dossier by its code.
     *
     * @param code the dossier code (mã hồ sơ), letters, digits, '.', '_' or '-'
     * @return the dossier, or empty if the system has none with that code
     * @throws InvalidInputException if the code is malformed (before any request)
     */
    public Optional<CityDossier> getDossier(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "must be 1 to 60 letters, digits, '.', '_' or '-'");
        }
        for (CityDossier d : pages(code).byPage().iterator().next().items()) {
            if (d.code().equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private PagedIterable<CityDossier> pages(String code) {
        return new PagedIterable<>(token -> {
            int page = token == null ? 0 : Integer.parseInt(token);
            HttpUrl.Builder url = endpoint.newBuilder().addPathSegments("pa/dossier-search/dvc")
                    .addQueryParameter("page", Integer.toString(page))
                    .addQueryParameter("size", Integer.toString(pageSize)).addQueryParameter("spec", "slice");
            if (code != null) {
                url.addQueryParameter("code", code);
            }
            GovResponse response = pipeline.execute(Operation.read("dvcmc.dossier-search"),
                    new Request.Builder().url(url.build()).get().header("Accept", "application/json").build());
            JsonNode body = GovJson.readTree(response.body());
            JsonNode content = body.get("content");
            if (content == null || !content.isArray()) {
                throw new ResponseDecodingException("dossier-search: the answer has no content array", null);
            }
            List<CityDossier> items = new ArrayList<>();
            for (JsonNode d : content) {
                items.add(dossier(d));
            }
            JsonNode last = body.get("last");
            boolean more = !items.isEmpty() && (last == null ? items.size() == pageSize : !last.asBoolean());
            return new Page<>(items, more ? Integer.toString(page + 1) : null);
        });
    }

    private static CityDossier dossier(JsonNode d) {
        JsonNode code = d.get("code");
        if (code == null || !code.isTextual()) {
            throw new ResponseDecodingException("dossier-search: a dossier without a code", null);
        }
        JsonNode applicant = d.path("applicant").path("data").get("fullname");
        JsonNode translate = d.path("procedure").get("translate");
        return new CityDossier(code.asText(), applicant == null || applicant.isNull() ? null : applicant.asText(),
                CityWire.name(translate), CityWire.name(d.get("statusCurrentTask")), CityWire.name(d.get("applyMethod")),
                CityWire.dateTime(text(d, "appliedDate")), CityWire.dateTime(text(d, "appointmentDate")),
                CityWire.dateTime(text(d, "completedDate")));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Releases the transport if this client created it. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    /** Shows the endpoint only. */
    @Override
    public String toString() {
        return "CityDossierClient[" + endpoint + "]";
    }

    /** Builds a {@link CityDossierClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private URI endpoint;
        private ClientCredentials credentials;
        private int pageSize = 50;

        private Builder() {
        }

        /**
         * Sets the API gateway's base URL, for example {@code https://apigatewaydvcmc.hochiminhcity.gov.vn}.
         *
         * @param endpoint an absolute http or https URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            if (endpoint == null || endpoint.getScheme() == null
                    || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))
                    || HttpUrl.parse(endpoint.toString()) == null) {
                throw new InvalidInputException("endpoint", "must be an absolute http or https URI");
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets the Keycloak client credentials (scheme F: {@code grant_type=client_credentials}, the client
         * in HTTP Basic).
         *
         * @param tokenUri the token endpoint, for example
         *                 {@code https://ssodvcmc.hochiminhcity.gov.vn/auth/realms/digo/protocol/openid-connect/token}
         * @param clientId the client id
         * @param clientSecret the client secret
         * @return this builder
         */
        public Builder credentials(URI tokenUri, String clientId, Secret clientSecret) {
            return credentials(ClientCredentials.builder().tokenUri(tokenUri).clientId(clientId).clientSecret(clientSecret)
                    .clientAuthentication(ClientCredentials.ClientAuthentication.BASIC).build());
        }

        /**
         * Sets client credentials built elsewhere (use {@link ClientCredentials.ClientAuthentication#BASIC}
         * for the city's Keycloak).
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(ClientCredentials credentials) {
            if (credentials == null) {
                throw new InvalidInputException("credentials", "must not be null");
            }
            this.credentials = credentials;
            return this;
        }

        /**
         * Sets the page size asked for; default 50.
         *
         * @param pageSize 1 to 100
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > 100) {
                throw new InvalidInputException("pageSize", "must be between 1 and 100");
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming what is missing
         */
        public CityDossierClient build() {
            if (endpoint == null) {
                throw new InvalidInputException("endpoint", "must be set");
            }
            if (credentials == null) {
                throw new InvalidInputException("credentials", "must be set: the Keycloak token URI, client id and secret");
            }
            return new CityDossierClient(this, clientOptions());
        }
    }
}
