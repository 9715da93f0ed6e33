package vn.govsdk.identity.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.PersonalIdentifier;
import vn.govsdk.testkit.Fault;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.population.PopulationDbService;

class PopulationRefusalsTest {

    static MockGovPlatform platform;
    static PopulationRegistryClient direct;

    @BeforeAll
    static void start() {
        platform = C06Fixture.platform();
        direct = C06Fixture.direct(platform).build();
    }

    @AfterAll
    static void stop() {
        direct.close();
        platform.close();
    }

    @BeforeEach
    void clean() {
        platform.reset();
    }

    private static String envelope(String prolog, String inner) {
        return prolog + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:ns1=\"http://dancuquocgia.bca\"><soapenv:Body><ns1:TraCuuThongTinCongDanResponse>"
                + "<ns1:MaYeuCau>x</ns1:MaYeuCau><ns1:CongDan><ns1:SoDinhDanh>001203012345</ns1:SoDinhDanh>"
                + "<ns1:HoVaTen>" + inner + "</ns1:HoVaTen></ns1:CongDan></ns1:TraCuuThongTinCongDanResponse>"
                + "</soapenv:Body></soapenv:Envelope>";
    }

    @Test
    void anAnswerWithAnExternalEntityIsRefused() {
        platform.faults().add(PopulationDbService.DIRECT_PATH, Fault.malformedBody(envelope(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;")));
        assertThatThrownBy(() -> direct.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId())))
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void anAnswerWithAnInternalDtdIsRefused() {
        platform.faults().add(PopulationDbService.DIRECT_PATH, Fault.malformedBody(envelope(
                "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>", "&b;")));
        assertThatThrownBy(() -> direct.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId())))
                .isInstanceOf(ResponseDecodingException.class);
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String dtd = server.url("/evil.dtd").toString();
            server.enqueue(new MockResponse(200, Headers.of("Content-Type", "text/xml"),
                    envelope("<!DOCTYPE soapenv:Envelope SYSTEM \"" + dtd + "\">", "NGUYỄN VĂN AN")));
            server.enqueue(new MockResponse(200, Headers.of("Content-Type", "application/xml-dtd"),
                    "<!ENTITY leak \"fetched\">"));
            try (PopulationRegistryClient client = PopulationRegistryClient.builder()
                    .endpoint(URI.create(server.url("/c06/dancu").toString()))
                    .credentials(C06Fixture.directCredentials("s3cret")).callOptions(C06Fixture.CALLER).build()) {
                assertThatThrownBy(() -> client.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId())))
                        .isInstanceOf(ResponseDecodingException.class);
            }
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aNonSoapAnswerIsADecodingError() {
        platform.faults().add(PopulationDbService.DIRECT_PATH, Fault.malformedBody("<html><body>gateway</body></html>"));
        assertThatThrownBy(() -> direct.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId())))
                .isInstanceOf(ResponseDecodingException.class).hasMessageContaining("SOAP");
    }

    @Test
    void invalidCitizenIdsAreRefusedBeforeAnyRequest() {
        for (String bad : List.of("12345", "0012030123456", "00120301234a", "999203012345", "", "001 203 012 345x")) {
            assertThatThrownBy(() -> direct.lookupCitizen(CitizenQuery.builder(bad).build()))
                    .as(bad).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("personalId"));
        }
        assertThatThrownBy(() -> direct.lookupCitizen((PersonalIdentifier) null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("subject"));
        assertThatThrownBy(() -> direct.verifyCitizen(CitizenQuery.of(CitizenId.of(platform.data().citizen(1).citizenId()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("query"));
        assertThatThrownBy(() -> CitizenQuery.builder(platform.data().citizen(1).citizenId()).fullName("Nguyễn <Văn>"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fullName"));
        assertThatThrownBy(() -> direct.beginBatchLookup(List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("subjects"));
        assertThat(platform.journal().count()).isZero();
    }

    @Test
    void missingCallerFieldsAreRefusedBeforeAnyRequest() {
        try (PopulationRegistryClient bare = C06Fixture.direct(platform)
                .callOptions(CallOptions.builder().serviceCode("VPCP").integrationCode("037").build()).build()) {
            assertThatThrownBy(() -> bare.lookupCitizen(CitizenId.of(platform.data().citizen(1).citizenId())))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("officerAccount"));
            // a per-call override supplies it
            bare.lookupCitizen(CitizenQuery.builder(platform.data().citizen(1).citizenId())
                    .callOptions(CallOptions.builder().officerAccount("canbo.02").build()).build());
        }
        assertThat(platform.journal().count()).isEqualTo(1);
    }

    @Test
    void theBuilderNamesWhatIsMissing() {
        assertThatThrownBy(() -> PopulationRegistryClient.builder().build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endpoint"));
        assertThatThrownBy(() -> PopulationRegistryClient.builder().endpoint(URI.create("http://127.0.0.1/c06")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("credentials"));
        assertThatThrownBy(() -> PopulationRegistryClient.builder().endpoint(URI.create("ftp://127.0.0.1/c06")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("endpoint"));
    }

    @Test
    void toStringsMaskPersonalData() {
        SyntheticCitizen c = platform.data().citizen(30);
        CitizenRecord r = direct.lookupCitizen(CitizenId.of(c.citizenId()));
        Household h = direct.getHousehold(CitizenQuery.of(CitizenId.of(c.citizenId())));
        CitizenQuery q = CitizenQuery.builder(c.citizenId()).fullName(c.fullName()).birthDate(BirthDate.of(c.birthDate())).build();
        for (Object o : List.of(r, h, q, r.father(), h.members().get(0), r.birthDate())) {
            String s = o.toString();
            assertThat(s).doesNotContain(c.citizenId()).doesNotContain(c.fullNameUpperCase())
                    .doesNotContain(c.givenName().toUpperCase(CitizenQuery.VIETNAMESE) + ",")
                    .doesNotContain(c.birthDate().toString()).doesNotContain(c.householdId());
        }
        assertThat(r.toString()).contains("CitizenRecord[").contains(c.citizenId().substring(0, 3));
        assertThat(direct.toString()).doesNotContain(PopulationDbService.DIRECT_SECRET_KEY).doesNotContain("canbo.kiemthu");
    }

    @Test
    void logsCarryNoFullCitizenIdNameOrSecret() {
        Logger root = (Logger) LoggerFactory.getLogger("vn.govsdk");
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        SyntheticCitizen c = platform.data().citizen(31);
        try (PopulationRegistryClient lgsp = C06Fixture.lgsp(platform, PopulationDbService.LGSP_CLIENT_SECRET).build()) {
            direct.lookupCitizen(CitizenQuery.builder(c.citizenId()).fullName(c.fullName())
                    .birthDate(BirthDate.of(c.birthDate())).build());
            direct.verifyCitizen(CitizenQuery.builder(c.citizenId()).fullName(c.fullName()).build());
            lgsp.getHousehold(CitizenQuery.of(CitizenId.of(c.citizenId())));
            assertThatThrownBy(() -> direct.lookupCitizen(C06Fixture.unknownCitizenId(platform)))
                    .isInstanceOf(vn.govsdk.core.NotFoundException.class);
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).anyMatch(e -> e.getLevel() == Level.DEBUG);
        // the identifier does reach the log lines (request bodies at TRACE, the client's DEBUG line), masked
        String masked = vn.govsdk.core.privacy.PersonalDataMasker.maskIdentifier(c.citizenId());
        assertThat(appender.list).anyMatch(e -> e.getFormattedMessage().contains(masked));
        for (ILoggingEvent e : appender.list) {
            String line = e.getFormattedMessage();
            assertThat(line).doesNotContain(c.citizenId()).doesNotContain(c.fullNameUpperCase())
                    .doesNotContain(c.fullName()).doesNotContain(PopulationDbService.LGSP_CLIENT_SECRET)
                    .doesNotContain(PopulationDbService.DIRECT_SECRET_KEY);
        }
    }
}
