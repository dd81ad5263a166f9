package com.chargeline.api.v1;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.usage.reports.UsageSummary;
import com.chargeline.usage.reports.UsageSummary.GroupBy;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /api/v1/accounts/{accountId}/usage/summary}: an account's usage totals over a period of its calendar days
 * ({@code from}, {@code to}: both included, at most {@link UsageSummary#MAX_DAYS} days), in total or by
 * {@code group_by}; JSON, or CSV with {@code Accept: text/csv} or {@code format=csv}. Numbers are JSON numbers written
 * exactly as decimals (no float on the way), so {@code charges} is the exact sum of the records' charges.
 */
public final class NativeUsageSummaryEndpoints implements EndpointGroup {
    private static final String CSV = "text/csv";
    private static final List<String> TOTALS = List.of("calls", "billed_seconds", "billed_minutes", "messages",
            "segments", "charges", "currency");

    private final AccountAccess access;
    private final UsageSummary summary;
    private final ObjectMapper mapper;

    public NativeUsageSummaryEndpoints(AccountAccess access, UsageSummary summary, ObjectMapper mapper) {
        this.access = access;
        this.summary = summary;
        this.mapper = mapper;
    }

    @Override
    public void addEndpoints() {
        get("/api/v1/accounts/{accountId}/usage/summary", this::summary);
    }

    /** What the query asks for, checked. */
    private record Query(LocalDate from, LocalDate to, GroupBy groupBy, boolean csv) {
    }

    private void summary(Context ctx) {
        var caller = BearerAuth.caller(ctx, NativeOperations.READ_USAGE);
        var account = access.resolve(caller.accountId(), ctx.pathParam("accountId"));
        var q = query(ctx);
        var rows = summary.summarize(account, q.from(), q.to(), q.groupBy());
        if (q.csv()) {
            ctx.contentType(CSV + "; charset=utf-8").result(csv(q.groupBy(), rows));
            return;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("account_id", account.id().wire());
        body.put("from", q.from().toString());
        body.put("to", q.to().toString());
        body.put("time_zone", account.profile().timeZone().getId());
        body.put("group_by", q.groupBy().wire());
        body.put("rows", rows.stream().map(r -> json(q.groupBy(), r)).toList());
        try {
            ctx.contentType("application/json").result(mapper.writer()
                    .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a usage summary could not be written", e);
        }
    }

    private static Query query(Context ctx) {
        var errors = new ArrayList<FieldError>();
        var from = date(ctx, "from", errors);
        var to = date(ctx, "to", errors);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add(new FieldError("to", "Must not be before from (" + from + ")."));
            } else if (UsageSummary.days(from, to) > UsageSummary.MAX_DAYS) {
                errors.add(new FieldError("to", "A period is at most " + UsageSummary.MAX_DAYS
                        + " days; ask for a longer one in parts."));
            }
        }
        var groupText = ctx.queryParam("group_by");
        var groupBy = groupText == null ? GroupBy.NONE : GroupBy.fromWire(groupText).orElse(null);
        if (groupBy == null) {
            errors.add(new FieldError("group_by", "Must be one of " + String.join(", ", GroupBy.wireNames()) + "."));
        }
        var format = ctx.queryParam("format");
        boolean csv;
        if (format == null) {
            var accept = ctx.header(Header.ACCEPT);
            csv = accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(CSV);
        } else if (format.equals("csv") || format.equals("json")) {
            csv = format.equals("csv");
        } else {
            csv = false;
            errors.add(new FieldError("format", "Must be json or csv."));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), errors);
        }
        return new Query(from, to, groupBy, csv);
    }

    private static LocalDate date(Context ctx, String name, List<FieldError> errors) {
        var text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            errors.add(new FieldError(name, "Required: a day of the account's calendar, yyyy-MM-dd."));
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "Must be a date, yyyy-MM-dd."));
            return null;
        }
    }

    private static Map<String, Object> json(GroupBy groupBy, UsageSummary.Row r) {
        var row = new LinkedHashMap<String, Object>();
        groupBy.column().ifPresent(c -> row.put(c, r.key()));
        row.put("calls", r.calls());
        row.put("billed_seconds", r.billedSeconds());
        row.put("billed_minutes", r.billedMinutes());
        row.put("messages", r.messages());
        row.put("segments", r.segments());
        row.put("charges", r.charge());
        row.put("currency", r.currency());
        return row;
    }

    private static String csv(GroupBy groupBy, List<UsageSummary.Row> rows) {
        var header = new ArrayList<String>();
        groupBy.column().ifPresent(header::add);
        header.addAll(TOTALS);
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (var r : rows) {
                var values = new ArrayList<Object>();
                if (groupBy.column().isPresent()) {
                    values.add(r.key());
                }
                values.addAll(List.of(r.calls(), r.billedSeconds(), r.billedMinutes().toPlainString(), r.messages(),
                        r.segments(), r.charge().toPlainString(), r.currency()));
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
