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

    /** The signing and signature-checking classes, usable without a case. */
    private static final String[] SIGNING = {"io.seamline.report.ExaminerKeyStore", "io.seamline.report.HttpTimestampClient",
        "io.seamline.report.PdfSigner", "io.seamline.report.PdfVerificationResult", "io.seamline.report.ReportFonts",
        "io.seamline.report.SignatureCheck", "io.seamline.report.SignatureDetails", "io.seamline.report.SignedPdfVerifier",
        "io.seamline.report.SigningException", "io.seamline.report.SigningIdentity", "io.seamline.report.TimestampSource"};

    @Test
    void signingDependsOnNoOtherSeamlinePackage() {
        noClasses().that().haveNameMatching("(" + String.join("|", SIGNING).replace(".", "\\.") + ")(\\$.*)?")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "classes of another io.seamline package",
                        c -> c.getPackageName().startsWith("io.seamline.") && !c.getPackageName().startsWith("io.seamline.report")))
                .because("signing and signature verification stand alone: they check any PDF, case or not")
                .check(REPORT);
    }

    @Test
    void reportReadsTheCoreButNoFrontEndOrStitching() {
        noClasses().that().resideInAPackage("io.seamline.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.seamline.ui..", "io.seamline.cli..",
                        "io.seamline.stitch..", "io.seamline.capture..", "io.seamline.sip..", "io.seamline.rtp..")
                .because("the report draws what analysis stored (casefile, analysis, audio pyramids, timeline);"
                        + " front ends call it, and the stitch is read from the case's stitch table")
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
