package io.seamline.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ReportArchitectureTest {

    private static final JavaClasses REPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.seamline.report");

    @Test
    void reportDependsOnNoOtherSeamlinePackage() {
        noClasses().that().resideInAPackage("io.seamline.report..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "classes of another io.seamline package",
                        c -> c.getPackageName().startsWith("io.seamline.") && !c.getPackageName().startsWith("io.seamline.report")))
                .because("the lead hands the report its content; signing and verification stand alone")
                .check(REPORT);
    }

    @Test
    void reportUsesNoUiToolkit() {
        noClasses().that().resideInAPackage("io.seamline.report..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..")
                .because("only io.seamline.ui may use a UI toolkit")
                .check(REPORT);
    }

    @Test
    void reportPrintsNothing() {
        noClasses().that().resideInAPackage("io.seamline.report..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("only io.seamline.cli prints; problems go into exceptions and result objects")
                .check(REPORT);
    }
}
