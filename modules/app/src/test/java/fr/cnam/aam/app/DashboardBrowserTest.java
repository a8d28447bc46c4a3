package fr.cnam.aam.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards in a real browser: Debian's headless Chromium, driven through its chromedriver (both installed by
 * {@code .ci/run}; this test fails rather than skips without them). People log in at the app's own authorization
 * server; the page's figures are compared with the API's for the same generation; a contract signed meanwhile
 * shows without a reload; an agent cannot open another caisse; an administrator rebuilds a projection from the
 * page and watches it finish. Screenshots go to {@code target/screenshots/} (kept by CI as artifacts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserTest {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private WebDriver browser() throws Exception {
        assertThat(new File(CHROMIUM)).as("Debian's chromium (apt-get install chromium chromium-driver, as .ci/run "
                                          + "does)").exists();
        assertThat(new File(CHROMEDRIVER)).as("Debian's chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // the flags the machine needs: no sandbox as root, no GPU, no calls to Google's services on a closed network
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--window-size=1400,2200",
                             "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browsers.add(driver);
        return driver;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Opens {@code page}, which sends the browser to the login form; logs in; lands back on the page. */
    private void logIn(WebDriver browser, String page, String user) {
        browser.get(base() + page);
        WebDriverWait wait = waitFor(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user); // demo users' password: their name (README)
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(base() + page.split("\\?")[0]));
    }

    /** A wait that looks again when the page re-rendered what it looked at (the pages redraw as figures change). */
    private static WebDriverWait waitFor(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void awaitState(WebDriver browser, String state) {
        waitFor(browser, Duration.ofSeconds(60)).until(d -> state.equals(
                d.findElement(By.tagName("body")).getAttribute("data-state")));
    }

    private static Map<String, String> kpis(WebDriver browser) {
        Map<String, String> shown = new TreeMap<>();
        for (WebElement kpi : browser.findElements(By.cssSelector("[data-kpi]"))) {
            shown.put(kpi.getAttribute("data-kpi"), kpi.getAttribute("data-value"));
        }
        return shown;
    }

    private JsonNode api(String path, String token) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** The API's figures as the page shows them: the totals and the orders awaiting an answer. */
    private static Map<String, String> expected(JsonNode view) {
        Map<String, String> figures = new TreeMap<>();
        view.get("totals").fields().forEachRemaining(f -> {
            if (!f.getKey().equals("signedTotal") && !f.getKey().equals("evaluations")) {
                figures.put(f.getKey(), f.getValue().isIntegralNumber() ? f.getValue().asText()
                        : trimmed(f.getValue().asDouble()));
            }
        });
        figures.put("ordersAwaiting", view.get("ordersAwaitingAnswer").get("count").asText());
        return figures;
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Waits until the page and the API show the same generation, then compares every figure. */
    private void assertPageShowsTheApisFigures(WebDriver browser, String query, String token) {
        await().atMost(Duration.ofSeconds(30)).ignoreException(StaleElementReferenceException.class)
               .untilAsserted(() -> {
            JsonNode view = api("/api/v1/dashboard" + query, token);
            String shown = browser.findElement(By.tagName("body")).getAttribute("data-generation");
            assertThat(shown).isEqualTo(view.get("generation").asText());
            assertThat(kpis(browser)).isEqualTo(expected(view));
        });
    }

    /** Every processor has handled every event of the store. */
    private boolean settled(String admin) throws Exception {
        for (JsonNode processor : api("/api/v1/admin/processors", admin)) {
            if (!processor.get("caughtUp").asBoolean() || processor.get("replaying").asBoolean()
                || processor.get("position").isNull()
                || processor.get("position").asLong() < processor.get("headPosition").asLong()) {
                return false;
            }
        }
        return true;
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anAuditorSeesTheNationAndACaisseAsTheApiDoesLiveAndAnAgentOnlyItsCaisse() throws Exception {
        for (int i = 0; i < 3; i++) {
            Signatures.assessAndSign(commands, "Contract:web-751-" + UUID.randomUUID(), "751",
                                     i == 0 ? "HALF_TIME" : "FULL_TIME", LocalDate.of(2023, 6, 1));
        }
        Signatures.assessAndSign(commands, "Contract:web-131-" + UUID.randomUUID(), "131", "HALF_TIME",
                                 LocalDate.of(2023, 6, 1));
        String auditor = DemoTokens.clientCredentials(base(), "auditor");

        WebDriver browser = browser();
        logIn(browser, "/dashboard/index.html", "auditor.user");
        awaitState(browser, "ready");
        assertThat(browser.findElement(By.id("scope-title")).getText()).isEqualTo("France entière");
        assertPageShowsTheApisFigures(browser, "", auditor);
        assertThat(browser.findElements(By.cssSelector("canvas"))).hasSize(6);
        assertThat(browser.findElement(By.id("page-info")).getAttribute("data-total"))
                .isEqualTo(api("/api/v1/dashboard/tables/contracts", auditor).get("total").asText());
        screenshot(browser, "dashboard-national");

        // drill down to caisse 751 from the caisse list
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("caisse"))).selectByValue("751");
        waitFor(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("scope-title")).getText()
                                                                       .contains("Paris"));
        assertPageShowsTheApisFigures(browser, "?caisse=751", auditor);
        // the table's filter and sorting, as the API answers them
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#filters select[name=option]")))
                .selectByValue("HALF_TIME");
        String halfTime = api("/api/v1/dashboard/tables/contracts?caisse=751&option=HALF_TIME", auditor).get("total")
                .asText();
        waitFor(browser, Duration.ofSeconds(20)).until(d -> halfTime.equals(
                d.findElement(By.id("page-info")).getAttribute("data-total")));
        browser.findElement(By.cssSelector("#detail th[data-column=signedOn]")).click();
        waitFor(browser, Duration.ofSeconds(20)).until(d -> d.findElement(
                By.cssSelector("#detail th[data-column=signedOn]")).getText().endsWith("▲"));
        String before = kpis(browser).get("contractsInForce");

        // live: a contract signed now shows without a reload (the page's own marker survives)
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        Signatures.assessAndSign(commands, "Contract:web-751-live-" + UUID.randomUUID(), "751", "FULL_TIME",
                                 LocalDate.of(2023, 6, 1));
        waitFor(browser, Duration.ofSeconds(20)).until(d -> !before.equals(kpis(d).get("contractsInForce")));
        assertThat(Integer.parseInt(kpis(browser).get("contractsInForce"))).isEqualTo(Integer.parseInt(before) + 1);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("updated in place").isEqualTo(true);
        assertThat(browser.findElement(By.id("live")).getText()).isEqualTo("en direct");
        assertPageShowsTheApisFigures(browser, "?caisse=751", auditor);
        screenshot(browser, "dashboard-caisse-751");

        // an agent of 751 sees 751, and not 131 even by changing the address
        WebDriver agentBrowser = browser();
        logIn(agentBrowser, "/dashboard/index.html", "agent751");
        awaitState(agentBrowser, "ready");
        assertThat(agentBrowser.findElement(By.id("caisse")).isEnabled()).isFalse();
        assertPageShowsTheApisFigures(agentBrowser, "?caisse=751", auditor);
        agentBrowser.get(base() + "/dashboard/index.html?caisse=131");
        awaitState(agentBrowser, "error");
        assertThat(agentBrowser.findElement(By.id("error")).getText()).contains("caisse 751");
        assertThat(kpis(agentBrowser).values()).allMatch(v -> v == null || v.isEmpty());
        screenshot(agentBrowser, "dashboard-agent-refused");
    }

    @Test
    void anAdministratorRebuildsAProjectionFromThePageAndSeesItFinish() throws Exception {
        String signed = "Contract:web-rebuild-" + UUID.randomUUID();
        Signatures.assessAndSign(commands, signed, "751", "HALF_TIME", LocalDate.of(2023, 6, 1));
        String auditor = DemoTokens.clientCredentials(base(), "auditor");
        await().atMost(Duration.ofSeconds(30)).until(() -> api("/api/v1/dashboard/tables/contracts?caisse=751"
                                                                + "&contractId=" + signed, auditor).get("total").asInt() == 1);
        String admin = DemoTokens.clientCredentials(base(), "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> settled(admin)); // its payment schedule too
        java.time.Instant settledAt = java.time.Instant.now();
        // figures loaded after every projection had it all
        JsonNode figuresBefore = await().atMost(Duration.ofSeconds(30)).until(
                () -> api("/api/v1/dashboard?caisse=751", auditor),
                v -> java.time.Instant.parse(v.get("figuresLoadedAt").asText()).isAfter(settledAt));

        WebDriver browser = browser();
        logIn(browser, "/dashboard/admin.html", "admin.user");
        awaitState(browser, "ready");
        By dashboardRow = By.cssSelector("tr[data-processor=dashboard]");
        waitFor(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(dashboardRow));
        // the table is redrawn every second: find the button and click it in one go
        waitFor(browser, Duration.ofSeconds(30)).until(d -> {
            d.findElement(dashboardRow).findElement(By.tagName("button")).click();
            return true;
        });
        browser.switchTo().alert().accept();
        // the page shows it replaying, then caught up with the head
        waitFor(browser, Duration.ofSeconds(60)).until(d -> {
            WebElement row = d.findElement(dashboardRow);
            return "false".equals(row.getAttribute("data-replaying"))
                   && row.getAttribute("data-position").equals(row.getAttribute("data-head"))
                   && !row.findElements(By.tagName("td")).get(5).getText().equals("—");
        });
        screenshot(browser, "admin-rebuild-finished");
        JsonNode status = await().atMost(Duration.ofSeconds(30)).until(
                () -> api("/api/v1/admin/processors/dashboard", admin), s -> !s.get("replayFinishedAt").isNull());
        assertThat(status.get("replayStartedAt").isNull()).as("a replay was started from the page").isFalse();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api("/api/v1/dashboard?caisse=751", auditor).get("totals"))
                .as("the rebuilt projection gives the same figures").isEqualTo(figuresBefore.get("totals")));

        WebDriver auditorBrowser = browser();
        logIn(auditorBrowser, "/dashboard/admin.html", "auditor.user");
        awaitState(auditorBrowser, "forbidden");
        assertThat(auditorBrowser.findElements(By.cssSelector("tr[data-processor]"))).isEmpty();
    }
}
