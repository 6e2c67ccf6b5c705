package org.healthscore.service.scoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The scoring core takes plain values and returns plain values (DESIGN.md section 2): it may use the JDK's
 * values and collections, the API's metric enums and Jackson's annotations, and nothing that does I/O, reads a
 * clock or belongs to a framework.
 */
class ScoringPurityTest {

    private static final JavaClasses SCORING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.healthscore.service.scoring");

    @Test
    void dependsOnNothingButValues() {
        classes().that().resideInAPackage("org.healthscore.service.scoring..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.healthscore.service.scoring..",
                        "org.healthscore.api.metric..",
                        "com.fasterxml.jackson.annotation..",
                        "java.lang..", "java.util..", "java.time..")
                .check(SCORING);
    }

    @Test
    void readsNoClock() {
        // asOf is always an input: a score that read the clock could not be recomputed or backtested.
        noClasses().that().resideInAPackage("org.healthscore.service.scoring..")
                .should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(SCORING);
    }
}
