package fr.cnam.aam.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The design's boundaries, checked on the compiled classes of every module: a context's core sees other contexts
 * only through their api; apis and the kernel see no core; the regulation module stays free of frameworks.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                         .importPackages("fr.cnam.aam");
    }

    @Test
    void aContextCoreNeverUsesAnotherContextCore() {
        slices().matching("fr.cnam.aam.(*).core..").should().notDependOnEachOther().allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void coresSeeNeitherTheAppNorTheEventStoreInternals() {
        noClasses().that().resideInAPackage("fr.cnam.aam.*.core..")
                   .should().dependOnClassesThat().resideInAnyPackage("fr.cnam.aam.app..", "fr.cnam.aam.eventstore..")
                   .check(classes);
    }

    @Test
    void apisAndTheKernelSeeNoCore() {
        noClasses().that().resideInAnyPackage("fr.cnam.aam.*.api..", "fr.cnam.aam.kernel..")
                   .should().dependOnClassesThat().resideInAPackage("fr.cnam.aam.*.core..")
                   .check(classes);
    }

    @Test
    void apisCarryNoSpringAndNoPersistence() {
        noClasses().that().resideInAPackage("fr.cnam.aam.*.api..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                                                                      "org.bson..")
                   .check(classes);
    }

    @Test
    void regulationAndKernelArePlainJava() {
        noClasses().that().resideInAnyPackage("fr.cnam.aam.regulation..", "fr.cnam.aam.kernel..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                                                                      "com.mongodb..")
                   .allowEmptyShould(true)
                   .check(classes);
    }
}
