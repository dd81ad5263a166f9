package com.chargeline;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.accounts.AccountQueries;
import com.chargeline.accounts.ApiClientQueries;
import com.chargeline.accounts.CreateAccount;
import com.chargeline.accounts.DisassociateSubAccount;
import com.chargeline.accounts.CreateApiClient;
import com.chargeline.accounts.RevokeApiClient;
import com.chargeline.accounts.UpdateAccountOptions;
import com.chargeline.accounts.UpdateBillingContact;
import com.chargeline.accounts.directory.DirectoryQueries;
import com.chargeline.accounts.directory.UpsertBillingAccount;
import com.chargeline.accounts.directory.ReleaseNumber;
import com.chargeline.accounts.directory.UpsertUsers;
import com.chargeline.api.SystemEndpoints;
import com.chargeline.api.v1.NativeApiClientEndpoints;
import com.chargeline.api.v1.NativeDeckEndpoints;
import com.chargeline.api.v1.NativeDirectoryEndpoints;
import com.chargeline.api.v1.NativeInvoiceEndpoints;
import com.chargeline.api.v1.NativePlanEndpoints;
import com.chargeline.api.v1.IngestGate;
import com.chargeline.api.v1.NativeUsageEndpoints;
import com.chargeline.api.auth.AccessTokens;
import com.chargeline.api.auth.Admission;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.api.limits.RateLimiter;
import com.chargeline.api.limits.RateRules;
import com.chargeline.api.auth.OAuthEndpoints;
import com.chargeline.api.paging.PageTokens;
import com.chargeline.api.zoom.ZoomAccountsEndpoints;
import com.chargeline.api.zoom.ZoomBillingEndpoints;
import com.chargeline.api.zoom.ZoomInvoiceEndpoints;
import com.chargeline.api.zoom.ZoomInvoiceDownloadEndpoints;
import com.chargeline.api.zoom.ZoomPaging;
import com.chargeline.api.zoom.ZoomPhoneReportEndpoints;
import com.chargeline.api.zoom.ZoomPlanChangeEndpoints;
import com.chargeline.api.zoom.ZoomPlanEndpoints;
import com.chargeline.api.zoom.ZoomPlanUsageEndpoints;
import com.chargeline.catalog.PlanCatalog;
import com.chargeline.invoicing.DraftInvoice;
import com.chargeline.invoicing.InvoiceDocuments;
import com.chargeline.invoicing.InvoicePdf;
import com.chargeline.invoicing.InvoiceQueries;
import com.chargeline.invoicing.Seller;
import com.chargeline.invoicing.PayInvoice;
import com.chargeline.invoicing.PostInvoice;
import com.chargeline.invoicing.RunInvoices;
import com.chargeline.invoicing.TaxRates;
import com.chargeline.invoicing.VoidInvoice;
import com.chargeline.invoicing.reports.DeleteInvoiceReport;
import com.chargeline.invoicing.reports.InvoiceReportQueries;
import com.chargeline.invoicing.reports.InvoiceReportWorker;
import com.chargeline.invoicing.reports.RequestInvoiceReport;
import com.chargeline.api.zoom.ZoomInvoiceReportEndpoints;
import com.chargeline.subscriptions.AddAddons;
import com.chargeline.subscriptions.CancelAddon;
import com.chargeline.subscriptions.CancelBasePlan;
import com.chargeline.subscriptions.ChangeAddon;
import com.chargeline.subscriptions.ChangeBasePlan;
import com.chargeline.subscriptions.PlanQueries;
import com.chargeline.subscriptions.PlanReports;
import com.chargeline.subscriptions.PlanRules;
import com.chargeline.subscriptions.SetPlanDiscount;
import com.chargeline.subscriptions.Subscribe;
import com.chargeline.storage.Database;
import com.chargeline.storage.SigningKeys;
import com.chargeline.invoicing.UsageCharges;
import com.chargeline.accounts.UpdateTimeZone;
import com.chargeline.api.v1.NativeAccountSettingsEndpoints;
import com.chargeline.usage.ingest.AccountContexts;
import com.chargeline.usage.ingest.IngestUsage;
import com.chargeline.common.metrics.Metrics;
import com.chargeline.usage.ingest.RerateCalls;
import com.chargeline.usage.ingest.SeedUsage;
import com.chargeline.usage.ingest.UsageQueries;
import com.chargeline.usage.reports.ChargeReports;
import com.chargeline.usage.rating.CallingPlanQueries;
import com.chargeline.usage.rating.CreateCallingPlan;
import com.chargeline.usage.rating.AssignRateDeck;
import com.chargeline.usage.rating.CreateRateDeck;
import com.chargeline.usage.rating.ImportRates;
import com.chargeline.usage.rating.NumberClassifier;
import com.chargeline.usage.rating.PriceLists;
import com.chargeline.usage.rating.RateDeckQueries;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.apibuilder.EndpointGroup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;

/** Hand-written constructor wiring of every use case, service and endpoint group (no DI container). */
public final class Wiring {
    public final Database db;
    public final Clock clock;
    public final ObjectMapper mapper;
    public final PrometheusMeterRegistry registry;
    /** Chargeline's own meters on {@link #registry}; rate limiting counts its refusals with {@code metrics.rateLimited}. */
    public final Metrics metrics;
    /** Ingest's share: the batches that run at once and wait (serve --ingest-concurrency). */
    public final IngestGate ingestGate;
    private final App.Operations operations;
    public final AccountAccess access;
    public final AccountQueries accountQueries;
    public final CreateAccount createAccount;
    public final UpdateBillingContact updateBillingContact;
    public final UpdateAccountOptions updateAccountOptions;
    public final DisassociateSubAccount disassociateSubAccount;
    public final CreateApiClient createApiClient;
    public final ApiClientQueries apiClientQueries;
    public final RevokeApiClient revokeApiClient;
    public final AccessTokens accessTokens;
    public final PageTokens pageTokens;
    public final BearerAuth bearerAuth;
    /** The rate limits, or null when they are off. */
    public final RateLimiter rateLimiter;
    public final DirectoryQueries directory;
    public final UpsertUsers upsertUsers;
    public final ReleaseNumber releaseNumber;
    public final UpsertBillingAccount upsertBillingAccount;
    public final CallingPlanQueries callingPlans;
    public final CreateCallingPlan createCallingPlan;
    public final PriceLists priceLists;
    public final RateDeckQueries rateDeckQueries;
    public final CreateRateDeck createRateDeck;
    public final ImportRates importRates;
    public final AssignRateDeck assignRateDeck;
    public final NumberClassifier classifier;
    public final AccountContexts accountContexts;
    public final IngestUsage ingestUsage;
    public final RerateCalls rerateCalls;
    public final UpdateTimeZone updateTimeZone;
    public final UsageQueries usageQueries;
    public final UsageCharges usageCharges;
    public final ChargeReports chargeReports;
    public final com.chargeline.usage.reports.MonthlyUsage monthlyUsage;
    public final com.chargeline.usage.reports.UsageSummary usageSummary;
    public final SeedUsage seedUsage;
    public final PlanCatalog planCatalog;
    public final PlanRules planRules;
    public final PlanQueries planQueries;
    public final Subscribe subscribe;
    public final AddAddons addAddons;
    public final ChangeAddon changeAddon;
    public final CancelAddon cancelAddon;
    public final ChangeBasePlan changeBasePlan;
    public final CancelBasePlan cancelBasePlan;
    public final SetPlanDiscount setPlanDiscount;
    public final PlanReports planReports;
    public final InvoiceQueries invoiceQueries;
    public final DraftInvoice draftInvoice;
    public final PostInvoice postInvoice;
    public final PayInvoice payInvoice;
    public final VoidInvoice voidInvoice;
    public final RunInvoices runInvoices;
    public final InvoiceReportQueries invoiceReportQueries;
    public final RequestInvoiceReport requestInvoiceReport;
    public final DeleteInvoiceReport deleteInvoiceReport;
    public final InvoiceReportWorker invoiceReportWorker;
    public final InvoiceDocuments invoiceDocuments;
    public final com.chargeline.accounts.DashboardSessions dashboardSessions;
    public final com.chargeline.usage.reports.RollupTotals rollupTotals;
    private final String publicBaseUrl;

    public Wiring(Database db, Clock clock, PrometheusMeterRegistry registry, String publicBaseUrl) {
        this(db, clock, registry, publicBaseUrl, Seller.DEFAULT);
    }

    /** {@code seller}: the block invoice PDFs show as their issuer. */
    public Wiring(Database db, Clock clock, PrometheusMeterRegistry registry, String publicBaseUrl, Seller seller) {
        this(db, clock, registry, publicBaseUrl, seller, null, App.Operations.DEFAULT);
    }

    /**
     * Everything wired; {@code rateRules} null: no rate limits (tests, benchmarks, {@code --rate-limits off});
     * {@code operations}: ingest's share of the machine and where {@code /metrics} is served.
     */
    public Wiring(Database db, Clock clock, PrometheusMeterRegistry registry, String publicBaseUrl, Seller seller,
                  RateRules rateRules, App.Operations operations) {
        this.db = db;
        this.operations = operations;
        this.clock = clock;
        this.registry = registry;
        this.metrics = new Metrics(registry);
        this.ingestGate = new IngestGate(operations.ingest(), metrics);
        this.publicBaseUrl = publicBaseUrl;
        this.mapper = objectMapper();
        this.access = new AccountAccess(db);
        this.accountQueries = new AccountQueries(db);
        this.createAccount = new CreateAccount(db, clock);
        this.updateBillingContact = new UpdateBillingContact(db, clock);
        this.updateAccountOptions = new UpdateAccountOptions(db);
        this.disassociateSubAccount = new DisassociateSubAccount(db, clock);
        this.createApiClient = new CreateApiClient(db, clock);
        this.apiClientQueries = new ApiClientQueries(db);
        this.revokeApiClient = new RevokeApiClient(db, clock);
        this.accessTokens = new AccessTokens(SigningKeys.loadOrCreate(db, "access_token", 64, clock), clock);
        this.pageTokens = new PageTokens(SigningKeys.loadOrCreate(db, "page_token", 32, clock), clock);
        this.rateLimiter = rateRules == null ? null : new RateLimiter(db, clock, rateRules,
                label -> metrics.rateLimited(label.wire()));
        this.bearerAuth = new BearerAuth(accessTokens, apiClientQueries,
                rateLimiter == null ? Admission.NONE : rateLimiter);
        this.directory = new DirectoryQueries(db);
        this.upsertUsers = new UpsertUsers(db, accountQueries, clock);
        this.releaseNumber = new ReleaseNumber(db, accountQueries, clock);
        this.upsertBillingAccount = new UpsertBillingAccount(db);
        this.callingPlans = new CallingPlanQueries(db);
        this.createCallingPlan = new CreateCallingPlan(db);
        this.priceLists = new PriceLists(db);
        this.rateDeckQueries = new RateDeckQueries(db, priceLists);
        this.createRateDeck = new CreateRateDeck(db, clock);
        this.importRates = new ImportRates(db, clock);
        this.assignRateDeck = new AssignRateDeck(db, clock);
        this.classifier = new NumberClassifier();
        this.accountContexts = new AccountContexts(accountQueries, directory, priceLists, callingPlans);
        this.ingestUsage = new IngestUsage(db, clock, accountContexts, classifier, metrics, operations.ingest().nice());
        this.rerateCalls = new RerateCalls(db, clock, accountContexts, classifier, metrics);
        this.updateTimeZone = new UpdateTimeZone(db);
        this.usageQueries = new UsageQueries(db);
        this.usageCharges = new UsageCharges(db);
        this.chargeReports = new ChargeReports(db);
        this.monthlyUsage = new com.chargeline.usage.reports.MonthlyUsage(db, clock);
        this.usageSummary = new com.chargeline.usage.reports.UsageSummary(db);
        this.seedUsage = new SeedUsage(ingestUsage, directory, clock);
        this.planCatalog = PlanCatalog.load();
        this.planRules = new PlanRules(planCatalog);
        this.planQueries = new PlanQueries(db, clock, planRules);
        this.subscribe = new Subscribe(db, clock, planRules, updateBillingContact);
        this.addAddons = new AddAddons(db, clock, planRules);
        this.changeAddon = new ChangeAddon(db, clock, planRules);
        this.cancelAddon = new CancelAddon(db, clock, planRules);
        this.changeBasePlan = new ChangeBasePlan(db, clock, planRules);
        this.cancelBasePlan = new CancelBasePlan(db, clock);
        this.setPlanDiscount = new SetPlanDiscount(db, clock);
        this.planReports = new PlanReports(db, clock, planCatalog, planQueries);
        this.invoiceQueries = new InvoiceQueries(db);
        this.draftInvoice = new DraftInvoice(db, clock);
        this.invoiceDocuments = new InvoiceDocuments(db, new InvoicePdf(seller), clock);
        this.postInvoice = new PostInvoice(db, clock, invoiceDocuments);
        this.payInvoice = new PayInvoice(db, clock);
        this.voidInvoice = new VoidInvoice(db, clock);
        this.runInvoices = new RunInvoices(db, clock, draftInvoice, planCatalog, TaxRates.defaults(), metrics);
        this.invoiceReportQueries = new InvoiceReportQueries(db, clock);
        this.requestInvoiceReport = new RequestInvoiceReport(db, clock, access);
        this.deleteInvoiceReport = new DeleteInvoiceReport(db, clock);
        this.invoiceReportWorker = new InvoiceReportWorker(db, clock, access, invoiceQueries);
        this.dashboardSessions = new com.chargeline.accounts.DashboardSessions(db, apiClientQueries, clock,
                com.chargeline.accounts.DashboardSessions.Limits.DEFAULT);
        this.rollupTotals = new com.chargeline.usage.reports.RollupTotals(db);
    }

    /** The web dashboard's page builder. */
    public com.chargeline.api.dashboard.DashboardPages dashboardPages() {
        return new com.chargeline.api.dashboard.DashboardPages(new com.chargeline.api.dashboard.DashboardPages.Sources(
                access, accountQueries, rollupTotals, usageQueries, planQueries, planReports, planCatalog,
                invoiceQueries, invoiceDocuments, priceLists), clock, mapper);
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public List<EndpointGroup> endpointGroups() {
        var paging = new ZoomPaging(pageTokens);
        return List.of(
                new SystemEndpoints(db, registry, operations.metricsPort() < 0, operations.metricsToken()),
                new OAuthEndpoints(apiClientQueries, accessTokens, publicBaseUrl),
                new ZoomAccountsEndpoints(access, accountQueries, createAccount, updateAccountOptions,
                        disassociateSubAccount, paging, mapper, planQueries),
                new ZoomBillingEndpoints(access, accountQueries, updateBillingContact, mapper, planQueries),
                new ZoomInvoiceEndpoints(access, planQueries, invoiceQueries, clock),
                new ZoomInvoiceDownloadEndpoints(access, invoiceQueries, invoiceDocuments),
                new ZoomPhoneReportEndpoints(chargeReports, paging, clock),
                new com.chargeline.api.talkdesk.TalkdeskUsageEndpoints(monthlyUsage,
                        new com.chargeline.api.talkdesk.TalkdeskOrganization(access), mapper, publicBaseUrl),
                new ZoomInvoiceReportEndpoints(access, requestInvoiceReport, deleteInvoiceReport, invoiceReportQueries,
                        paging, mapper, clock),
                new ZoomPlanEndpoints(access, planQueries, subscribe, clock, mapper),
                new ZoomPlanChangeEndpoints(access, new ZoomPlanChangeEndpoints.UseCases(addAddons, changeAddon,
                        cancelAddon, changeBasePlan, cancelBasePlan), planRules, mapper),
                new ZoomPlanUsageEndpoints(access, planReports, paging, mapper),
                new NativePlanEndpoints(access, planQueries, setPlanDiscount, mapper),
                new NativeUsageEndpoints(access, ingestUsage, usageQueries, mapper, ingestGate),
                new com.chargeline.api.v1.NativeUsageSummaryEndpoints(access, usageSummary, mapper),
                new NativeDeckEndpoints(access, rateDeckQueries, createRateDeck, importRates, assignRateDeck,
                        mapper),
                new NativeApiClientEndpoints(access, apiClientQueries, createApiClient, revokeApiClient, mapper),
                new NativeAccountSettingsEndpoints(access, accountQueries, updateTimeZone, mapper),
                new NativeInvoiceEndpoints(access, invoiceQueries,
                        new NativeInvoiceEndpoints.UseCases(postInvoice, payInvoice, voidInvoice), mapper),
                new NativeDirectoryEndpoints(access, directory, callingPlans, new NativeDirectoryEndpoints.UseCases(
                        upsertUsers, upsertBillingAccount, createCallingPlan, releaseNumber), mapper),
                // cookies marked Secure when the server is reached over https (--public-base-url https://...)
                new com.chargeline.api.dashboard.DashboardEndpoints(dashboardSessions, dashboardPages(),
                        publicBaseUrl != null && publicBaseUrl.startsWith("https:")));
    }
}
