package app.ascend.notify.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import app.ascend.notify.AscendNotifyApplication;

/**
 * The service as a separate JVM process, started from the test classpath, so a test can kill it
 * with SIGKILL ({@link #kill()}) the way a crash would, and start it again on the same port and
 * database ({@link #restart(String)}) the way a supervisor would.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Map<String, String> environment;
    private final Path logDir;

    private ServiceProcess(Process process, int port, Map<String, String> environment, Path logDir) {
        this.process = process;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logDir = logDir;
    }

    public static ServiceProcess start(String name, Map<String, String> environment, Path logDir) throws IOException {
        return start(name, environment, logDir, freePort());
    }

    /** Starts on {@code port}: clients keep one address across restarts (and get refused while it is down). */
    public static ServiceProcess start(String name, Map<String, String> environment, Path logDir, int port)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), AscendNotifyApplication.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        File log = logDir.resolve(name + ".log").toFile();
        builder.redirectErrorStream(true).redirectOutput(log);
        ServiceProcess service = new ServiceProcess(builder.start(), port, environment, logDir);
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await(name + " ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!service.process.isAlive()) {
                        throw new IllegalStateException(name + " exited; see " + log);
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health")).build(),
                                HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * A new process with the same environment on the same port, once this one is gone (after
     * {@link #kill()}); its log is {@code <name>.log} beside this one's.
     */
    public ServiceProcess restart(String name) throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("still running: kill() or close() it first");
        }
        return start(name, environment, logDir, port);
    }

    /** SIGKILL: no shutdown hooks, no graceful stop, claims left in flight. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
