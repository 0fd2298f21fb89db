package app.ascend.notify.support;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives the service a {@link MutableClock} as its {@link Clock}: {@code @Import} it, autowire the
 * {@code MutableClock} and move time by hand. The context is then the test class's own (mark it
 * {@code @DirtiesContext}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }
}
