package com.chargeline.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.model.Request.Method;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The validator the HTTP tests rely on must be able to fail. */
class ZoomSpecsTest {
    private static final String GOOD = """
            {"address":"1 Main St","apt":"","city":"Austin","country":"US","email":"a@b.example","first_name":"A",
             "last_name":"B","phone_number":"512-555-0100","state":"TX","zip":"73301","employee_count":"2-10"}""";

    private static Api.Response response(int status, String body) {
        return new Api.Response(status, body, (HttpResponse<String>) null);
    }

    @Test
    void without_the_specs_folder_the_check_skips_instead_of_failing() {
        var saved = System.getProperty("chargeline.shared.specs");
        System.setProperty("chargeline.shared.specs", "/nonexistent/shared/specs");
        try {
            assertThatThrownBy(() -> ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, "/v2/accounts/me/billing",
                    response(200, GOOD))).isInstanceOf(org.opentest4j.TestAbortedException.class)
                    .hasMessageContaining("skipping validation");
        } finally {
            if (saved == null) {
                System.clearProperty("chargeline.shared.specs");
            } else {
                System.setProperty("chargeline.shared.specs", saved);
            }
        }
    }

    @Test
    void accepts_a_billing_contact_that_matches_the_official_spec() {
        ZoomSpecs.assumePresent();
        assertThatCode(() -> ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, "/v2/accounts/me/billing",
                response(200, GOOD))).doesNotThrowAnyException();
    }

    @Test
    void rejects_an_unknown_enum_value_a_missing_required_field_and_an_extra_field() {
        ZoomSpecs.assumePresent();
        for (var bad : new String[] {
                GOOD.replace("\"2-10\"", "\"lots\""),
                GOOD.replace("\"city\":\"Austin\",", ""),
                GOOD.replace("\"apt\":\"\",", "\"apt\":\"\",\"fax\":\"none\",")}) {
            assertThatThrownBy(() -> ZoomSpecs.assertValid(ZoomSpecs.BILLING, Method.GET, "/v2/accounts/me/billing",
                    response(200, bad))).isInstanceOf(AssertionError.class);
        }
    }
}
