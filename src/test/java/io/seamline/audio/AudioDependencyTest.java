package io.seamline.audio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Pins the layering of the audio package and of the gap detectors built on it. */
class AudioDependencyTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.seamline");

    @Test
    void audioDependsOnNoOtherSeamlinePackage() {
        noClasses().that().resideInAPackage("io.seamline.audio..")
                .should().dependOnClassesThat().resideInAnyPackage("io.seamline.capture..", "io.seamline.sip..",
                        "io.seamline.rtp..", "io.seamline.analysis..", "io.seamline.timeline..",
                        "io.seamline.stitch..", "io.seamline.casefile..", "io.seamline.report..", "io.seamline.ui..",
                        "io.seamline.cli..")
                .because("audio is a leaf: readers and the pyramid serve every other package")
                .check(CLASSES);
    }

    @Test
    void gapDetectorsDependOnAudioOnly() {
        noClasses().that().resideInAPackage("io.seamline.analysis")
                .and().haveSimpleNameEndingWith("Detector")
                .should().dependOnClassesThat().resideInAnyPackage("io.seamline.capture..", "io.seamline.sip..",
                        "io.seamline.rtp..", "io.seamline.timeline..", "io.seamline.stitch..",
                        "io.seamline.casefile..", "io.seamline.report..", "io.seamline.ui..", "io.seamline.cli..",
                        "javafx..", "java.awt..", "javax.swing..")
                .because("lane detectors are pure functions over PCM lanes from io.seamline.audio")
                .check(CLASSES);
    }
}
