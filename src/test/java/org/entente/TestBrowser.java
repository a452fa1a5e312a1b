package org.entente;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium for the browser tests: started with the flags this machine needs (no
 * sandbox as root, no background networking), its console kept, screenshots to {@code target/screenshots/}.
 * Without Chromium the tests are skipped with the reason, except on CI, where that fails.
 */
public final class TestBrowser {
    private TestBrowser() {}

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    /** Where screenshots go. */
    public static final Path SHOTS = TestLib.home().resolve("target/screenshots");

    /** A headless Chromium with a new profile in a folder of the test's, a window of the given height. */
    public static WebDriver start(Path profile, int height) throws Exception {
        if (!(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute())) {
            String why = "Chromium is not installed (apt-get install -y chromium chromium-driver; .ci/run does this)";
            // On CI a missing browser is a broken build, not a reason to skip what only a browser can prove.
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError(why);
            Assumptions.abort(why + ": browser tests skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                             "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--window-size=1200," + height, "--lang=en-US", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
        return browser;
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
    public static void shot(WebDriver browser, String name) throws Exception {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
