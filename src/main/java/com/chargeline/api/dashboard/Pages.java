package com.chargeline.api.dashboard;

import java.util.List;

/**
 * What the dashboard's templates show: every value already formatted (amounts rounded to the currency's minor unit,
 * minutes to one decimal), so templates only lay them out. Chart data travels as JSON in a {@code data-chart}
 * attribute next to a table of the same numbers.
 */
public final class Pages {
    private Pages() {
    }

    /** The frame of every signed-in page: who is signed in, the CSRF token for sign-out, the page shown. */
    public record Frame(String title, String active, String accountName, String clientId, String csrf, boolean master) {
    }

    /** An entry of a select list. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The sign-in form; {@code error} null when there is none. */
    public record SignIn(String loginToken, String error, String clientId) {
    }

    /** An error page. */
    public record Problem(Frame frame, int status, String message) {
    }

    /** One account of the overview: month to date, last month, and the month's daily charges for the sparkline. */
    public record OverviewRow(String accountId, String name, String role, String currency, String monthToDate,
                              String lastMonth, String change, String calls, String minutes, String messages,
                              String sparkline, String sparklineText) {
    }

    /** A total of the overview in one currency. */
    public record Total(String currency, String monthToDate, String lastMonth) {
    }

    public record Overview(Frame frame, String month, String lastMonth, List<OverviewRow> rows, List<Total> totals) {
    }

    /** A labelled row of a split or a day: records, minutes, segments, charge. */
    public record Line(String label, String records, String minutes, String segments, String charge, String currency) {
    }

    /** A daily row: calls, minutes, messages and charges. */
    public record Day(String day, String calls, String minutes, String messages, String charge, String currency) {
    }

    public record Usage(Frame frame, List<Option> accounts, List<Option> months, String accountId, String month,
                        String dailyChart, List<Day> days, String csvHref, String callTypeChart, List<Line> callTypes,
                        List<Line> destinations, List<Line> costCenters, List<Line> departments,
                        List<Line> messages) {
    }

    /** A field of a call's explanation. */
    public record Field(String name, String value) {
    }

    public record CallLookup(Frame frame, List<Option> accounts, String callLogId, String error, List<Field> call,
                             List<Field> explanation) {
    }

    /** A plan line of a sub account. */
    public record Plan(String name, String hosts, String cycle, String status, String nextInvoice) {
    }

    public record SubAccount(String accountId, String number, String name, String payMode, List<Plan> plans,
                             String nextRenewal, String renewalAmount) {
    }

    public record SubAccounts(Frame frame, List<SubAccount> accounts) {
    }

    public record InvoiceRow(String account, String number, String period, String status, String total, String paid,
                             String balance, String currency, String dueDate, String pdfHref) {
    }

    public record Invoices(Frame frame, List<InvoiceRow> invoices) {
    }

    /** A rate row of a deck. */
    public record RateRow(String callType, String prefix, String destination, String perMinute, String perCall,
                          String increments, String freeSeconds, String mode, String validity) {
    }

    public record Rates(Frame frame, List<Option> accounts, String number, String error, String deck,
                        List<RateRow> applies, List<RateRow> matching, boolean more) {
    }
}
