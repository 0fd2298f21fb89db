package app.ascend.notify.maintenance;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link NotifyAfterJob} on Spring's scheduler (the application had no scheduled work before). */
@Configuration
@EnableScheduling
class MaintenanceScheduling {
}
