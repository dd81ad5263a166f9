package com.chargeline.common.error;

/**
 * Stable, flavour-neutral names for every business error Chargeline raises. The API layers map
 * each code to their own wire shape (Zoom code + verbatim message, Talkdesk code, ...); domain
 * code never knows those numbers.
 */
public enum ErrorCode {
    VALIDATION_FAILED,
    MALFORMED_BODY,
    SPECIAL_CHARACTERS,
    ACCOUNT_NOT_FOUND,
    SELF_PAY_ACCOUNT,
    INVALID_COUNTRY,
    INVALID_STATE,
    EMAIL_ALREADY_USED,
    PASSWORD_REPEATED_CHARACTERS,
    PASSWORD_CONSECUTIVE_CHARACTERS,
    ACCOUNT_TRANSFER_DISABLED,
    MEETING_CONNECTORS_NOT_FOUND,
    NOT_A_MASTER_ACCOUNT,
    PAGE_TOKEN_INVALID,
    /** A phone report refused its parameters (Zoom code 400: bad page token, start date or billing account). */
    REPORT_REJECTED,
    /** A plan operation refused by a billing rule (Zoom code 2100). */
    PLAN_REJECTED,
    /** subscription_options.contract_term not one of Zoom's values (Zoom code 10200). */
    INVALID_CONTRACT_TERM,
    /** A plan operation the account's plans do not allow yet (Zoom code 200). */
    PLAN_STATE,
    /** A sub account with a plan cannot be disassociated (Zoom 404 / 2000). */
    PAID_ACCOUNT,
    /** An invoice life-cycle step its state refuses: posting a non-draft, paying a draft, an overpayment (Zoom-shaped code 2100). */
    INVOICE_STATE,
    /** A second invoice for an account and period (Zoom-shaped code 2100). */
    INVOICE_EXISTS,
    /** An invoice id the account does not have, where the API answers it as a bad request (Zoom's invoice details: 400 / 2001). */
    INVOICE_ID_NOT_FOUND,
    /** An invoice report request or download its rules refuse: the span, no sub accounts, not ready (Zoom code 2100). */
    INVOICE_REPORT_REJECTED,
    /** A sub account of an invoice report request that is not the master's (Zoom code 10102). */
    INVOICE_REPORT_ACCOUNTS,
    /** An invoice report id the master does not have (Zoom 400 / 2001). */
    INVOICE_REPORT_NOT_FOUND,
    /** An account the request names that is not under the caller's organization (Talkdesk 403; Zoom-shaped code 200). */
    ACCOUNT_OUTSIDE_ORGANIZATION,
    INVALID_TOKEN,
    MISSING_SCOPE,
    RESOURCE_NOT_FOUND,
    TOO_MANY_RECORDS,
    ROUTE_NOT_FOUND,
    METHOD_NOT_ALLOWED,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE
}
