package com.chargeline.bench;

import com.chargeline.invoicing.InvoicePdf;
import com.chargeline.invoicing.InvoiceQueries;
import com.chargeline.invoicing.Seller;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One typical invoice (21 lines, {@link BenchInvoices#typical()}) rendered to PDF bytes, one thread: what posting
 * adds to its transaction and what a Draft's download costs. Target: at most 50 ms per PDF.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class InvoicePdfBench {
    private InvoicePdf renderer;
    private InvoiceQueries.Details invoice;
    private InvoicePdf.BillTo billTo;

    @Setup
    public void setup() {
        renderer = new InvoicePdf(Seller.DEFAULT);
        invoice = BenchInvoices.typical();
        billTo = BenchInvoices.billTo();
    }

    @Benchmark
    public byte[] render() {
        return renderer.render(invoice, billTo);
    }
}
