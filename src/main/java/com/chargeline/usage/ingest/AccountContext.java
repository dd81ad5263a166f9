package com.chargeline.usage.ingest;

import com.chargeline.accounts.directory.Directory;
import com.chargeline.common.geo.CountryCode;
import com.chargeline.common.id.AccountId;
import com.chargeline.usage.rating.CallingPlan;
import com.chargeline.usage.rating.PriceList;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;

/**
 * What every record of one account's batch is rated against, read once per batch: the account's
 * time zone (included minutes and monthly totals follow its calendar) and country (numbers are
 * classified in it), the deck version that prices it, its directory and its calling plans by name.
 */
public record AccountContext(AccountId account, ZoneId zone, CountryCode country, PriceList prices, Directory directory,
                             Map<String, CallingPlan> plans) {
    /** The account's country as rating reads numbers in it ({@code US}). */
    public String region() {
        return country.value();
    }

    /** The currency the account's usage is priced in: its deck's. */
    public Currency currency() {
        return prices.calls().info().currency();
    }
}
