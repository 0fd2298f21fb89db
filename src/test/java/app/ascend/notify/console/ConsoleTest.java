package app.ascend.notify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import app.ascend.notify.support.Tenant;

/**
 * Base of the console's browser tests: the whole service (as {@link ApiTest}) driven through Debian's
 * headless Chromium with the system ChromeDriver, so nothing is downloaded. One fresh browser profile
 * per test; waits are on visible state, never sleeps. Screenshots go to
 * {@code target/screenshots/<database>/<Test>-<name>.png} for review.
 */
@ExtendWith(ChromiumAvailableCondition.class)
abstract class ConsoleTest extends ApiTest {
    protected static final Duration WAIT = Duration.ofSeconds(15);
    protected WebDriver driver;
    protected WebDriverWait wait;
    private Path profile;
    private String testName;

    @BeforeEach
    void startBrowser(TestInfo info) throws IOException {
        if (!ChromiumAvailableCondition.available()) {
            throw new IllegalStateException("CI=true but " + ChromiumAvailableCondition.missing()
                    + " is missing: the browser tests must run. Install: " + ChromiumAvailableCondition.INSTALL);
        }
        testName = getClass().getSimpleName() + "-" + info.getTestMethod().map(m -> m.getName()).orElse("test");
        profile = Files.createTempDirectory("ascend-chromium-");
        System.setProperty("webdriver.chrome.driver", ChromiumAvailableCondition.CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailableCondition.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-extensions", "--window-size=1280,800", "--lang=en-US",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumAvailableCondition.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        try {
            if (driver != null) {
                assertNoScriptErrors();
            }
        } finally {
            if (driver != null) {
                driver.quit();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    /** Script errors and CSP violations fail the test; failed fetches the page handles (a 404 it tolerates) do not. */
    private void assertNoScriptErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    // --- Navigation -------------------------------------------------------------------------------

    protected void open(String hash) {
        driver.get(baseUrl() + "/#" + hash);
    }

    protected void signIn(String email, String password) {
        driver.get(baseUrl() + "/");
        WebElement emailInput = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        emailInput.clear();
        emailInput.sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        button("Sign in").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    protected void signIn(Tenant tenant) {
        signIn(tenant.adminEmail(), tenant.adminPassword());
    }

    /** A new user of the tenant with {@code role}: {email, password}. */
    protected Map<String, String> newUser(Tenant tenant, String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "user-password-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse created = tenant.admin().post("/api/users", Map.of("email", email, "password", password, "role", role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Map.of("email", email, "password", password);
    }

    /** Waits until the page's main heading reads {@code text}. */
    protected void waitForHeading(String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    }

    // --- Finding things as a person would: by label and by button text -----------------------------

    protected WebElement button(String text) {
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()=" + literal(text) + "]")));
    }

    protected List<WebElement> buttons(String text) {
        return driver.findElements(By.xpath("//button[normalize-space()=" + literal(text) + "]"));
    }

    protected WebElement link(String text) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()=" + literal(text) + "]")));
    }

    /** The form control labelled {@code label} (label[for] → id). */
    protected WebElement labelled(String label) {
        WebElement labelEl = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[normalize-space()=" + literal(label) + "]")));
        return driver.findElement(By.id(labelEl.getAttribute("for")));
    }

    /** The control labelled {@code label} inside the field for API path {@code field}. */
    protected WebElement labelledIn(String field, String label) {
        WebElement container = fieldElement(field);
        WebElement labelEl = container.findElement(By.xpath(".//label[normalize-space()=" + literal(label) + "]"));
        return driver.findElement(By.id(labelEl.getAttribute("for")));
    }

    protected WebElement fieldElement(String field) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-field=" + cssString(field) + "]")));
    }

    /** The warnings or errors shown beside the field for API path {@code field}. */
    protected String messagesAt(String field, String kind) {
        return String.join("\n", fieldElement(field).findElements(By.cssSelector(".field-" + kind)).stream()
                .map(WebElement::getText).toList());
    }

    protected void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    protected void check(String field, String value, boolean on) {
        WebElement box = fieldElement(field).findElement(By.cssSelector("input[type=checkbox][value=" + cssString(value) + "]"));
        if (box.isSelected() != on) {
            box.click();
        }
    }

    protected void waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    protected Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    // --- Screenshots ------------------------------------------------------------------------------

    /** The viewport as a person sees it, to target/screenshots/<db>/<Test>-<name>.png. */
    protected Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots", System.getProperty("ascend.test.db", "h2"));
            Files.createDirectories(dir);
            Path file = dir.resolve(testName + "-" + name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page at 1280 wide, however long it is. */
    protected Path fullScreenshot(String name) {
        return screenshotAt(name + "-full", 1280);
    }

    /** The whole page at a narrow window (420 px: a phone or a split screen), then back to 1280×800. */
    protected Path narrowScreenshot(String name) {
        return screenshotAt(name + "-narrow", 420);
    }

    private Path screenshotAt(String name, int width) {
        try {
            driver.manage().window().setSize(new Dimension(width, 800));
            wait.until(d -> Math.abs(((Number) script("return window.innerWidth")).intValue() - width) <= 20);
            int chrome = 800 - ((Number) script("return window.innerHeight")).intValue();
            int height = ((Number) script("return document.documentElement.scrollHeight")).intValue();
            driver.manage().window().setSize(new Dimension(width, Math.min(8000, Math.max(800, height + chrome))));
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    private static String cssString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
