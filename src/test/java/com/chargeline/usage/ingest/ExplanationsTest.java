package com.chargeline.usage.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.storage.CopyRows;
import com.chargeline.testing.TestPostgres;
import com.chargeline.usage.rating.Allowances;
import com.chargeline.usage.rating.CallType;
import com.chargeline.usage.rating.CallingPlan;
import com.chargeline.usage.rating.ChargeMode;
import com.chargeline.usage.rating.Increments;
import com.chargeline.usage.rating.NumberClassifier;
import com.chargeline.usage.rating.Rate;
import com.chargeline.usage.rating.RateDeck;
import com.chargeline.usage.rating.RatingEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The explanation written for the ingest COPY is valid JSON with every stored field, texts escaped
 * (quotes, backslashes, newlines, non-ASCII), the rate's part reused across records of the same rate
 * without mixing records up, and PostgreSQL stores it in a jsonb column as the same document. (The
 * rate row's own fields are added when a record is read: NativeUsageEndpointsTest.)
 */
class ExplanationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWKWARD = "Quote \" back\\slash\nnew line ☎ \t tab";

    private final UUID deckId = UUID.randomUUID();
    private final RateDeck deck = RateDeck.compile(new RateDeck.Info(deckId, 3, "Deck " + AWKWARD, Currency.getInstance("USD"), 4),
            List.of(new Rate(7, new Rate.Destination("1212", "New York " + AWKWARD, CallType.LOCAL),
                    new Rate.Price(ChargeMode.PER_MIN, Rate.units(new BigDecimal("0.0500")), 0, 0, new Increments(30, 6)),
                    new Rate.Validity(LocalDate.of(2020, 1, 1), null))));
    private final CallingPlan plan = new CallingPlan(UUID.randomUUID(), "Plan " + AWKWARD, CallingPlan.Scope.PER_USER,
            OptionalLong.of(1), Set.of(CallType.LOCAL), Set.of());
    private final RatingEngine engine = new RatingEngine(new NumberClassifier());

    private RatingEngine.Result rate(String callee, long seconds, Allowances allowances) {
        var ctx = new RatingEngine.Context("US", deck, n -> false, List.of(plan));
        return engine.rate(new RatingEngine.Call(true, "+14155550100", callee, seconds, true, false, LocalDate.of(2026, 11, 2),
                "u1", "2026-11"), ctx, allowances);
    }

    @Test
    void every_field_escaped_and_per_record() throws Exception {
        var ctx = new RatingEngine.Context("US", deck, n -> false, List.of(plan));
        var explanations = new Explanations();
        var allowances = new Allowances();
        var first = rate("+12125550123", 45, allowances);
        var second = rate("+12125550124", 125, allowances);
        var unpriced = rate("+33142685300", 60, allowances);

        var a = JSON.readTree(explanations.of(first, ctx).toString());
        var b = JSON.readTree(explanations.of(second, ctx).toString());
        var c = JSON.readTree(explanations.of(unpriced, ctx).toString());

        assertThat(a.properties()).hasSize(12);
        assertThat(a.get("status").asText()).isEqualTo("rated");
        assertThat(a.get("actual_seconds").asLong()).isEqualTo(45);
        assertThat(a.get("billed_seconds").asLong()).isEqualTo(48);
        assertThat(a.get("allowance_seconds").asLong()).isEqualTo(48);
        assertThat(a.get("calling_plan").asText()).isEqualTo("Plan " + AWKWARD);
        assertThat(a.get("rated_number").asText()).isEqualTo("12125550123");
        assertThat(a.get("rate_row").asInt()).isEqualTo(first.rate().index());
        assertThat(a.get("deck_id").asText()).isEqualTo(deckId.toString());
        assertThat(a.get("deck_version").asInt()).isEqualTo(3);

        assertThat(b.get("actual_seconds").asLong()).as("the second record's own part").isEqualTo(125);
        assertThat(b.get("rated_number").asText()).isEqualTo("12125550124");
        assertThat(b.get("allowance_seconds").asLong()).isEqualTo(12);
        assertThat(b.get("rate_row")).isEqualTo(a.get("rate_row"));

        assertThat(c.properties()).hasSize(12);
        assertThat(c.get("status").asText()).isEqualTo("error");
        assertThat(c.get("reason").asText()).startsWith("no rate for");
        for (var field : List.of("rate_row", "calling_plan")) {
            assertThat(c.get(field).isNull()).as(field).isTrue();
        }
        assertThat(c.get("deck_version").asInt()).isEqualTo(3);

        var rows = new CopyRows(4096);
        rows.add(1).add(explanations.of(first, ctx)).endRow();
        rows.add(2).add(explanations.of(unpriced, ctx)).endRow();
        var stored = Jdbi.create(TestPostgres.newDatabase(), "postgres", "").withHandle(h -> {
            h.execute("CREATE TEMP TABLE t (n int, explanation jsonb)");
            h.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY t FROM STDIN " + CopyRows.OPTIONS, new StringReader(rows.toString()));
            return h.createQuery("SELECT explanation::text FROM t ORDER BY n").mapTo(String.class).list();
        });
        assertThat(JSON.readTree(stored.get(0))).isEqualTo(a);
        assertThat(JSON.readTree(stored.get(1))).isEqualTo(c);
    }
}
