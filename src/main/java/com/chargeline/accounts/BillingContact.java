package com.chargeline.accounts;

import java.util.Objects;

/**
 * The person and address an account's invoices are addressed to. Stored contacts hold empty strings
 * for absent values; as a change ({@link UpdateBillingContact}) a null field means "keep".
 */
public record BillingContact(Person person, Address address, String employeeCount) {
    /** Zoom's company sizes, the values {@code employee_count} may take. */
    public static final java.util.List<String> EMPLOYEE_COUNTS = java.util.List.of("Just Me", "2-10", "11-50", "51-250",
            "251-500", "501-1000", "1001-5000", "5001-10000", "10000+");

    public BillingContact {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(address, "address");
    }

    public record Person(String firstName, String lastName, String email, String phoneNumber) {
    }

    /** {@code country} is an ISO 3166-1 alpha-2 code; {@code state} a subdivision code where one is known. */
    public record Address(String address, String apt, String city, String state, String zip, String country) {
    }
}
