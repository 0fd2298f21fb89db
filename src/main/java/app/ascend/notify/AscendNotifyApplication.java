package app.ascend.notify;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
public class AscendNotifyApplication {

    public static void main(String[] args) {
        SpringApplication.run(AscendNotifyApplication.class, args);
    }

    /**
     * Every component that reads the time gets it here, so tests can move time instead of sleeping. It
     * ticks in microseconds, the precision H2 and PostgreSQL keep, so the answer to a change shows the
     * same {@code created_at}/{@code updated_at} as every later read of that row.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
