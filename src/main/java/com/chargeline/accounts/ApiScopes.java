package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OAuth scopes an API client can hold: Zoom's macro and granular scopes for the operations
 * Chargeline serves, and Chargeline's own {@code chargeline:*} scopes for the native API. Scopes
 * ending in {@code :master} act on sub accounts and are only granted to master accounts.
 */
public final class ApiScopes {
    /**
     * Talkdesk Billing Insights' "Get Monthly Usage" scope; asked for explicitly (it is in neither default set), by a
     * master (its organization: itself and its sub accounts) or a sub account (itself).
     */
    public static final String TALKDESK_USAGE_READ = "express-accounts-usage:read";
    public static final Set<String> KNOWN = Set.of(
            "account:master", "account:read:master", "account:write:master", "account:read:admin",
            "account:read:list_sub_accounts:master", "account:write:sub_account:master",
            "account:read:sub_account:master", "account:read:sub_account:admin",
            "account:delete:sub_account:master", "account:update:options:master",
            "billing:master",
            "billing:read:billing_information:master", "billing:read:billing_information:admin",
            "billing:update:billing_information:master",
            "billing:read:list_invoices:master", "billing:read:list_invoices:admin",
            "billing:read:invoice_details:master", "billing:read:invoice_details:admin",
            "billing:read:download_invoice_file:master",
            "billing:read:plan_information:master", "billing:read:plan_information:admin",
            "billing:write:subscribe_plan:master", "billing:write:subscribe_additional_plans:master",
            "billing:update:additional_plans:master", "billing:update:cancel_additional_plans:master",
            "billing:update:plan:master", "billing:update:cancel_plan:master",
            "billing:read:plan_usage:master", "billing:read:plan_usage:admin",
            "billing:read:list_upcoming_renewal_accounts:master",
            "billing:read:download_invoice_reports:master", "billing:delete:invoice_report:master",
            "phone:read:admin", "phone:read:call_charges:admin", "phone:read:sms_charges:admin",
            "chargeline:usage:write", "chargeline:directory:write", "chargeline:decks:write",
            "chargeline:invoices:write", "chargeline:admin",
            TALKDESK_USAGE_READ);

    /** What a master account's client gets when no scopes are asked for: every macro scope. */
    public static final List<String> MASTER_DEFAULT = List.of(
            "account:master", "account:read:master", "account:write:master", "billing:master", "phone:read:admin",
            "chargeline:usage:write", "chargeline:directory:write", "chargeline:decks:write",
            "chargeline:invoices:write", "chargeline:admin");

    /** What a sub account's client gets by default: its own reports, account and billing contact. */
    public static final List<String> SUB_DEFAULT = List.of(
            "phone:read:admin", "account:read:sub_account:admin", "billing:read:billing_information:admin",
            "billing:read:plan_information:admin", "billing:read:list_invoices:admin",
            "billing:read:invoice_details:admin", "chargeline:usage:write", "chargeline:directory:write");

    private ApiScopes() {
    }

    /** The scopes a client of {@code account} gets for {@code requested} (defaults when empty). */
    public static List<String> grantable(Account account, Collection<String> requested) {
        if (requested.isEmpty()) {
            return account.isMaster() ? MASTER_DEFAULT : SUB_DEFAULT;
        }
        var result = new TreeSet<String>();
        for (var scope : requested) {
            if (!KNOWN.contains(scope)) {
                throw new Invalid(ErrorCode.VALIDATION_FAILED, "Unknown scope: " + scope + ".", Map.of("scope", scope));
            }
            if (!account.isMaster() && scope.endsWith(":master")) {
                throw new Invalid(ErrorCode.VALIDATION_FAILED,
                        "Scope " + scope + " acts on sub accounts and can only be granted to a master account.",
                        Map.of("scope", scope));
            }
            result.add(scope);
        }
        return List.copyOf(result);
    }
}
