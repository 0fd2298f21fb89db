package app.ascend.notify;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import app.ascend.notify.db.DatabaseClock;
import app.ascend.notify.ids.Ids;
import app.ascend.notify.simulator.SimulatorCommand;

@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
public class AscendNotifyApplication {

    /** Runs the service, or the bundled simulator when the arguments ask for it ({@link SimulatorCommand}). */
    public static void main(String[] args) throws Exception {
        if (SimulatorCommand.runIfAsked(args)) {
            return;
        }
        SpringApplication.run(AscendNotifyApplication.class, args);
    }

    /**
     * Every component that reads the time gets it here, so tests can move time instead of sleeping: the
     * database's time (see {@link DatabaseClock}), the one clock all instances sharing the database agree
     * on for lease ends, due times and rate windows, re-measured every 5 s. It keeps microseconds, the
     * precision H2 and PostgreSQL store.
     *
     * @param skew test-only ({@code ascend.test.clock-skew}, default 0): makes this process's wall
     *             clock wrong by this much (its base clock and the time inside ids), so a test can run an
     *             instance on a host whose clock is off. Never set it in production.
     */
    @Bean
    DatabaseClock clock(@Value("${ascend.test.clock-skew:0s}") Duration skew, DataSource dataSource) {
        Ids.shiftClock(skew);
        return new DatabaseClock(Clock.offset(Clock.systemUTC(), skew), dataSource, Duration.ofSeconds(5));
    }
}
