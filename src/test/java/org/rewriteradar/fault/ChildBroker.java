package org.rewriteradar.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;

/**
 * A real single-node KRaft Kafka broker (broker and controller combined) in its own JVM, from Kafka's own
 * jars on the test class path ({@code kafka.Kafka}, as {@code ./mvnw -Plocal} runs it), so that a scenario
 * can stop it cleanly (SIGTERM), kill it (SIGKILL) and start it again on the same log directory and ports.
 *
 * <p>Two client listeners: {@code INTERNAL} for the test's own clients (publisher, verifier) and
 * {@code EXTERNAL} for the service instances, advertised on a port the scenario chooses: the port of a TCP
 * proxy in front of it when the network between instances and broker is to be cut (a client reconnects to
 * the advertised address, so the broker must name the proxy), its own port otherwise.
 */
final class ChildBroker implements AutoCloseable {

    private final Path dir;
    private final int internalPort;
    private final int externalPort;
    private final int controllerPort;
    private final int advertisedExternalPort;
    private final Path log;
    private Process process;
    private int starts;

    private ChildBroker(Path dir, int advertisedExternalPort, boolean proxied) {
        this.dir = dir;
        this.internalPort = Ports.free();
        this.externalPort = Ports.free();
        this.controllerPort = Ports.free();
        this.advertisedExternalPort = proxied ? advertisedExternalPort : externalPort;
        this.log = dir.resolve("broker.log");
    }

    /** A broker whose instances connect to it directly. */
    static ChildBroker direct(Path dir) {
        return new ChildBroker(dir, 0, false);
    }

    /** A broker that tells its instances to connect through a proxy listening on {@code proxyPort}. */
    static ChildBroker behindProxy(Path dir, int proxyPort) {
        return new ChildBroker(dir, proxyPort, true);
    }

    /** Bootstrap address for the test's own clients (never through a proxy). */
    String bootstrap() {
        return "localhost:" + internalPort;
    }

    /** Bootstrap address for service instances: the proxy's when there is one. */
    String instanceBootstrap() {
        return "localhost:" + advertisedExternalPort;
    }

    /** The port the instance listener really listens on (a proxy's target). */
    int externalPort() {
        return externalPort;
    }

    /** Formats the log directory (first time only) and starts the broker; returns once it answers. */
    ChildBroker start() {
        try {
            Path config = writeConfig();
            if (starts == 0) {
                run(List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "--standalone",
                        "--cluster-id",
                        "ZmF1bHQtc3VpdGUtMDAwMQ",
                        "--config",
                        config.toString()));
            }
            List<String> cmd = java("-Xmx512m", "-Dkafka.logs.dir=" + dir.resolve("logs"));
            cmd.add("kafka.Kafka");
            cmd.add(config.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = pb.start();
            Children.register(process);
            starts++;
            awaitReady(Duration.ofSeconds(120));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration atMost) {
        Awaitility.await("broker answers on " + bootstrap())
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .failFast("broker process ended; log " + log, () -> !process.isAlive())
                .until(() -> {
                    if (!listening(internalPort) || !listening(externalPort)) {
                        return false;
                    }
                    try (Admin admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            5000,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            4000))) {
                        return !admin.describeCluster()
                                .nodes()
                                .get(5, TimeUnit.SECONDS)
                                .isEmpty();
                    }
                });
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM: Kafka's controlled shutdown; waits for the process to end. */
    void stop() {
        end(false);
    }

    /** SIGKILL: no controlled shutdown, nothing flushed beyond what the OS already has. */
    void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String logTail(int chars) {
        return Children.tail(log, chars);
    }

    @Override
    public void close() {
        kill();
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        String props = String.join(
                "\n",
                "node.id=1",
                "process.roles=broker,controller",
                "listeners=INTERNAL://localhost:" + internalPort + ",EXTERNAL://localhost:" + externalPort
                        + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=INTERNAL://localhost:" + internalPort + ",EXTERNAL://localhost:"
                        + advertisedExternalPort,
                "inter.broker.listener.name=INTERNAL",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                // the records the service may write (README, Record sizes)
                "message.max.bytes=8388608",
                "");
        Path file = dir.resolve("server.properties");
        Files.writeString(file, props, StandardCharsets.UTF_8);
        return file;
    }

    private void run(List<String> mainAndArgs) throws IOException {
        List<String> cmd = java("-Xmx256m");
        cmd.addAll(mainAndArgs);
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("failed: " + mainAndArgs + "\n" + logTail(4000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> java(String... options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(options));
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        return cmd;
    }
}
