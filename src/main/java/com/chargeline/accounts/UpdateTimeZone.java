package com.chargeline.accounts;

import com.chargeline.common.error.ErrorCode;
import com.chargeline.common.error.FieldError;
import com.chargeline.common.error.Invalid;
import com.chargeline.common.id.AccountId;
import com.chargeline.common.time.Zones;
import com.chargeline.storage.Database;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Sets an account's time zone: the calendar its usage months, plan dates and invoice periods follow. Usage is
 * kept by the month it was rated in, so the zone may change only before the account's first call or message;
 * after that a change would cut one month in two zones, and it is refused.
 */
public final class UpdateTimeZone {
    private final Database db;

    public UpdateTimeZone(Database db) {
        this.db = db;
    }

    public ZoneId update(AccountId account, String timeZone) {
        var zone = Zones.parse(timeZone).orElseThrow(() -> new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.",
                Map.of(), List.of(new FieldError("time_zone",
                        "An IANA time zone such as America/Los_Angeles or Asia/Kolkata (not a fixed offset)."))));
        db.inTransaction(h -> {
            var accounts = h.attach(AccountRepository.class);
            if (accounts.hasRatedUsage(account.value())) {
                throw new Invalid(ErrorCode.VALIDATION_FAILED, "Validation Failed.", Map.of(), List.of(new FieldError(
                        "time_zone", "The account has usage already, kept by the months of its zone; the time zone "
                        + "can only be set before its first call or message.")));
            }
            accounts.updateTimeZone(account.value(), zone.getId());
            // the months its phone numbers were held in follow the new calendar
            return accounts.rebuildNumberMonths(account.value());
        });
        return zone;
    }
}
