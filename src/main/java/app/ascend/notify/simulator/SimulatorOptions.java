package app.ascend.notify.simulator;

/**
 * Command-line options of {@link PagerDutySimulator#main(String[])}:
 * {@code [--host ADDR] [--port N] [--rate-limit N] [--latency-ms N]}.
 */
record SimulatorOptions(String host, int port, int rateLimit, long latencyMillis) {

    static final int DEFAULT_PORT = 8090;

    static SimulatorOptions parse(String[] args) {
        String host = PagerDutySimulator.DEFAULT_HOST;
        int port = DEFAULT_PORT;
        int rateLimit = RateWindow.DEFAULT_LIMIT;
        long latency = 0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = Integer.parseInt(value);
                case "--rate-limit" -> rateLimit = Integer.parseInt(value);
                case "--latency-ms" -> latency = Long.parseLong(value);
                default -> throw new IllegalArgumentException("Unknown option " + option
                        + " (use --host ADDR, --port N, --rate-limit N, --latency-ms N)");
            }
        }
        return new SimulatorOptions(host, port, rateLimit, latency);
    }
}
