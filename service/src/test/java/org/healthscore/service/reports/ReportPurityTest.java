package org.healthscore.service.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The page is a function of its data: the renderer reads no file, database, clock or framework. */
class ReportPurityTest {

    private static final JavaClasses REPORTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.healthscore.service.reports");

    @Test
    void dependsOnNothingButValues() {
        classes().that().resideInAPackage("org.healthscore.service.reports..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.healthscore.service.reports..",
                        "org.healthscore.api..",
                        "java.lang..", "java.util..", "java.time..")
                .check(REPORTS);
    }
}
