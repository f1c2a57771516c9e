package org.rewriteradar.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The child processes a scenario starts (brokers, service instances): killed when the test JVM ends, so
 * that none outlives it; POSIX signals the JDK has no method for (SIGSTOP, SIGCONT).
 */
final class Children {

    private static final List<Process> ALL = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Children::killAll, "kill-children"));
    }

    private Children() {}

    static void register(Process p) {
        ALL.add(p);
    }

    /** SIGKILLs every child still alive (each one resumed first, a stopped process ignores nothing else). */
    static void killAll() {
        for (Process p : ALL) {
            if (p.isAlive()) {
                signal(p, "CONT");
                p.destroyForcibly();
            }
        }
        for (Process p : ALL) {
            try {
                p.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        ALL.clear();
    }

    /** Sends {@code SIG<name>} (e.g. STOP, CONT) to the process with {@code kill}. */
    static void signal(Process p, String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + p.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last {@code chars} characters of a log file ("" when there is none). */
    static String tail(Path log, int chars) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.substring(Math.max(0, s.length() - chars));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
