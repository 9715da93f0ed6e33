package vn.govsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.govsdk.core.internal.http.PipelineFixture.get;
import static vn.govsdk.core.internal.http.PipelineFixture.json;

import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.http.Operation;

class ErrorMappingTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    final PipelineFixture fx = new PipelineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void authenticationFailureCarriesCodeMaskedMessageRequestIdAndAttempts() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error_code\":\"AUTH_01\",\"message\":\"token refused for 079203012345\"}").build());
        GovHttpPipeline pipeline = fx.pipeline().build();

        AuthenticationFailedException e = catchThrowableOfType(AuthenticationFailedException.class,
                () -> pipeline.execute(Operation.read("citizen.get"), get(server)));

        String sentId = server.takeRequest().getHeaders().get("X-Request-Id");
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.errorCode()).contains("AUTH_01");
        assertThat(e.serviceMessage()).contains("token refused for 079*******45");
        assertThat(e.getMessage()).doesNotContain("079203012345").contains("AUTH_01");
        assertThat(e.requestId()).contains(sentId);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void forbiddenIsAnAuthenticationFailure() {
        server.enqueue(new MockResponse.Builder().code(403).build());
        GovHttpPipeline pipeline = fx.pipeline().build();

        assertThatThrownBy(() -> pipeline.execute(Operation.read("citizen.get"), get(server)))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void oauthStyleErrorMembersAreRead() {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}").build());
        GovHttpPipeline pipeline = fx.pipeline().build();

        GovServiceException e = catchThrowableOfType(GovServiceException.class,
                () -> pipeline.execute(Operation.write("token"), get(server)));

        assertThat(e.errorCode()).contains("invalid_client");
        assertThat(e.serviceMessage()).contains("Client authentication failed");
    }

    @Test
    void nonJsonErrorBodyGivesNoCode() {
        server.enqueue(new MockResponse.Builder().code(500).body("<html>Internal error</html>").build());
        GovHttpPipeline pipeline = fx.pipeline().build();

        GovServiceException e = catchThrowableOfType(GovServiceException.class,
                () -> pipeline.execute(Operation.read("x"), get(server)));

        assertThat(e).isExactlyInstanceOf(GovServiceException.class);
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.errorCode()).isEmpty();
        assertThat(e.serviceMessage()).isEmpty();
    }

    @Test
    void pluggableExtractorReadsTheSystemsOwnError() {
        server.enqueue(new MockResponse.Builder().code(500)
                .body("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>MaYeuCau trùng</faultstring></soap:Fault>")
                .build());
        ErrorExtractor soap = response -> {
            String body = response.bodyString();
            return new ServiceError(between(body, "<faultcode>", "</faultcode>"),
                    between(body, "<faultstring>", "</faultstring>"));
        };
        GovHttpPipeline pipeline = fx.pipeline().errorExtractor(soap).build();

        GovServiceException e = catchThrowableOfType(GovServiceException.class,
                () -> pipeline.execute(Operation.read("population.lookup"), get(server)));

        assertThat(e.errorCode()).contains("soap:Server");
        assertThat(e.serviceMessage()).contains("MaYeuCau trùng");
    }

    @Test
    void aFailingExtractorDoesNotHideTheStatus() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        GovHttpPipeline pipeline = fx.pipeline().errorExtractor(response -> {
            throw new IllegalStateException("broken extractor");
        }).build();

        GovServiceException e = catchThrowableOfType(GovServiceException.class,
                () -> pipeline.execute(Operation.read("x"), get(server)));

        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.errorCode()).isEmpty();
    }

    @Test
    void bodyOverTheLimitIsRefusedWhenItsLengthIsDeclared() {
        server.enqueue(new MockResponse.Builder().body("x".repeat(2048)).build());
        GovHttpPipeline pipeline = fx.pipeline().maxResponseBodyBytes(1024).build();

        assertThatThrownBy(() -> pipeline.execute(Operation.read("big"), get(server)))
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("2048 bytes exceeds the limit of 1024 bytes")
                .hasMessageContaining("request id");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefused() {
        server.enqueue(new MockResponse.Builder().chunkedBody(new Buffer().writeUtf8("y".repeat(5000)), 512).build());
        GovHttpPipeline pipeline = fx.pipeline().maxResponseBodyBytes(1024).build();

        assertThatThrownBy(() -> pipeline.execute(Operation.read("big"), get(server)))
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("more than 1024 bytes");
    }

    @Test
    void bodyExactlyAtTheLimitIsAccepted() {
        server.enqueue(new MockResponse.Builder().chunkedBody(new Buffer().writeUtf8("z".repeat(1024)), 100).build());
        GovHttpPipeline pipeline = fx.pipeline().maxResponseBodyBytes(1024).build();

        assertThat(pipeline.execute(Operation.read("ok"), get(server)).bodyLength()).isEqualTo(1024);
    }

    @Test
    void jsonHelpersMapBodiesAndRefuseMalformedJson() throws InterruptedException {
        server.enqueue(json("{\"name\":\"Hồ sơ 1\",\"extra\":42}"));
        server.enqueue(json("{\"name\":\"ok\"}"));
        server.enqueue(json("{\"name\": oops}"));
        GovHttpPipeline pipeline = fx.pipeline().build();

        Item got = pipeline.getJson(Operation.read("item.get"), server.url("/i"), Item.class);
        Item posted = pipeline.postJson(Operation.write("item.create"), server.url("/i"), new Item("mới"), Item.class);

        assertThat(got).isEqualTo(new Item("Hồ sơ 1"));
        assertThat(posted).isEqualTo(new Item("ok"));
        server.takeRequest();
        var post = server.takeRequest();
        assertThat(post.getBody().utf8()).isEqualTo("{\"name\":\"mới\"}");
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThatThrownBy(() -> pipeline.getJson(Operation.read("item.get"), server.url("/i"), Item.class))
                .isInstanceOf(ResponseDecodingException.class);
    }

    @Test
    void formAndXmlHelpersSendTheRightContentTypes() throws InterruptedException {
        server.enqueue(json("{}"));
        server.enqueue(new MockResponse.Builder().body("<r xmlns=\"urn:x\"><v>1</v></r>").build());
        GovHttpPipeline pipeline = fx.pipeline().build();

        pipeline.postForm(Operation.write("login"), server.url("/login"), Map.of("username", "u1"));
        GovResponse xml = pipeline.postXml(Operation.read("soap"), server.url("/soap"), "<q/>",
                Map.of("SOAPAction", "\"urn:lookup\""));

        var form = server.takeRequest();
        assertThat(form.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form.getBody().utf8()).isEqualTo("username=u1");
        var soap = server.takeRequest();
        assertThat(soap.getHeaders().get("Content-Type")).isEqualTo("text/xml; charset=utf-8");
        assertThat(soap.getHeaders().get("SOAPAction")).isEqualTo("\"urn:lookup\"");
        assertThat(xml.xml().getDocumentElement().getNamespaceURI()).isEqualTo("urn:x");
    }

    @Test
    void builderRefusesNonsense() {
        assertThatThrownBy(() -> fx.pipeline().maxResponseBodyBytes(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxResponseBodyBytes");
        assertThatThrownBy(() -> GovHttpPipeline.builder(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("httpTransport");
        assertThatThrownBy(() -> fx.pipeline().build().execute(null, get(server)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("operation");
    }

    record Item(String name) {
    }

    private static String between(String s, String open, String close) {
        int i = s.indexOf(open);
        int j = s.indexOf(close);
        return i < 0 || j < 0 ? null : s.substring(i + open.length(), j);
    }
}
