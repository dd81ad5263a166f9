package com.chargeline.accounts;

import com.chargeline.common.geo.CountryCode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Country (ISO 3166-1 alpha-2) and state/province codes for billing addresses. States are checked
 * for the United States and Canada; elsewhere the state is free text.
 */
public final class Regions {
    private static final Map<String, Map<String, String>> SUBDIVISIONS = Map.of(
            "US", parse("AL:Alabama,AK:Alaska,AZ:Arizona,AR:Arkansas,CA:California,CO:Colorado,CT:Connecticut,"
                    + "DE:Delaware,DC:District of Columbia,FL:Florida,GA:Georgia,HI:Hawaii,ID:Idaho,IL:Illinois,"
                    + "IN:Indiana,IA:Iowa,KS:Kansas,KY:Kentucky,LA:Louisiana,ME:Maine,MD:Maryland,"
                    + "MA:Massachusetts,MI:Michigan,MN:Minnesota,MS:Mississippi,MO:Missouri,MT:Montana,"
                    + "NE:Nebraska,NV:Nevada,NH:New Hampshire,NJ:New Jersey,NM:New Mexico,NY:New York,"
                    + "NC:North Carolina,ND:North Dakota,OH:Ohio,OK:Oklahoma,OR:Oregon,PA:Pennsylvania,"
                    + "RI:Rhode Island,SC:South Carolina,SD:South Dakota,TN:Tennessee,TX:Texas,UT:Utah,"
                    + "VT:Vermont,VA:Virginia,WA:Washington,WV:West Virginia,WI:Wisconsin,WY:Wyoming,"
                    + "AS:American Samoa,GU:Guam,MP:Northern Mariana Islands,PR:Puerto Rico,"
                    + "VI:U.S. Virgin Islands,UM:U.S. Minor Outlying Islands,AA:Armed Forces Americas,"
                    + "AE:Armed Forces Europe,AP:Armed Forces Pacific"),
            "CA", parse("AB:Alberta,BC:British Columbia,MB:Manitoba,NB:New Brunswick,NL:Newfoundland and Labrador,"
                    + "NS:Nova Scotia,NT:Northwest Territories,NU:Nunavut,ON:Ontario,PE:Prince Edward Island,"
                    + "QC:Quebec,SK:Saskatchewan,YT:Yukon"));

    private Regions() {
    }

    /** The canonical upper-case code of a country, if {@code value} is an ISO 3166-1 alpha-2 code. */
    public static Optional<String> country(String value) {
        return CountryCode.parse(value).map(CountryCode::value);
    }

    /**
     * The canonical state for {@code country}: the code when {@code value} is a known code or name
     * in a country whose subdivisions are checked, the value itself elsewhere; empty when invalid.
     */
    public static Optional<String> state(String country, String value) {
        var known = SUBDIVISIONS.get(country);
        if (known == null) {
            return Optional.of(value.strip());
        }
        var code = value.strip().toUpperCase(Locale.ROOT);
        if (known.containsKey(code)) {
            return Optional.of(code);
        }
        return known.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(value.strip()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static Map<String, String> parse(String pairs) {
        var map = new TreeMap<String, String>();
        for (var pair : pairs.split(",")) {
            var parts = pair.split(":", 2);
            map.put(parts[0], parts[1]);
        }
        return Map.copyOf(map);
    }
}
