package com.chargeline.api.v1;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.chargeline.accounts.AccountAccess;
import com.chargeline.api.JsonBody;
import com.chargeline.api.auth.BearerAuth;
import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.usage.rating.AssignRateDeck;
import com.chargeline.usage.rating.CreateRateDeck;
import com.chargeline.usage.rating.ImportRates;
import com.chargeline.usage.rating.RateDeckQueries;
import com.chargeline.usage.rating.RateDeckRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Rate decks under {@code /api/v1/accounts/{accountId}/rate_decks}, CSV in and out, and deck assignment. */
public final class NativeDeckEndpoints implements EndpointGroup {
    private final AccountAccess access;
    private final RateDeckQueries decks;
    private final CreateRateDeck createRateDeck;
    private final ImportRates importRates;
    private final AssignRateDeck assignRateDeck;
    private final ObjectMapper mapper;

    public NativeDeckEndpoints(AccountAccess access, RateDeckQueries decks, CreateRateDeck createRateDeck,
                               ImportRates importRates, AssignRateDeck assignRateDeck, ObjectMapper mapper) {
        this.access = access;
        this.decks = decks;
        this.createRateDeck = createRateDeck;
        this.importRates = importRates;
        this.assignRateDeck = assignRateDeck;
        this.mapper = mapper;
    }

    /** A deck on the wire. */
    public record DeckView(String deckId, String name, String currency, int precision, int currentVersion, String createdAt) {
        static DeckView from(RateDeckRepository.DeckRow d) {
            return new DeckView(d.deckId().toString(), d.name(), d.currency(), d.precision(), d.currentVersion(),
                    d.createdAt().toString());
        }
    }

    /** The answer to an import. */
    public record Imported(String deckId, int version) {
    }

    @Override
    public void addEndpoints() {
        post("/api/v1/accounts/{accountId}/rate_decks", this::create);
        get("/api/v1/accounts/{accountId}/rate_decks", this::list);
        get("/api/v1/accounts/{accountId}/rate_decks/{deckId}/rates", this::export);
        put("/api/v1/accounts/{accountId}/rate_decks/{deckId}/rates", ctx -> importCsv(ctx, false));
        put("/api/v1/accounts/{accountId}/rate_decks/{deckId}/sms_rates", ctx -> importCsv(ctx, true));
        put("/api/v1/accounts/{accountId}/rate_deck", this::assign);
    }

    private AccountId owner(Context ctx) {
        var caller = BearerAuth.caller(ctx, NativeOperations.WRITE_DECKS);
        return access.resolve(caller.accountId(), ctx.pathParam("accountId")).id();
    }

    private void create(Context ctx) {
        var owner = owner(ctx);
        var body = JsonBody.closed(ctx, mapper, Set.of("name", "currency", "precision"), Set.of());
        var name = body.requiredString("name");
        var currency = body.requiredString("currency");
        var precision = body.integer("precision");
        body.check();
        ctx.status(201).json(DeckView.from(createRateDeck.create(owner, name, currency, precision == null ? 4 : precision)));
    }

    private void list(Context ctx) {
        var owner = owner(ctx);
        ctx.json(java.util.Map.of("rate_decks", decks.list(owner).stream().map(DeckView::from).toList()));
    }

    private void export(Context ctx) {
        var owner = owner(ctx);
        ctx.contentType("text/csv; charset=utf-8").result(decks.export(owner, deckId(ctx)));
    }

    private void importCsv(Context ctx, boolean sms) {
        var owner = owner(ctx);
        var type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/csv")) {
            throw new Invalid(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the rates as text/csv.");
        }
        var id = deckId(ctx);
        var text = com.chargeline.api.StrictJson.utf8(ctx);
        com.chargeline.api.NulGuard.requireNone(text, "body");
        var reader = new java.io.StringReader(text);
        int version = sms ? importRates.sms(owner, id, reader) : importRates.calls(owner, id, reader);
        ctx.json(new Imported(id.toString(), version));
    }

    private void assign(Context ctx) {
        var caller = BearerAuth.caller(ctx, NativeOperations.WRITE_DECKS);
        var target = access.resolve(caller.accountId(), ctx.pathParam("accountId"));
        var body = JsonBody.closed(ctx, mapper, Set.of("deck_id"), Set.of());
        var raw = body.requiredString("deck_id");
        body.check();
        var id = parse(raw);
        // The deck must be the caller's own or the target account's.
        var owner = decks.list(caller.accountId()).stream().anyMatch(d -> d.deckId().equals(id)) ? caller.accountId()
                : target.id();
        assignRateDeck.assign(owner, target.id(), id);
        ctx.status(204);
    }

    private static UUID deckId(Context ctx) {
        return parse(ctx.pathParam("deckId"));
    }

    private static UUID parse(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw RateDeckQueries.deckNotFound(raw);
        }
    }
}
