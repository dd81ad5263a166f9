package com.chargeline.invoicing;

import com.chargeline.common.money.Money;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * What an invoice's usage lines add up to, for the PDF: calls by call type and destination country (calls, billed
 * seconds, amount), messages by direction and message type (messages, segments, amount). Built from the lines'
 * {@link InvoiceItem#usage()} detail; lines without it (plans, tax, credits) are left out. Rows are sorted by their key.
 */
public record UsageSummary(List<CallRow> calls, List<MessageRow> messages) {
    /** Keys of equal length compared part by part. */
    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    public UsageSummary {
        calls = List.copyOf(calls);
        messages = List.copyOf(messages);
    }

    /** Calls of one call type to one country. */
    public record CallRow(String type, String country, long calls, long billedSeconds, Money amount) {
    }

    /** Messages of one direction and message type. */
    public record MessageRow(String direction, String type, long messages, long segments, Money amount) {
    }

    public boolean isEmpty() {
        return calls.isEmpty() && messages.isEmpty();
    }

    public static UsageSummary of(List<InvoiceItem> items) {
        var calls = new TreeMap<List<String>, CallRow>(KEY_ORDER);
        var messages = new TreeMap<List<String>, MessageRow>(KEY_ORDER);
        for (var item : items) {
            var u = item.usage();
            if (u == null) {
                continue;
            }
            switch (u.kind()) {
                case CALLS -> calls.merge(List.of(u.type(), u.country()),
                        new CallRow(u.type(), u.country(), u.records(), u.billedSeconds(), item.amount()),
                        (a, b) -> new CallRow(a.type(), a.country(), a.calls() + b.calls(),
                                a.billedSeconds() + b.billedSeconds(), a.amount().plus(b.amount())));
                case MESSAGES -> messages.merge(List.of(u.direction(), u.type()),
                        new MessageRow(u.direction(), u.type(), u.records(), u.segments(), item.amount()),
                        (a, b) -> new MessageRow(a.direction(), a.type(), a.messages() + b.messages(),
                                a.segments() + b.segments(), a.amount().plus(b.amount())));
            }
        }
        return new UsageSummary(List.copyOf(calls.values()), List.copyOf(messages.values()));
    }
}
