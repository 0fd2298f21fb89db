package app.ascend.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import app.ascend.notify.simulator.PagerDutySimulator;

@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
public class AscendNotifyApplication {

    /**
     * Runs the service; {@code pagerduty-simulator [--port N] [--rate-limit N] [--latency-ms N]} runs
     * the bundled PagerDuty Events API v2 simulator instead, for local trials and the benchmark.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("pagerduty-simulator")) {
            PagerDutySimulator.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
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
