package com.chargeline.api.v1;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.NotFound;
import com.chargeline.usage.ingest.BatchResult;
import com.chargeline.usage.ingest.IngestUsage;
import com.chargeline.usage.ingest.UsageQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Usage ingestion and read-back under {@code /api/v1/accounts/{accountId}/usage}. */
public final class NativeUsageEndpoints implements EndpointGroup {
    private final AccountAccess access;
    private final IngestUsage ingest;
    private final UsageQueries queries;
    private final ObjectMapper mapper;
    private final IngestGate gate;

    public NativeUsageEndpoints(AccountAccess access, IngestUsage ingest, UsageQueries queries,
                                ObjectMapper mapper, IngestGate gate) {
        this.access = access;
        this.ingest = ingest;
        this.queries = queries;
        this.mapper = mapper;
        this.gate = gate;
    }

    /** The answer to an ingest request. */
    public record IngestResponse(int received, int accepted, int duplicates, List<String> duplicateIds,
                                 List<RatingError> ratingErrors, String totalCharge, String currency) {
    }

    /** A record stored with a rating error; {@code call_log_id} names messages too (their message_id), as it always has. */
    public record RatingError(int index, String callLogId, String reason) {
    }

    @Override
    public void addEndpoints() {
        post("/api/v1/accounts/{accountId}/usage/calls", this::ingestCalls);
        post("/api/v1/accounts/{accountId}/usage/sms", this::ingestSms);
        get("/api/v1/accounts/{accountId}/usage/calls/{callLogId}", this::call);
    }

    private void ingestCalls(Context ctx) {
        var caller = BearerAuth.caller(ctx, NativeOperations.INGEST_USAGE);
        var account = access.resolve(caller.accountId(), ctx.pathParam("accountId"));
        ctx.bodyAsBytes();
        respond(ctx, gate.run(ctx, () -> ingest.calls(account.id(), CallRecordsReader.read(RecordsBody.read(ctx, mapper)))));
    }

    private void ingestSms(Context ctx) {
        var caller = BearerAuth.caller(ctx, NativeOperations.INGEST_USAGE);
        var account = access.resolve(caller.accountId(), ctx.pathParam("accountId"));
        ctx.bodyAsBytes();
        respond(ctx, gate.run(ctx, () -> ingest.messages(account.id(),
                CallRecordsReader.readSms(RecordsBody.read(ctx, mapper)))));
    }

    private static void respond(Context ctx, BatchResult result) {
        ctx.json(new IngestResponse(result.received(), result.accepted(), result.duplicates().size(), result.duplicates(),
                result.ratingErrors().stream().map(e -> new RatingError(e.index(), e.recordId(), e.reason())).toList(),
                result.totalCharge().toPlainString(), result.totalCharge().currency().getCurrencyCode()));
    }

    private void call(Context ctx) {
        var caller = BearerAuth.caller(ctx, NativeOperations.READ_USAGE);
        var account = access.resolve(caller.accountId(), ctx.pathParam("accountId"));
        var id = ctx.pathParam("callLogId");
        var ratings = queries.callRatings(account.id(), id).orElseThrow(() -> new NotFound(ErrorCode.RESOURCE_NOT_FOUND,
                "Call log does not exist: " + id + ".", Map.of("id", id)));
        ctx.json(CallView.from(ratings, mapper));
    }
}
