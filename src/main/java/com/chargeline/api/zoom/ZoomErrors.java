package com.chargeline.api.zoom;

import com.chargeline.common.error.BillingException;
import com.chargeline.common.error.Conflict;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Forbidden;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.error.NotFound;
import com.chargeline.common.error.Unauthorized;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The Zoom error shape, {@code {"code": <zoom code>, "message": "...", "errors": [...]}}, and the
 * one mapping from Chargeline's errors to Zoom's HTTP statuses and codes. Messages are the
 * verbatim Zoom texts the domain already produces.
 */
public final class ZoomErrors {
    private ZoomErrors() {
    }

    /** The body of a Zoom error response. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(int code, String message, List<FieldError> errors) {
    }

    public static int status(BillingException e) {
        return switch (e) {
            case NotFound n -> 404;
            case Invalid i -> 400;
            case Conflict c -> 409;
            case Unauthorized u -> 401;
            case Forbidden f -> 403;
        };
    }

    public static int code(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED, MALFORMED_BODY, SPECIAL_CHARACTERS, PAGE_TOKEN_INVALID, PAYLOAD_TOO_LARGE,
                 UNSUPPORTED_MEDIA_TYPE -> 300;
            case REPORT_REJECTED -> 400;
            case PLAN_REJECTED, INVOICE_STATE, INVOICE_EXISTS -> 2100;
            case INVALID_CONTRACT_TERM -> 10200;
            case INVOICE_REPORT_REJECTED -> 2100;
            case INVOICE_REPORT_ACCOUNTS -> 10102;
            case INVOICE_REPORT_NOT_FOUND -> 2001;
            case PLAN_STATE -> 200;
            case PAID_ACCOUNT -> 2000;
            case ACCOUNT_NOT_FOUND, INVOICE_ID_NOT_FOUND -> 2001;
            case RESOURCE_NOT_FOUND -> 404;
            case TOO_MANY_RECORDS -> 300;
            case SELF_PAY_ACCOUNT, INVALID_COUNTRY, INVALID_STATE -> 2100;
            case EMAIL_ALREADY_USED -> 1005;
            case PASSWORD_REPEATED_CHARACTERS, PASSWORD_CONSECUTIVE_CHARACTERS -> 1111;
            case ACCOUNT_TRANSFER_DISABLED -> 11101;
            case MEETING_CONNECTORS_NOT_FOUND -> 2115;
            case NOT_A_MASTER_ACCOUNT, ACCOUNT_OUTSIDE_ORGANIZATION -> 200;
            case INVALID_TOKEN -> 124;
            case MISSING_SCOPE -> 4711;
            case ROUTE_NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
        };
    }

    public static Body body(BillingException e) {
        return new Body(code(e.code()), e.getMessage(), e.fieldErrors());
    }
}
