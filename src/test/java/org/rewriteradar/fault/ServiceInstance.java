package org.rewriteradar.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rewriteradar.StateDirs;

/**
 * One instance of the packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}
 * before the broker tier runs) in its own process, configured only through its documented environment
 * (README, Configuration): broker, application id, state directory, static member id, standby replicas,
 * close timeout, HTTP port. Two timing settings are shortened so that faults resolve within a test's time,
 * as the cluster tests do: the consumer session (6 s instead of 45 s) and its heartbeat. Nothing else of
 * the service is replaced.
 */
public final class ServiceInstance implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int httpPort;
    /** Health and metrics ({@code /q/...}) are on the management port, apart from the API. */
    public final int managementPort;

    final Path stateDir;
    final Path log;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Process process;
    private int starts;
    private Duration sessionTimeout = SESSION_TIMEOUT;

    public ServiceInstance(
            String name, Path workDir, String bootstrap, String applicationId, Map<String, String> more) {
        this.name = name;
        this.httpPort = Ports.free();
        this.managementPort = Ports.free();
        this.stateDir = workDir.resolve(name + "-state");
        this.log = workDir.resolve(name + ".log");
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("RADAR_APPLICATION_ID", applicationId);
        env.put("RADAR_STATE_DIR", stateDir.toString());
        env.put("RADAR_GROUP_INSTANCE_ID", name);
        env.put("RADAR_ADVERTISED_HOST", "localhost");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.putAll(more);
    }

    /**
     * The consumer session timeout of the next start ({@link #SESSION_TIMEOUT} unless set): longer where a
     * test freezes the instance and must not see the group rebalance meanwhile.
     */
    public ServiceInstance sessionTimeout(Duration timeout) {
        this.sessionTimeout = timeout;
        return this;
    }

    /** Starts the process (again, after a stop or kill: same state directory, same member id). */
    public ServiceInstance start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " missing: the broker tier runs after `package`");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Dkafka-streams.consumer.session.timeout.ms=" + sessionTimeout.toMillis());
        cmd.add("-Dkafka-streams.consumer.heartbeat.interval.ms=1500");
        // for experiments only (e.g. showing the checks catch at_least_once): extra JVM arguments
        for (String extra : System.getProperty("faults.instance.jvm-args", "").split("\\s+")) {
            if (!extra.isBlank()) {
                cmd.add(extra);
            }
        }
        cmd.add("-jar");
        cmd.add(JAR.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            Files.createDirectories(stateDir);
            Files.writeString(
                    log,
                    "\n===== start " + (++starts) + " =====\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
        Children.register(process);
        return this;
    }

    Process process() {
        return process;
    }

    /**
     * Asks the JVM for a full collection ({@code jcmd <pid> GC.run}), so that the live data after it (Micrometer's
     * {@code jvm_gc_live_data_size_bytes}) measures what the process still holds, not what it held at the last
     * major collection the heap happened to need.
     */
    void fullGc() {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(process.pid()),
                            "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                throw new IllegalStateException("jcmd GC.run on " + name + " did not finish in 30 s");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run jcmd on " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@code /q/health/ready} answers 200 (Kafka Streams RUNNING). */
    public boolean ready() {
        return status("/q/health/ready") == 200;
    }

    private int port(String path) {
        return path.startsWith("/q/") ? managementPort : httpPort;
    }

    /** HTTP status of a GET on this instance, -1 when it does not answer. */
    int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(path) + path))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The body of a GET on this instance, or null when it does not answer. */
    String get(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(path) + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() {
        if (alive()) {
            Children.signal(process, "CONT");
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM; true when the process ended within {@code atMost}. */
    boolean terminate(Duration atMost) {
        if (!alive()) {
            return true;
        }
        process.destroy();
        return waitFor(atMost);
    }

    public void pause() {
        Children.signal(process, "STOP");
    }

    public void resume() {
        Children.signal(process, "CONT");
    }

    boolean waitFor(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deletes the instance's whole state directory (the process must not be running). */
    void wipeState() {
        if (alive()) {
            throw new IllegalStateException(name + " still running");
        }
        StateDirs.delete(stateDir);
    }

    /** Bytes under the state directory. */
    long stateBytes() {
        if (!Files.exists(stateDir)) {
            return 0;
        }
        try (var walk = Files.walk(stateDir)) {
            return walk.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    /** Characters in the log so far: a mark for {@link #transitionsSince}. */
    int logMark() {
        return logText().length();
    }

    /** How often Kafka Streams left RUNNING (state transitions logged) after {@code mark}. */
    int leftRunningSince(int mark) {
        String text = logText();
        String after = text.substring(Math.min(mark, text.length()));
        int n = 0;
        for (int at = after.indexOf("State transition from RUNNING to");
                at >= 0;
                at = after.indexOf("State transition from RUNNING to", at + 1)) {
            n++;
        }
        return n;
    }

    public String logTail(int chars) {
        return Children.tail(log, chars);
    }

    String logText() {
        return Children.tail(log, Integer.MAX_VALUE);
    }

    @Override
    public void close() {
        kill();
    }
}
