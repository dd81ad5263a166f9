package com.chargeline.usage.ingest;

import com.chargeline.accounts.directory.PhoneUser;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible calls and messages of an account's users, for the demo and for benchmark seeding: 70 %
 * outbound, one call in six unanswered, talk times exponential around 3 minutes, far ends mostly
 * North American (some toll-free) with a tail across {@link #COUNTRIES}, drawn skewed from a pool of
 * valid numbers (a few numbers get most of the traffic, as in real usage).
 */
public final class SampleTraffic {
    /** The 55 countries the demo deck prices and the far ends come from. */
    public static final List<String> COUNTRIES = List.of("US", "CA", "GB", "DE", "FR", "IT", "ES", "NL", "BE", "CH", "AT",
            "SE", "NO", "DK", "FI", "IE", "PT", "PL", "CZ", "HU", "RO", "GR", "TR", "IL", "AE", "SA", "EG", "ZA", "NG", "KE",
            "IN", "PK", "BD", "CN", "HK", "TW", "JP", "KR", "SG", "MY", "TH", "VN", "PH", "ID", "AU", "NZ", "BR", "AR", "CL",
            "CO", "PE", "MX", "JM", "DO", "PR");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private final Random random;
    private final List<PhoneUser> users;
    private final List<String> farNumbers;

    /** {@code users} must each have a phone number; {@code farPool} distinct far ends are generated up front. */
    public SampleTraffic(Random random, List<PhoneUser> users, int farPool) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("sample traffic needs at least one directory user with a phone number");
        }
        this.random = random;
        this.users = List.copyOf(users);
        this.farNumbers = new ArrayList<>(farPool);
        for (int i = 0; i < farPool; i++) {
            farNumbers.add(newFarNumber());
        }
    }

    /** A call that ended at {@code end}. */
    public CallRecord call(String id, Instant end) {
        var user = users.get(random.nextInt(users.size()));
        boolean outbound = random.nextInt(10) < 7;
        var far = farNumber();
        int seconds = random.nextInt(6) == 0 ? 0 : (int) Math.min(7200, Math.round(-Math.log(1 - random.nextDouble()) * 180));
        var own = user.phoneNumbers().getFirst();
        return new CallRecord(id,
                new CallRecord.Parties(outbound ? "outbound" : "inbound", outbound ? own : far, outbound ? far : own,
                        user.identity().extensionNumber()),
                new CallRecord.Timing(end.minusSeconds(seconds + 8L), seconds > 0 ? end.minusSeconds(seconds) : null, end,
                        (long) seconds),
                new CallRecord.Outcome(seconds > 0 ? "answered" : random.nextBoolean() ? "missed" : "voicemail", "call",
                        random.nextInt(25) == 0),
                CallRecord.Attribution.NONE);
    }

    /** A message sent at {@code sent}. */
    public SmsRecord message(String id, Instant sent) {
        var user = users.get(random.nextInt(users.size()));
        boolean outbound = random.nextInt(10) < 6;
        var own = new SmsRecord.Party(user.phoneNumbers().getFirst(), user.identity().extensionNumber(), null);
        var far = new SmsRecord.Party(farNumber(), null, null);
        boolean mms = random.nextInt(12) == 0;
        return new SmsRecord(id, "s" + random.nextInt(5000), mms ? "MMS" : "SMS", outbound ? "outbound" : "inbound",
                outbound ? own : far, outbound ? far : own, sent,
                new SmsRecord.Size(null, 20 + random.nextInt(400), random.nextInt(8) == 0 ? "ucs2" : "gsm7"),
                new SmsRecord.Attribution(null, null, null));
    }

    /** A far end from the pool, skewed towards the first ones. */
    public String farNumber() {
        double u = random.nextDouble();
        return farNumbers.get((int) (u * u * u * farNumbers.size()));
    }

    /** Mostly North American numbers, some toll-free, a tail of international ones. */
    private String newFarNumber() {
        int pick = random.nextInt(100);
        String region = pick < 70 ? "US" : pick < 75 ? "CA" : COUNTRIES.get(2 + random.nextInt(COUNTRIES.size() - 2));
        var type = pick >= 65 && pick < 70 ? PhoneNumberUtil.PhoneNumberType.TOLL_FREE
                : random.nextBoolean() ? PhoneNumberUtil.PhoneNumberType.MOBILE : PhoneNumberUtil.PhoneNumberType.FIXED_LINE;
        var example = PHONES.getExampleNumberForType(region, type);
        if (example == null) {
            example = PHONES.getExampleNumber(region);
        }
        var e164 = PHONES.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
        for (int attempt = 0; attempt < 20; attempt++) {
            var chars = e164.toCharArray();
            for (int k = chars.length - 4; k < chars.length; k++) {
                chars[k] = (char) ('0' + random.nextInt(10));
            }
            try {
                if (PHONES.isValidNumber(PHONES.parse(new String(chars), "ZZ"))) {
                    return new String(chars);
                }
            } catch (NumberParseException e) {
                // try another
            }
        }
        return e164;
    }
}
