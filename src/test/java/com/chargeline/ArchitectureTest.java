package com.chargeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md §2: domains never import api (or cli); common imports no domain; only storage runs COPY. */
@AnalyzeClasses(packages = "com.chargeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] DOMAINS = {
        "com.chargeline.accounts..", "com.chargeline.catalog..", "com.chargeline.subscriptions..",
        "com.chargeline.usage..", "com.chargeline.invoicing..", "com.chargeline.storage.."};

    @ArchTest
    static final ArchRule domains_do_not_use_the_http_layer = noClasses().that().resideInAnyPackage(DOMAINS)
            .should().dependOnClassesThat().resideInAnyPackage("com.chargeline.api..", "com.chargeline.cli..",
                    "io.javalin..");

    @ArchTest
    static final ArchRule common_depends_on_no_domain = noClasses().that().resideInAPackage("com.chargeline.common..")
            .should().dependOnClassesThat().resideInAnyPackage(DOMAINS)
            .orShould().dependOnClassesThat().resideInAnyPackage("com.chargeline.api..", "com.chargeline.cli..");

    /** Every bulk write goes through storage.BulkCopy: one lifecycle, one encoder, one exception policy. */
    @ArchTest
    static final ArchRule only_storage_uses_the_drivers_copy_api = noClasses()
            .that().resideOutsideOfPackage("com.chargeline.storage..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.postgresql.PGConnection")
            .orShould().dependOnClassesThat().resideInAPackage("org.postgresql.copy..");

    @ArchTest
    static final ArchRule the_api_does_not_use_the_cli = noClasses().that().resideInAPackage("com.chargeline.api..")
            .should().dependOnClassesThat().resideInAPackage("com.chargeline.cli..");
}
