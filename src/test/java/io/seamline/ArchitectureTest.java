package io.seamline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering DEVELOPERS.md describes, enforced on the production classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.seamline");
    }

    @Test
    void onlyTheUiUsesJavaFxOrSwing() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.seamline.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..")
                .because("the core must run headless in the CLI and in tests; only the window is JavaFX");
        rule.check(classes);
    }

    @Test
    void onlyTheUiAndTheReportUseAwt() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("io.seamline.ui..", "io.seamline.report..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..")
                .because("AWT needs a display or headless setup; the report uses it only to put images in PDFs");
        rule.check(classes);
    }

    @Test
    void onlyTheCliWritesToStandardOutputOrError() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.seamline.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("scripts read the CLI's output and the window shows its own messages: core code"
                        + " reports through return values, exceptions and listeners");
        rule.check(classes);
    }

    @Test
    void theCoreDependsOnNeitherFrontEnd() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("io.seamline.cli..", "io.seamline.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.seamline.cli..", "io.seamline.ui..")
                .because("the CLI and the window are two front ends over the same core operations");
        rule.check(classes);
    }

    @Test
    void theWindowDoesNotDependOnTheCommandLine() {
        ArchRule rule = noClasses().that().resideInAPackage("io.seamline.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.seamline.cli..")
                .because("the window calls core services directly, never by way of CLI commands");
        rule.check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchRule rule = slices().matching("io.seamline.(*)..").should().beFreeOfCycles()
                .because("each capability builds on the ones below it; a cycle would make them one lump");
        rule.check(classes);
    }
}
