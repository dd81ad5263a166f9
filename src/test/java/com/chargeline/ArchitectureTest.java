package com.chargeline;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
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

    /**
     * Usage becomes stored ratings one way (ingest, SMS, re-rating, import, seed and demo alike): only RateBatch
     * rates records into rows, applies a batch's rollups and stores the minutes it drew.
     */
    @ArchTest
    static final ArchRule usage_is_rated_only_through_rate_batch = noClasses()
            .that().doNotHaveFullyQualifiedName("com.chargeline.usage.ingest.RateBatch")
            .should().callMethodWhere(describe("rate a record, apply rollups or store drawn minutes", (JavaMethodCall call) -> {
                var target = call.getTarget();
                var owner = target.getOwner();
                return !call.getOrigin().getModifiers().contains(JavaModifier.BRIDGE) && target.getName().equals("rate")
                        && owner.isAssignableTo("com.chargeline.usage.ingest.RecordRater")
                        || target.getName().equals("apply") && owner.getName().equals("com.chargeline.usage.aggregate.Rollups")
                        || target.getName().equals("store")
                        && owner.getName().equals("com.chargeline.usage.ingest.AllowanceLedger");
            }));

    @ArchTest
    static final ArchRule the_api_does_not_use_the_cli = noClasses().that().resideInAPackage("com.chargeline.api..")
            .should().dependOnClassesThat().resideInAPackage("com.chargeline.cli..");
}
