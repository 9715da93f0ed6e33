package vn.govsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.govsdk.core.internal.http.PipelineFixture.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.http.Operation;

/** DEBUG and TRACE logs of real exchanges never carry a citizen ID, token or secret in full. */
class LoggingTest {

    static final String CITIZEN_ID = "079203012345";
    static final String BEARER = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";
    static final String PASSWORD = "S3cret-Passw0rd!";
    static final String LGSP = Base64.getEncoder().encodeToString(
            "{\"AccessKey\":\"ak-123\",\"SecretKey\":\"sk-very-secret\",\"AppName\":\"app\"}".getBytes());
    static final String ISSUED_TOKEN = "issued-access-token-9f8e7d";

    @StartStop
    final MockWebServer server = new MockWebServer();

    final PipelineFixture fx = new PipelineFixture();
    final Logger logger = (Logger) LoggerFactory.getLogger("vn.govsdk.http");
    final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(null);
        fx.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEBUG", "TRACE"})
    void logsAreMasked(String level) {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.toLevel(level));
        server.enqueue(status(503));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("Set-Cookie", "JSESSIONID=" + ISSUED_TOKEN)
                .body("{\"soDinhDanh\":\"" + CITIZEN_ID + "\",\"access_token\":\"" + ISSUED_TOKEN + "\"}").build());
        Request request = new Request.Builder()
                .url(server.url("/citizens/" + CITIZEN_ID + "?soDinhDanh=" + CITIZEN_ID + "&access_token=" + BEARER))
                .header("Authorization", "Bearer " + BEARER)
                .header("lgspaccesstoken", LGSP)
                .post(RequestBody.create("{\"username\":\"officer01\",\"password\":\"" + PASSWORD
                        + "\",\"soDinhDanh\":\"" + CITIZEN_ID + "\"}", MediaType.get("application/json")))
                .build();

        GovResponse response = fx.pipeline().build().execute(Operation.idempotentWrite("citizen.verify"), request);

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain(CITIZEN_ID, BEARER, PASSWORD, LGSP, ISSUED_TOKEN, "sk-very-secret");
        // The lines are there, and say what a reader needs.
        assertThat(all).contains("/citizens/079*******45", "citizen.verify", "-> 503", "-> 200", "attempt 2",
                response.requestId());
        if (level.equals("TRACE")) {
            assertThat(all).contains("Authorization: ***", "lgspaccesstoken: ***", "\"password\":\"***\"",
                    "\"access_token\":\"***\"", "\"soDinhDanh\":\"079*******45\"");
        } else {
            assertThat(appender.list).allMatch(e -> e.getLevel() == Level.DEBUG);
        }
    }
}
