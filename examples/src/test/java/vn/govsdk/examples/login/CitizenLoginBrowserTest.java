package vn.govsdk.examples.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.govsdk.identity.login.CitizenLoginClient;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.oidc.OpenIdProviderMock;

/**
 * End to end in a real headless Chromium: open the demo application, click "log in", pick a
 * synthetic citizen on the mock SSO's page, land on the page that shows that citizen. Uses Debian's
 * {@code chromium} and {@code chromium-driver} at fixed paths (Selenium Manager never runs); fails,
 * never skips, when they are missing.
 */
class CitizenLoginBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static MockGovPlatform platform;
    static CitizenLoginClient client;
    static CitizenLoginWebApp app;
    static ChromeDriverService service;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install -y chromium chromium-driver",
                CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install -y chromium chromium-driver",
                CHROMEDRIVER).isTrue();
        SELENIUM_LOG.setLevel(Level.SEVERE);

        platform = MockServerRunner.defaultPlatform().build();
        client = LoginExample.client(platform);
        app = CitizenLoginWebApp.start(client, new InetSocketAddress("127.0.0.1", 0));

        profile = Files.createTempDirectory("govsdk-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (app != null) {
            app.close();
        }
        if (client != null) {
            client.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void citizenLogsInAndSeesTheirVerifiedIdentity() {
        OpenIdProviderMock sso = (OpenIdProviderMock) platform.service("/sso").orElseThrow();
        SyntheticCitizen chosen = sso.loginPageCitizens().get(1);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(app.baseUrl() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login"))).click();

        // The mock SSO's login page, in Vietnamese, listing synthetic citizens.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("citizen-" + chosen.index())));
        assertThat(browser.getCurrentUrl()).contains("/sso/oauth2/authorize");
        assertThat(browser.getTitle()).isEqualTo("Đăng nhập bằng tài khoản định danh điện tử");
        browser.findElement(By.id("citizen-" + chosen.index())).click();

        // Back on the application, logged in.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("full-name")));
        assertThat(browser.getCurrentUrl()).isEqualTo(app.baseUrl() + "/me");
        assertThat(browser.findElement(By.id("full-name")).getText()).isEqualTo(chosen.fullName());
        assertThat(browser.findElement(By.id("personal-id")).getText())
                .isEqualTo(chosen.citizenId().substring(0, 3) + "*******" + chosen.citizenId().substring(10));
        assertThat(browser.findElement(By.id("birth-date")).getText())
                .isEqualTo(chosen.birthDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(browser.findElement(By.id("login-provider")).getText()).isEqualTo("VNeID (Bộ Công an)");
        assertThat(browser.getPageSource()).doesNotContain(chosen.citizenId());

        // Log out through the provider and come back to the start page.
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login")));
        assertThat(browser.getCurrentUrl()).isEqualTo(app.baseUrl() + "/");
        assertThat(platform.journal().count("/sso/oidc/logout")).isEqualTo(1);
    }
}
