package org.rewriteradar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Missing shared data skips a test locally and fails it on CI. */
class SharedDataTest {

    @TempDir
    Path root;

    @Test
    void skipsWhenAbsentAndNotRequired() {
        assertThatThrownBy(() -> SharedData.require(root, "data/seeds", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("is absent");
    }

    @Test
    void failsWhenAbsentAndRequired() {
        assertThatThrownBy(() -> SharedData.require(root, "data/seeds", true))
                .isInstanceOf(AssertionError.class)
                .isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("required");
    }

    @Test
    void returnsThePresentFolderEitherWay() throws Exception {
        Path seeds = java.nio.file.Files.createDirectories(root.resolve("data/seeds"));
        assertThat(SharedData.require(root, "data/seeds", true)).isEqualTo(seeds);
        assertThat(SharedData.require(root, "data/seeds", false)).isEqualTo(seeds);
    }

    @Test
    void isRequiredOnCi() {
        // the environment of this JVM decides; CI sets CI=true
        assertThat(SharedData.required())
                .isEqualTo("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("radar.shared.required"));
    }
}
