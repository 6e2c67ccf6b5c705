package org.healthscore.service.evaluation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The evaluation core takes plain values and returns plain values (DESIGN.md section 2): it may use the JDK's
 * values and collections, the API's records and enums and commons-math's linear algebra, and nothing that does
 * I/O, reads a clock or belongs to a framework.
 */
class EvaluationPurityTest {

    private static final JavaClasses EVALUATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.healthscore.service.evaluation");

    @Test
    void dependsOnNothingButValues() {
        classes().that().resideInAPackage("org.healthscore.service.evaluation..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.healthscore.service.evaluation..",
                        "org.healthscore.api..",
                        "org.apache.commons.math3..",
                        "java.lang..", "java.util..", "java.time..")
                .check(EVALUATION);
    }

    @Test
    void readsNoClock() {
        // A report is a function of its rows: the same rows must give the same report on any day.
        noClasses().that().resideInAPackage("org.healthscore.service.evaluation..")
                .should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(EVALUATION);
    }
}
