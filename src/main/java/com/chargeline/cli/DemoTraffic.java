package com.chargeline.cli;

import com.chargeline.Wiring;
import com.chargeline.accounts.Account;
import com.chargeline.accounts.directory.PhoneUser;
import com.chargeline.common.id.AccountId;
import com.chargeline.usage.ingest.CallRecord;
import com.chargeline.usage.ingest.SampleTraffic;
import com.chargeline.usage.ingest.SmsRecord;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's usage: a rate deck for 55 countries (landline, mobile and toll-free prefixes), SMS
 * rates, calling plans, a directory per account, and traffic from the first day of the third month before this one
 * (UTC) until now (100 000 calls, 20 000 messages), rated through the same ingestion as the API, so that three
 * closed months can be invoiced ({@link DemoInvoices}). Seeded once, when the master has no usage yet.
 */
final class DemoTraffic {
    static final int CALLS = 100_000;
    static final int MESSAGES = 20_000;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String[] DEPARTMENTS = {"Sales", "Support", "Finance", "Engineering", "Operations", "Legal"};
    private final Wiring w;
    private final int calls;
    private final int messages;
    private final Random random = new Random(20261124);

    DemoTraffic(Wiring wiring, int calls, int messages) {
        this.w = wiring;
        this.calls = calls;
        this.messages = messages;
    }

    boolean seeded(AccountId master) {
        return w.db.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM call_key WHERE account_id = :a)")
                .bind("a", master.value()).mapTo(Boolean.class).one());
    }

    void seed(Account master, List<Account> subs) {
        var deck = w.createRateDeck.create(master.id(), "Northwind Standard", "USD", 4);
        w.importRates.calls(master.id(), deck.deckId(), new StringReader(deckCsv()));
        w.importRates.sms(master.id(), deck.deckId(), new StringReader("""
                country,message_type,direction,rate_per_segment,currency
                US,SMS,outbound,0.0075,USD
                CA,SMS,outbound,0.0075,USD
                *,SMS,outbound,0.0450,USD
                US,MMS,outbound,0.0200,USD
                *,MMS,outbound,0.0600,USD
                *,SMS,inbound,0,USD
                *,MMS,inbound,0,USD
                """));
        w.assignRateDeck.assign(master.id(), master.id(), deck.deckId());
        var accounts = new ArrayList<Account>();
        accounts.add(master);
        accounts.addAll(subs);
        int numberBlock = 0;
        for (var account : accounts) {
            var traffic = new SampleTraffic(random, directory(account, numberBlock++), 2_000);
            int callCount = calls / accounts.size();
            int messageCount = messages / accounts.size();
            for (int sent = 0; sent < callCount; sent += 10_000) {
                w.ingestUsage.calls(account.id(), calls(account, traffic, Math.min(10_000, callCount - sent), sent));
            }
            for (int sent = 0; sent < messageCount; sent += 10_000) {
                w.ingestUsage.messages(account.id(), messages(account, traffic, Math.min(10_000, messageCount - sent), sent));
            }
        }
    }

    private String deckCsv() {
        var csv = new StringBuilder("prefix,destination,call_type,rate_per_min,per_call_fee,first_increment_s,"
                + "next_increment_s,free_seconds,charge_mode,currency,effective_from,effective_to\n");
        csv.append("1,United States and Canada,local,0.0100,0,6,6,0,per_min,USD,2025-01-01,\n");
        csv.append("1,North America toll-free,tollfree,0.0210,0,60,60,0,per_min,USD,2025-01-01,\n");
        csv.append("1,Contact center North America,callCenter,0.0150,0,6,6,0,per_min,USD,2025-01-01,\n");
        for (var region : SampleTraffic.COUNTRIES) {
            int cc = PHONES.getCountryCodeForRegion(region);
            var name = java.util.Locale.of("", region).getDisplayCountry(java.util.Locale.ENGLISH);
            var landline = 0.012 + Math.abs(region.hashCode() % 40) / 1000.0;
            csv.append(String.format("%d,%s,international,%.4f,0,60,60,0,per_min,USD,2025-01-01,%n", cc, name, landline));
            if (cc != 1) {
                csv.append(String.format("%d,Contact center %s,callCenter,%.4f,0,6,6,0,per_min,USD,2025-01-01,%n", cc, name,
                        landline + 0.005));
            }
            var mobile = PHONES.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
            if (mobile != null) {
                var national = Long.toString(mobile.getNationalNumber());
                csv.append(String.format("%d%s,%s mobile,international,%.4f,0.0100,60,60,0,per_call_per_min,USD,2025-01-01,%n",
                        cc, national.substring(0, Math.min(2, national.length())), name, landline * 3));
            }
            var tollFree = PHONES.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.TOLL_FREE);
            if (tollFree != null && cc != 1) {
                csv.append(String.format("%d,%s toll-free,tollfree,%.4f,0,30,6,0,per_min,USD,2025-01-01,%n", cc, name,
                        landline * 2));
            }
        }
        return csv.toString();
    }

    private List<PhoneUser> directory(Account account, int block) {
        var id = account.id();
        w.upsertBillingAccount.upsert(id, "BA-MAIN", account.profile().name() + " main");
        var plans = w.callingPlans.byName(id);
        if (!plans.containsKey("North America Unlimited")) {
            w.createCallingPlan.create(id, "North America Unlimited", "pooled", null, List.of("local", "tollfree"),
                    List.of("US", "CA", "PR"));
            w.createCallingPlan.create(id, "Global Select 120", "per_user", 120L, List.of("international"), List.of());
        }
        var users = new ArrayList<PhoneUser>();
        for (int u = 0; u < 30; u++) {
            var dept = DEPARTMENTS[u % DEPARTMENTS.length];
            users.add(new PhoneUser(null, new PhoneUser.Identity(first(u) + " " + last(u), "user" + u + "."
                    + id.wire().substring(0, 6).toLowerCase(java.util.Locale.ROOT) + "@demo.example", Integer.toString(1000 + u)),
                    new PhoneUser.Attribution("E" + (block * 1000 + u), dept, "CC-" + dept.substring(0, 3).toUpperCase(java.util.Locale.ROOT),
                            u % 3 == 0 ? "Global Select 120" : "North America Unlimited", "BA-MAIN"),
                    List.of(String.format("+1415%03d%04d", 200 + block, u))));
        }
        return w.upsertUsers.upsert(id, users);
    }

    private List<CallRecord> calls(Account account, SampleTraffic traffic, int count, int offset) {
        var out = new ArrayList<CallRecord>(count);
        var now = w.clock.instant().minusSeconds(600);
        for (int i = 0; i < count; i++) {
            out.add(traffic.call("demo-" + account.id().wire() + "-c" + (offset + i), now.minus(randomAge())));
        }
        return out;
    }

    /** How long before now a record happened: evenly from the first day of the third month before this one. */
    private Duration randomAge() {
        var first = DemoInvoices.months(w).getFirst().atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        long seconds = Duration.between(first, w.clock.instant().minusSeconds(600)).toSeconds();
        return Duration.ofSeconds((long) (random.nextDouble() * seconds));
    }

    private List<SmsRecord> messages(Account account, SampleTraffic traffic, int count, int offset) {
        var out = new ArrayList<SmsRecord>(count);
        var now = w.clock.instant().minusSeconds(600);
        for (int i = 0; i < count; i++) {
            out.add(traffic.message("demo-" + account.id().wire() + "-m" + (offset + i), now.minus(randomAge())));
        }
        return out;
    }

    private static String first(int u) {
        return new String[] {"Avery", "Blake", "Casey", "Dana", "Emery", "Finley", "Gray", "Harper", "Indy", "Jordan"}[u % 10];
    }

    private static String last(int u) {
        return new String[] {"Nguyen", "Okoro", "Patel", "Quinn", "Rossi", "Silva"}[u % 6];
    }
}
