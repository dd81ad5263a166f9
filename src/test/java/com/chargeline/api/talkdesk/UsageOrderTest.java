package com.chargeline.api.talkdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chargeline.api.talkdesk.UsageOrder.Direction;
import com.chargeline.api.talkdesk.UsageOrder.Field;
import com.chargeline.common.error.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order_by language: field[:asc|desc] over id, month and account_id; default id:desc. */
class UsageOrderTest {
    static void refused(String orderBy, String message) {
        assertThatThrownBy(() -> UsageOrder.parse(orderBy)).isInstanceOfSatisfying(UsageQueryError.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.fieldError()).isEqualTo(new FieldError("order_by", message));
        });
    }

    @Test
    void absent_or_empty_is_the_documented_default_id_desc() {
        assertThat(UsageOrder.parse(null)).isEqualTo(new UsageOrder(Field.ID, Direction.DESC));
        assertThat(UsageOrder.parse("")).isEqualTo(UsageOrder.DEFAULT);
        assertThat(UsageOrder.DEFAULT.wire()).isEqualTo("id:desc");
    }

    @ParameterizedTest
    @CsvSource({"id:desc,ID,DESC", "id:asc,ID,ASC", "month:asc,MONTH,ASC", "month:desc,MONTH,DESC",
        "account_id:asc,ACCOUNT_ID,ASC", "account_id:desc,ACCOUNT_ID,DESC", "id,ID,ASC", "month,MONTH,ASC",
        "account_id,ACCOUNT_ID,ASC"})
    void every_field_in_both_directions_and_a_bare_field_ascending(String orderBy, Field field, Direction direction) {
        var order = UsageOrder.parse(orderBy);
        assertThat(order).isEqualTo(new UsageOrder(field, direction));
        assertThat(order.direction().sql()).isEqualTo(direction.name());
        assertThat(UsageOrder.parse(order.wire())).isEqualTo(order);
    }

    @Test
    void an_unknown_field_is_named_with_the_choices() {
        refused("name", "unknown field 'name' in order_by: expected id, month or account_id");
        refused("name:asc", "unknown field 'name' in order_by: expected id, month or account_id");
        refused("ID:DESC", "unknown field 'ID' in order_by: expected id, month or account_id");
        refused(" id:desc", "unknown field ' id' in order_by: expected id, month or account_id");
        refused("month,id", "unknown field 'month,id' in order_by: expected id, month or account_id");
        refused(":desc", "unknown field '' in order_by: expected id, month or account_id");
    }

    @Test
    void an_unknown_direction_is_named_after_its_field() {
        refused("month:up", "unknown direction 'up' in order_by: expected asc or desc after 'month:'");
        refused("id:", "unknown direction '' in order_by: expected asc or desc after 'id:'");
        refused("id:DESC", "unknown direction 'DESC' in order_by: expected asc or desc after 'id:'");
        refused("id:desc ", "unknown direction 'desc ' in order_by: expected asc or desc after 'id:'");
        refused("id:asc:desc", "unknown direction 'asc:desc' in order_by: expected asc or desc after 'id:'");
    }

    @Test
    void forty_characters_are_read_and_forty_one_are_refused_by_length() {
        refused("x".repeat(40), "unknown field '" + "x".repeat(40) + "' in order_by: expected id, month or account_id");
        refused("x".repeat(41), "order_by is 41 characters long; the maximum is 40");
        refused("\n", "unknown field '\\u000A' in order_by: expected id, month or account_id");
    }
}
