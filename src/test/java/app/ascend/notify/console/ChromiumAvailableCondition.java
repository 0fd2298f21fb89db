package app.ascend.notify.console;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The console's browser tests need Debian's headless Chromium and its driver. On a developer's machine
 * without them the tests skip with a message that says how to install them; under CI ({@code CI=true})
 * they run anyway and fail loudly in {@link ConsoleTest}, so a missing install step cannot pass as green.
 */
public class ChromiumAvailableCondition implements ExecutionCondition {
    static final Path CHROMIUM = Path.of(System.getProperty("ascend.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ascend.test.chromedriver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (available()) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver found");
        }
        if (underCi()) {
            return ConditionEvaluationResult.enabled("CI=true: the browser tests must run (and will fail: " + missing() + ")");
        }
        return ConditionEvaluationResult.disabled("SKIPPED: browser tests need " + missing() + " (install: " + INSTALL + ")");
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static String missing() {
        StringBuilder missing = new StringBuilder();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.append(CHROMIUM);
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.append(missing.isEmpty() ? "" : " and ").append(CHROMEDRIVER);
        }
        return missing.toString();
    }
}
