package io.seamline.sip;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SipArchitectureTest {

    private static final JavaClasses SIP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.seamline.sip");

    @Test
    void dependsOnlyOnTheJdk() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.seamline.sip..", "java..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..")
                .because("the SIP package parses bytes handed to it and must not depend on other Seamline packages "
                        + "or libraries")
                .check(SIP);
    }

    @Test
    void neverPrints() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("only io.seamline.cli prints; problems go into exceptions and warnings")
                .check(SIP);
    }
}
