package app.ascend.notify;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
public class AscendNotifyApplication {

    public static void main(String[] args) {
        SpringApplication.run(AscendNotifyApplication.class, args);
    }

    /** Every component that reads the time gets it here, so tests can move time instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
