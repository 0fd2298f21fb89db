package app.ascend.notify.logging;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code ASCEND_LOG_FORMAT=json} (or {@code ascend.log-format=json}) turns the console log into Boot's
 * structured JSON, one object per line in the Elastic Common Schema, for log shippers. {@code text}
 * (the default) keeps Boot's plain lines. It has to be an environment post-processor: the logging
 * system reads {@code logging.structured.format.console} before any bean exists.
 *
 * <p>Runs after the config files are loaded, so the setting may come from them too. An explicit
 * {@code logging.structured.format.console} wins.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {
    static final String FORMAT_PROPERTY = "ascend.log-format";
    static final String CONSOLE_FORMAT_PROPERTY = "logging.structured.format.console";
    static final String JSON_FORMAT = "ecs";
    static final String PROPERTY_SOURCE = "ascendLogFormat";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(FORMAT_PROPERTY, "text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "", "text" -> {
            }
            case "json" -> {
                if (!environment.containsProperty(CONSOLE_FORMAT_PROPERTY)) {
                    environment.getPropertySources().addLast(
                            new MapPropertySource(PROPERTY_SOURCE, Map.of(CONSOLE_FORMAT_PROPERTY, JSON_FORMAT)));
                }
            }
            // Fail at start: a typo would otherwise silently ship plain lines to a JSON pipeline.
            default -> throw new IllegalStateException(
                    "ASCEND_LOG_FORMAT (ascend.log-format) must be text or json, not \"" + format + "\"");
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
