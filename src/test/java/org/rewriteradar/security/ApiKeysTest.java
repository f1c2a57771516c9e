package org.rewriteradar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void findsAKeyByItsHashOnly() {
        String key = "0123456789abcdef-secret";
        ApiKeys keys = ApiKeys.parse(List.of(
                "feeds:" + ApiKeys.hashOf(key) + ":ingest",
                " desk : " + ApiKeys.hashOf("other") + " : reader+ingest "));
        assertThat(keys.find(key)).hasValueSatisfying(e -> {
            assertThat(e.name()).isEqualTo("feeds");
            assertThat(e.roles()).isEqualTo(Set.of("ingest"));
        });
        assertThat(keys.find("other"))
                .hasValueSatisfying(e -> assertThat(e.roles()).containsExactlyInAnyOrder("reader", "ingest"));
        assertThat(keys.find(ApiKeys.hashOf(key))).as("the hash is not the key").isEmpty();
        assertThat(keys.find("")).isEmpty();
        assertThat(ApiKeys.hashOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void refusesMalformedEntriesWithoutEchoingTheHash() {
        assertThatThrownBy(() -> ApiKeys.parse(List.of("no-hash")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 1");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("k:abcd:reader")))
                .hasMessageContaining("64 hexadecimal digits")
                .hasMessageNotContaining("abcd");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("k:" + ApiKeys.hashOf("x") + ":root")))
                .hasMessageContaining("roles");
        assertThat(ApiKeys.parse(List.of("", " ")).isEmpty()).isTrue();
    }
}
