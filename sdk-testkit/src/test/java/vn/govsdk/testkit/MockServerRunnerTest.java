package vn.govsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The standalone runner the govsdk command uses. */
class MockServerRunnerTest {

    @Test
    void startsWithTheDefaultServicesAndDescribesItself() {
        try (MockGovPlatform platform = MockServerRunner.start(0, 42L, false)) {
            String summary = MockServerRunner.summary(platform);

            assertThat(platform.seed()).isEqualTo(42L);
            assertThat(platform.services()).extracting(MockService::pathPrefix).contains("/echo");
            assertThat(summary)
                    .contains("base URL    " + platform.baseUrl())
                    .contains("seed        42")
                    .contains("HTTPS       off")
                    .containsPattern("/echo +Echo \\(diagnostic\\)  " + java.util.regex.Pattern.quote(platform.baseUrl("/echo").toString()))
                    .containsPattern("/sso +Portal SSO \\(DVCQG, WSO2 IS\\)  " + java.util.regex.Pattern.quote(platform.baseUrl("/sso").toString()))
                    .containsPattern("/dvcqg +Public-service portal \\(DVCQG\\)  ")
                    .containsPattern("/smartca +VNPT SmartCA sp769 \\(remote signing\\)  ")
                    .contains("admin page  " + platform.adminUrl())
                    .endsWith("\n");
            assertThat(Http.get(Http.client(), platform.baseUrl("/__admin/health")).status()).isEqualTo(200);
            assertThat(Http.get(Http.client(), platform.baseUrl("/echo/ping")).status()).isEqualTo(200);
        }
    }

    @Test
    void withTlsTheSummaryTellsWhereTheRootCertificateIs() {
        try (MockGovPlatform platform = MockServerRunner.start(0, 1L, true)) {
            assertThat(platform.baseUrl().getScheme()).isEqualTo("https");
            assertThat(MockServerRunner.summary(platform))
                    .contains("HTTPS       on; trust the root certificate at " + platform.adminUrl() + "tls/root.pem");
        }
    }

    @Test
    void defaultPlatformTakesMoreServices() {
        try (MockGovPlatform platform = MockServerRunner.defaultPlatform().service(new CountingService()).build()) {
            assertThat(platform.services()).extracting(MockService::pathPrefix)
                    .containsExactly("/pki", "/echo", "/c06", "/sso", "/vneid", "/dvcqg", "/ppdvcqg", "/paygov",
                            "/lgsp", "/xroad", "/opendata", "/hcmc-dvc", "/lgsp-moj", "/lgsp-1022",
                            "/smartca", "/smartca-csc", "/mysign", "/esign", "/count");
        }
    }
}
