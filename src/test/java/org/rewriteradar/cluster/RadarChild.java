package org.rewriteradar.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.rewriteradar.streams.RadarTopology;

/**
 * The service's topology as a separate JVM, so a test can kill it with SIGKILL. Arguments: bootstrap
 * servers, application id, state dir, maximum lifetime in seconds. Prints {@code RADAR-CHILD STATE x}
 * on every state change. Halts when its standard input closes (the test JVM went away) or its lifetime
 * is over, so it never outlives the test.
 */
public final class RadarChild {

    static final String STATE_PREFIX = "RADAR-CHILD STATE ";

    private RadarChild() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String applicationId = args[1];
        Path stateDir = Path.of(args[2]);
        long lifetimeSeconds = Long.parseLong(args[3]);

        Thread watchdog = new Thread(
                () -> {
                    try (InputStream in = System.in) {
                        while (in.read() >= 0) {
                            // the parent writes nothing; EOF means it is gone
                        }
                    } catch (IOException e) {
                        // treat as gone
                    }
                    say("parent gone, halting");
                    Runtime.getRuntime().halt(3);
                },
                "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        KafkaStreams streams = new KafkaStreams(
                RadarTopology.build(Reference.config(), Reference.engine()),
                ClusterSupport.streamsPropsFastFailover(bootstrap, applicationId, stateDir));
        streams.setStateListener((next, previous) -> say(STATE_PREFIX + next));
        streams.setUncaughtExceptionHandler(e -> {
            say("stream thread failed: " + e);
            e.printStackTrace(System.out);
            Runtime.getRuntime().halt(2);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        if (!new CountDownLatch(1).await(lifetimeSeconds, TimeUnit.SECONDS)) {
            say("lifetime over, halting");
            Runtime.getRuntime().halt(4);
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
