package org.rewriteradar.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layering of the production code, bottom to top: {@code text} → {@code similarity} → {@code model} →
 * {@code config} → {@code streams} → {@code query} → {@code api}, with {@code security} (who may call the HTTP
 * API) beside them, used only by {@code query} and {@code api} and using none of them. Nothing depends upward,
 * the engine packages use no Kafka, Quarkus or service class, and the service reaches the engine only through
 * its façade.
 */
class LayeringTest {

    /** The engine's public API: the façade, the values it takes and gives, the codecs of its state. */
    static final Set<String> ENGINE_FACADE = Set.of(
            "RewriteEngine",
            "ArticleFingerprint",
            "StoryCoverage",
            "Detection",
            "DetectionSettings",
            "MatchedPassage",
            "RewriteKind",
            "FingerprintCodec",
            "BinaryCodec",
            "CandidateRanking");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.rewriteradar");

    @Test
    void nothingDependsUpward() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("text")
                .definedBy("org.rewriteradar.text..")
                .layer("similarity")
                .definedBy("org.rewriteradar.similarity..")
                .layer("model")
                .definedBy("org.rewriteradar.model..")
                .layer("config")
                .definedBy("org.rewriteradar.config..")
                .layer("streams")
                .definedBy("org.rewriteradar.streams..")
                .layer("query")
                .definedBy("org.rewriteradar.query..")
                .layer("security")
                .definedBy("org.rewriteradar.security..")
                .layer("api")
                .definedBy("org.rewriteradar.api..")
                .whereLayer("api")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("query")
                .mayOnlyBeAccessedByLayers("api")
                .whereLayer("security")
                .mayOnlyBeAccessedByLayers("query", "api")
                .whereLayer("streams")
                .mayOnlyBeAccessedByLayers("query", "api")
                .whereLayer("config")
                .mayOnlyBeAccessedByLayers("streams", "query", "api")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("config", "streams", "query", "api")
                .whereLayer("similarity")
                .mayOnlyBeAccessedByLayers("model", "config", "streams", "query", "api")
                .whereLayer("text")
                .mayOnlyBeAccessedByLayers("similarity")
                .check(PRODUCTION);
    }

    @Test
    void engineUsesNoKafkaQuarkusOrServiceClass() {
        noClasses()
                .that()
                .resideInAnyPackage("org.rewriteradar.text..", "org.rewriteradar.similarity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.kafka..",
                        "io.quarkus..",
                        "io.smallrye..",
                        "jakarta..",
                        "org.eclipse.microprofile..",
                        "io.vertx..",
                        "org.rewriteradar.model..",
                        "org.rewriteradar.config..",
                        "org.rewriteradar.streams..",
                        "org.rewriteradar.query..",
                        "org.rewriteradar.security..",
                        "org.rewriteradar.api..")
                .check(PRODUCTION);
    }

    @Test
    void securityUsesNoServicePackage() {
        noClasses()
                .that()
                .resideInAPackage("org.rewriteradar.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.rewriteradar.model..",
                        "org.rewriteradar.config..",
                        "org.rewriteradar.streams..",
                        "org.rewriteradar.query..",
                        "org.rewriteradar.api..",
                        "org.rewriteradar.similarity..",
                        "org.rewriteradar.text..")
                .check(PRODUCTION);
    }

    @Test
    void serviceReachesTheEngineOnlyThroughItsFacade() {
        classes()
                .that()
                .resideOutsideOfPackages("org.rewriteradar.similarity..", "org.rewriteradar.text..")
                .should()
                .onlyDependOnClassesThat(DescribedPredicate.not(engineInternals()))
                .check(PRODUCTION);
    }

    private static DescribedPredicate<JavaClass> engineInternals() {
        return DescribedPredicate.describe(
                "engine internals (similarity classes outside the façade " + ENGINE_FACADE + ", or text)",
                c -> c.getPackageName().startsWith("org.rewriteradar.text")
                        || (c.getPackageName().equals("org.rewriteradar.similarity")
                                && !ENGINE_FACADE.contains(topLevelName(c))));
    }

    private static String topLevelName(JavaClass c) {
        String simple = c.getName().substring(c.getPackageName().length() + 1);
        int nested = simple.indexOf('$');
        return nested < 0 ? simple : simple.substring(0, nested);
    }
}
