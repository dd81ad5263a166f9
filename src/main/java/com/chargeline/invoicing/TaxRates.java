package com.chargeline.invoicing;

import com.chargeline.common.geo.CountryCode;
import com.chargeline.common.money.Money;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;

/**
 * Tax rates kept as data ({@code invoicing/tax-rates.csv}, or an operator's file in the same shape): one row a
 * tax of a country, or of one of its states or provinces. For a bill-to address the most specific rows win:
 * the rows of (country, region) when there are any, else the country's own rows, else none. Canada's HST
 * provinces therefore get one HST line, its GST + PST provinces two lines, and a province not listed the GST.
 */
public final class TaxRates {
    /** One tax: its name as the invoice line shows it and its rate in percent. */
    public record Tax(String name, BigDecimal ratePercent) {
        public Tax {
            Objects.requireNonNull(name, "name");
            if (ratePercent.signum() < 0 || ratePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("a tax rate is 0 to 100 percent: " + ratePercent);
            }
        }

        /** This tax on {@code taxable}, by the per-line rule (half-up to the currency's minor unit). */
        public Money on(Money taxable) {
            return taxable.timesToMinorUnit(ratePercent.movePointLeft(2));
        }
    }

    /** Where a set of rows applies: a country, and a region of it ("" for the whole country). */
    private record Place(String country, String region) {
    }

    private final Map<Place, List<Tax>> taxes;

    private TaxRates(Map<Place, List<Tax>> taxes) {
        this.taxes = Map.copyOf(taxes);
    }

    /** The rates shipped with Chargeline. */
    public static TaxRates defaults() {
        var stream = TaxRates.class.getResourceAsStream("/invoicing/tax-rates.csv");
        if (stream == null) {
            throw new IllegalStateException("invoicing/tax-rates.csv is missing from the classpath");
        }
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads rates in the file's shape ({@code country,region,name,rate_percent}; {@code #} starts a comment).
     * A bad row is an error naming its line, never a rate silently left out.
     */
    public static TaxRates read(Reader csv) throws IOException {
        var byPlace = new LinkedHashMap<Place, List<Tax>>();
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true).get();
        for (var row : format.parse(csv)) {
            var at = "tax rates, line " + row.getParser().getCurrentLineNumber() + ": ";
            if (!row.isConsistent()) {
                throw new IllegalArgumentException(at + "expected country,region,name,rate_percent");
            }
            var country = CountryCode.parse(row.get("country"))
                    .orElseThrow(() -> new IllegalArgumentException(at + "not a country: " + row.get("country")));
            var region = row.get("region");
            if (!region.isEmpty() && !region.matches("[A-Z0-9]{1,3}")) {
                throw new IllegalArgumentException(at + "not a state or province code: " + region);
            }
            var name = row.get("name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException(at + "a tax needs a name");
            }
            BigDecimal rate;
            try {
                rate = new BigDecimal(row.get("rate_percent"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(at + "not a rate: " + row.get("rate_percent"), e);
            }
            Tax tax;
            try {
                tax = new Tax(name, rate);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage(), e);
            }
            var place = byPlace.computeIfAbsent(new Place(country.value(), region), p -> new ArrayList<>());
            if (place.stream().anyMatch(t -> t.name().equals(name))) {
                throw new IllegalArgumentException(at + name + " is given twice for " + country.value()
                        + (region.isEmpty() ? "" : "-" + region));
            }
            place.add(tax);
        }
        return new TaxRates(byPlace);
    }

    /** The taxes of a bill-to address: its region's rows, else its country's, else none. */
    public List<Tax> forAddress(CountryCode country, String region) {
        var own = region == null || region.isEmpty() ? null : taxes.get(new Place(country.value(), region));
        if (own != null) {
            return List.copyOf(own);
        }
        return List.copyOf(taxes.getOrDefault(new Place(country.value(), ""), List.of()));
    }
}
