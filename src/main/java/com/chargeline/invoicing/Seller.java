package com.chargeline.invoicing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Who issues the invoices, as the PDF's seller block shows it: name, address lines, e-mail and tax id (the last two
 * may be empty). {@link #DEFAULT} unless the server is started with {@code --seller-file}.
 */
public record Seller(String name, List<String> addressLines, String email, String taxId) {
    /** The block a server shows when it is not told otherwise. */
    public static final Seller DEFAULT = new Seller("Chargeline", List.of("Usage rating and billing"),
            "billing@chargeline.invalid", "");
    /** The most address lines kept (the seller block has room for no more). */
    public static final int MAX_ADDRESS_LINES = 6;

    public Seller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(taxId, "taxId");
        addressLines = List.copyOf(addressLines);
        if (name.isBlank()) {
            throw new IllegalArgumentException("the seller's name is blank");
        }
        if (addressLines.size() > MAX_ADDRESS_LINES) {
            throw new IllegalArgumentException("at most " + MAX_ADDRESS_LINES + " address lines, got " + addressLines.size());
        }
    }

    /**
     * A seller from properties: {@code name} (required), {@code address.1} ... {@code address.6} (the lines, in order,
     * the first missing one ending them), {@code email} and {@code tax_id} (optional). Bad content is an
     * {@link IllegalArgumentException} naming the key.
     */
    public static Seller fromProperties(Properties p) {
        var name = p.getProperty("name", "").strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'name' is required");
        }
        var lines = new ArrayList<String>();
        for (int i = 1; p.getProperty("address." + i) != null; i++) {
            if (i > MAX_ADDRESS_LINES) {
                throw new IllegalArgumentException("at most " + MAX_ADDRESS_LINES + " address lines (address.1 to address."
                        + MAX_ADDRESS_LINES + ")");
            }
            lines.add(p.getProperty("address." + i).strip());
        }
        for (var key : p.stringPropertyNames()) {
            if (!key.equals("name") && !key.equals("email") && !key.equals("tax_id") && !key.matches("address\\.[1-9]")) {
                throw new IllegalArgumentException("unknown key '" + key + "' (expected name, address.1 ... address."
                        + MAX_ADDRESS_LINES + ", email, tax_id)");
            }
            if (key.startsWith("address.") && Integer.parseInt(key.substring(8)) > lines.size()) {
                throw new IllegalArgumentException("'" + key + "' without 'address." + (lines.size() + 1)
                        + "' (address lines are numbered from 1 without gaps)");
            }
        }
        return new Seller(name, lines, p.getProperty("email", "").strip(), p.getProperty("tax_id", "").strip());
    }
}
