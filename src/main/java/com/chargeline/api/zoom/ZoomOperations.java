package com.chargeline.api.zoom;

import com.chargeline.api.auth.Operation;
import com.chargeline.api.auth.RateLimit;
import com.chargeline.api.auth.RateLimit.Label;

/** The Zoom operations Chargeline serves, with the macro and granular scopes each accepts (from the official specs). */
public final class ZoomOperations {
    public static final Operation LIST_ACCOUNTS = Operation.of("accounts", RateLimit.zoom(Label.MEDIUM),
            "account:master", "account:write:master", "account:read:master", "account:read:list_sub_accounts:master");
    public static final Operation CREATE_ACCOUNT = Operation.of("accountCreate", RateLimit.zoom(Label.LIGHT),
            "account:master", "account:write:sub_account:master");
    public static final Operation GET_ACCOUNT = Operation.of("GetSubAccountDetails", RateLimit.zoom(Label.LIGHT),
            "account:master", "account:read:sub_account:master", "account:read:sub_account:admin");
    public static final Operation DELETE_ACCOUNT = Operation.of("DisassociateASubAccount", RateLimit.zoom(Label.LIGHT),
            "account:master", "account:write:master", "account:delete:sub_account:master");
    public static final Operation UPDATE_OPTIONS = Operation.of("UpdateOptions", RateLimit.zoom(Label.LIGHT),
            "account:master", "account:update:options:master");
    public static final Operation GET_BILLING = Operation.of("GetBillingInformation", RateLimit.zoom(Label.MEDIUM),
            "billing:master", "billing:read:billing_information:master", "billing:read:billing_information:admin");
    public static final Operation UPDATE_BILLING = Operation.of("UpdateBillingInformation", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:update:billing_information:master");
    public static final Operation LIST_INVOICES = Operation.of("ListBillingInvoices", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:read:list_invoices:master", "billing:read:list_invoices:admin");
    public static final Operation INVOICE_DETAILS = Operation.of("GetInvoiceDetails", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:read:invoice_details:master", "billing:read:invoice_details:admin");
    public static final Operation GET_PLANS = Operation.of("GetAccountPlanInformation", RateLimit.zoom(Label.MEDIUM),
            "billing:master", "billing:read:plan_information:master", "billing:read:plan_information:admin");
    public static final Operation SUBSCRIBE_PLAN = Operation.of("SubscribeAccountToAPlan", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:write:subscribe_plan:master");
    public static final Operation ADD_ADDONS = Operation.of("SubscribeAccountToAnAdditionalPlan", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:write:subscribe_additional_plans:master");
    public static final Operation UPDATE_ADDON = Operation.of("UpdateAnAccount'sAdditionalPlan", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:update:additional_plans:master");
    public static final Operation CANCEL_ADDON = Operation.of("CancelAdditionalPlans", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:update:cancel_additional_plans:master");
    public static final Operation UPDATE_BASE = Operation.of("UpdateABasePlan", RateLimit.zoom(Label.HEAVY), "billing:master", "billing:update:plan:master");
    public static final Operation CANCEL_BASE = Operation.of("CancelABasePlan", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:update:cancel_plan:master");
    public static final Operation PLAN_USAGE = Operation.of("GetPlanUsage", RateLimit.zoom(Label.HEAVY),
            "billing:master", "account:master", "billing:read:plan_usage:master", "billing:read:plan_usage:admin");
    public static final Operation RENEWALS = Operation.of("Getupcomingrenewalaccounts", RateLimit.zoom(Label.MEDIUM),
            "billing:master", "account:master", "billing:read:list_upcoming_renewal_accounts:master");
    public static final Operation LIST_INVOICE_REPORTS = Operation.of("listSubInvoiceReport", RateLimit.zoom(Label.HEAVY), "billing:master");
    public static final Operation GENERATE_INVOICE_REPORT = Operation.of("generateSubInvoiceReport", RateLimit.zoom(Label.HEAVY), "billing:master");
    public static final Operation DOWNLOAD_INVOICE_REPORT = Operation.of("downloadBillingInvoiceReport", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:read:download_invoice_reports:master");
    public static final Operation DELETE_INVOICE_REPORT = Operation.of("deleteBillingInvoiceReport", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:delete:invoice_report:master");
    public static final Operation DOWNLOAD_INVOICE = Operation.of("downloadInvoicePDF", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:read:download_invoice_file:master");
    public static final Operation DOWNLOAD_INVOICE_V2 = Operation.of("downloadInvoicePDFFile", RateLimit.zoom(Label.HEAVY),
            "billing:master", "billing:read:download_invoice_file:master");
    public static final Operation CALL_CHARGES = Operation.of("GetCallChargesUsageReport", RateLimit.zoomPhone(Label.HEAVY),
            "phone:read:admin", "phone:read:call_charges:admin");
    public static final Operation SMS_CHARGES = Operation.of("GetSMSChargesUsageReport", RateLimit.zoomPhone(Label.HEAVY),
            "phone:read:admin", "phone:read:sms_charges:admin");

    private ZoomOperations() {
    }
}
