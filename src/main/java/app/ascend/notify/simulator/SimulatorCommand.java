package app.ascend.notify.simulator;

import java.util.Arrays;

/**
 * The command line that starts the bundled simulator from the service's jar instead of the service:
 * {@code java -jar ascend-notify.jar pagerduty-simulator [--port N] [--rate-limit N] [--latency-ms N]}
 * (a PagerDuty Events API v2 stand-in that also receives Standard Webhooks and Teams Workflows cards), for
 * local trials and the benchmark.
 */
public final class SimulatorCommand {
    static final String NAME = "pagerduty-simulator";

    private SimulatorCommand() {
    }

    /** Runs the simulator and answers true when {@code args} ask for it; false otherwise. */
    public static boolean runIfAsked(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals(NAME)) {
            return false;
        }
        PagerDutySimulator.main(Arrays.copyOfRange(args, 1, args.length));
        return true;
    }
}
