package io.vizora.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.vizora.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainLogicIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta..", "reactor..", "io.r2dbc..", "tools.jackson..", "io.swagger..")
            .because("domain logic is plain Java, tested without a container");

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..web..", "..application..");

    @ArchTest
    static final ArchRule persistenceDoesNotKnowTheWeb = noClasses().that().resideInAPackage("..persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..");
}
