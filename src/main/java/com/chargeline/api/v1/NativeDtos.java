package com.chargeline.api.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wire shapes of the native API. */
final class NativeDtos {
    private static final Set<String> HIDDEN = Set.of("account_id", "current", "charge_scale", "explanation");
    private static final DateTimeFormatter ZOOM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private NativeDtos() {
    }

    /** A rated call: its current rating's fields, the explanation, and how many times it was rated. */
    static ObjectNode callView(List<Map<String, Object>> ratings, ObjectMapper mapper) {
        var current = ratings.getFirst();
        var node = mapper.createObjectNode();
        int scale = ((Number) current.get("charge_scale")).intValue();
        current.forEach((column, value) -> {
            if (HIDDEN.contains(column)) {
                return;
            }
            if (value == null) {
                node.putNull(column);
            } else if (value instanceof OffsetDateTime t) {
                node.put(column, t.withOffsetSameInstant(ZoneOffset.UTC).format(ZOOM_TIME));
            } else if (value instanceof java.util.Date d) {
                // JDBC hands timestamptz columns of a map query over as java.sql.Timestamp.
                node.put(column, d.toInstant().atOffset(ZoneOffset.UTC).format(ZOOM_TIME));
            } else if (value instanceof BigDecimal d) {
                node.put(column, column.equals("total_charge") ? d.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString()
                        : d.stripTrailingZeros().toPlainString());
            } else if (value instanceof Number n) {
                node.put(column, n.longValue());
            } else {
                node.put(column, value.toString());
            }
        });
        try {
            node.set("explanation", mapper.readTree(current.get("explanation").toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation is not JSON", e);
        }
        node.put("ratings", ratings.size());
        return node;
    }
}
