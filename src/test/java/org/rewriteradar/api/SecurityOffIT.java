package org.rewriteradar.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rewriteradar.StateDirs;

/** With {@code radar.security.enabled=false} (the local run) no credentials are asked for. */
@QuarkusTest
@TestProfile(SecurityOffIT.Off.class)
class SecurityOffIT {

    /** Security off; no broker needed for what is checked. */
    public static class Off implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "radar.security.enabled",
                    "false",
                    "kafka.bootstrap.servers",
                    "localhost:1",
                    "quarkus.kafka-streams.application-id",
                    "radar-off-" + UUID.randomUUID(),
                    "kafka-streams.state.dir",
                    StateDirs.fresh("radar-off").toString());
        }
    }

    @Test
    void anonymousCallsReachTheEndpoints() {
        // past authentication and roles: the answers are the endpoints' own
        given().get("/articles/x").then().statusCode(503);
        given().get("/alerts").then().statusCode(503);
        given().contentType("application/json")
                .body("[]")
                .post("/articles")
                .then()
                .statusCode(400);
    }
}
