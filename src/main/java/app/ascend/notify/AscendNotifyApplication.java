package app.ascend.notify;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import app.ascend.notify.db.MicrosecondClock;
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
     * keeps microseconds, the precision H2 and PostgreSQL store.
     */
    @Bean
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }
}
