package org.healthscore.service.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows point one way: service -> persistence -> api (DESIGN.md section 2). */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.healthscore");

    @Test
    void apiKnowsNothingOfTheOtherLayers() {
        noClasses().that().resideInAPackage("org.healthscore.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.healthscore.persistence..",
                        "org.healthscore.service..", "io.dropwizard..", "org.jdbi..", "jakarta.ws.rs..")
                .check(CLASSES);
    }

    @Test
    void persistenceKnowsNothingOfHttpOrGraphQL() {
        noClasses().that().resideInAPackage("org.healthscore.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.healthscore.service..", "jakarta.ws.rs..",
                        "graphql..", "io.dropwizard..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnTheirAdapters() {
        noClasses().that().resideInAnyPackage("org.healthscore.service.catalog..", "org.healthscore.service.key..",
                        "org.healthscore.service.workspace..", "org.healthscore.service.audit..",
                        "org.healthscore.service.auth..", "org.healthscore.service.paging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.healthscore.service.rest..",
                        "org.healthscore.service.graphql..", "org.healthscore.service.web..")
                .check(CLASSES);
    }

    @Test
    void restAndGraphQLDoNotTouchTheDatabase() {
        noClasses().that().resideInAnyPackage("org.healthscore.service.rest..", "org.healthscore.service.graphql..")
                .should().dependOnClassesThat().resideInAnyPackage("org.healthscore.persistence..", "org.jdbi..")
                .check(CLASSES);
    }
}
