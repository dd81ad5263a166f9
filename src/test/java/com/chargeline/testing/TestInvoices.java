package com.chargeline.testing;

import com.chargeline.common.id.AccountId;
import com.chargeline.common.money.Money;
import com.chargeline.invoicing.Invoice;
import com.chargeline.invoicing.InvoiceItem;
import com.chargeline.invoicing.InvoicePeriod;
import com.chargeline.invoicing.UsageLine;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/** Draft invoices for tests, made the way the invoice run will make them: through {@code DraftInvoice}. */
public final class TestInvoices {
    public static final Currency USD = Currency.getInstance("USD");

    private TestInvoices() {
    }

    /**
     * A Draft of {@code tenant} for {@code month}, issued by {@code issuer}, with three lines: 2 hosts at 50.00
     * (100.00), 41 local calls to the US of 123 minutes at 0.0125 (1.5375, rounded 1.54) and tax 8.6309 (8.63): subtotal 101.54, tax 8.63, total
     * 110.17.
     */
    public static Invoice draft(TestServer server, TestServer.Tenant tenant, AccountId issuer, YearMonth month) {
        return draft(server, tenant, issuer, month, standardLines(month, issuer.equals(tenant.account().id()) ? ""
                : InvoiceItem.BILLED_ON_MASTER));
    }

    public static Invoice draft(TestServer server, TestServer.Tenant tenant, AccountId issuer, YearMonth month,
                                List<InvoiceItem.Line> lines) {
        var account = tenant.account();
        var currency = lines.isEmpty() ? USD : lines.get(0).amount().currency();
        return server.app.wiring().draftInvoice.draft(account.id(), issuer, InvoicePeriod.month(month),
                account.profile().timeZone(), currency, lines, "test");
    }

    public static List<InvoiceItem.Line> standardLines(YearMonth month, String chargeType) {
        var first = month.atDay(1);
        var last = month.atEndOfMonth();
        return List.of(
                new InvoiceItem.Line(InvoiceItem.Kind.PLAN, "Pro Monthly", new BigDecimal("2"), usd("50.00"), usd("100.00"),
                        first, last, chargeType, null),
                new InvoiceItem.Line(InvoiceItem.Kind.USAGE, "Local calls, United States (US)", new BigDecimal("123"),
                        usd("0.0125"), usd("1.5375"), first, last, chargeType, null,
                        new InvoiceItem.Usage(UsageLine.Kind.CALLS, "outbound", "local", "US", 41, 7380, 0), null),
                new InvoiceItem.Line(InvoiceItem.Kind.TAX, "Sales tax 8.5%", BigDecimal.ONE, null, usd("8.6309"), first, last,
                        chargeType, null));
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }
}
