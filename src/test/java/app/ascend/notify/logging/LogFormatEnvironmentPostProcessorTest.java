package app.ascend.notify.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class LogFormatEnvironmentPostProcessorTest {
    private final LogFormatEnvironmentPostProcessor processor = new LogFormatEnvironmentPostProcessor();
    private final SpringApplication application = new SpringApplication();

    @Test
    void jsonSwitchesTheConsoleToStructuredLogging() {
        MockEnvironment environment = new MockEnvironment().withProperty("ascend.log-format", "json");

        processor.postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void theEnvironmentVariableWorksAsWell() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("ASCEND_LOG_FORMAT", "JSON")));

        processor.postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void textOrNothingKeepsPlainLines() {
        MockEnvironment unset = new MockEnvironment();
        MockEnvironment text = new MockEnvironment().withProperty("ascend.log-format", "text");

        processor.postProcessEnvironment(unset, application);
        processor.postProcessEnvironment(text, application);

        assertThat(unset.containsProperty("logging.structured.format.console")).isFalse();
        assertThat(text.containsProperty("logging.structured.format.console")).isFalse();
    }

    @Test
    void anExplicitConsoleFormatWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("ascend.log-format", "json")
                .withProperty("logging.structured.format.console", "logstash");

        processor.postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void anUnknownFormatStopsTheStartWithTheSettingNamed() {
        MockEnvironment environment = new MockEnvironment().withProperty("ascend.log-format", "jsn");

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, application))
                .hasMessageContaining("ASCEND_LOG_FORMAT").hasMessageContaining("jsn");
    }
}
