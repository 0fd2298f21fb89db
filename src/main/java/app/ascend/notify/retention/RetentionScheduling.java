package app.ascend.notify.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} for the retention sweep (Boot supplies the scheduler). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionScheduling {
}
