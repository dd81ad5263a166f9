package com.chargeline.bench;

import com.chargeline.invoicing.InvoicePdf;
import com.chargeline.invoicing.Seller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the typical invoice of {@link BenchInvoices} as a PDF (for {@code scripts/render-invoice-sample.sh}). */
public final class InvoiceSample {
    private InvoiceSample() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: InvoiceSample <out.pdf>");
            System.exit(2);
        }
        var seller = new Seller("Chargeline Demo Telecom", List.of("1 Market Street, Suite 300", "San Francisco, CA 94105",
                "United States"), "billing@chargeline.example", "US 94-1234567");
        Files.write(Path.of(args[0]), new InvoicePdf(seller).render(BenchInvoices.typical(), BenchInvoices.billTo()));
    }
}
