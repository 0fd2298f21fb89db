package app.ascend.notify.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL run, skips the tests with a clear message when no PostgreSQL is reachable on a
 * developer's machine. Under CI ({@code CI=true}) nothing is skipped: the tests run and fail loudly.
 */
public class PostgresAvailableCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.isPostgres()) {
            return ConditionEvaluationResult.enabled("running on H2");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests must run");
        }
        return TestDatabase.postgresReachable()
                ? ConditionEvaluationResult.enabled("PostgreSQL reachable")
                : ConditionEvaluationResult.disabled("SKIPPED: no PostgreSQL at " + TestDatabase.PG_URL
                        + " (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)");
    }
}
