package com.chargeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.chargeline.invoicing.Seller;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --seller-file}: the seller block of invoice PDFs from a properties file; a bad file is bad usage (exit 2). */
class SellerFileOptionTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        var file = Files.createTempFile(dir, "seller", ".properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Seller parse(String... args) {
        var options = new ServerOptions();
        new CommandLine(options).parseArgs(args);
        return options.seller();
    }

    @Test
    void reads_name_address_lines_email_and_tax_id_and_defaults_without_the_option() throws IOException {
        var file = file("name=Northwind Telecom\naddress.1=1 Market Street\naddress.2=San Francisco, CA 94105\n"
                + "email=billing@example.com\ntax_id=US 94-1234567\n");
        assertThat(parse("--seller-file", file.toString())).isEqualTo(new Seller("Northwind Telecom",
                List.of("1 Market Street", "San Francisco, CA 94105"), "billing@example.com", "US 94-1234567"));
        assertThat(parse()).isEqualTo(Seller.DEFAULT);
        assertThat(parse("--seller-file", file("name=Solo\n").toString())).isEqualTo(new Seller("Solo", List.of(), "", ""));
    }

    @Test
    void a_bad_or_missing_file_stops_serve_with_exit_2_and_one_line_before_touching_storage() throws IOException {
        var cases = List.of(
                List.of(file("address.1=x\n").toString(), "'name' is required"),
                List.of(file("name=A\nphone=1\n").toString(), "unknown key 'phone'"),
                List.of(file("name=A\naddress.2=x\n").toString(), "'address.2' without 'address.1'"),
                List.of(dir.resolve("missing.properties").toString(), "cannot be read"));
        for (var c : cases) {
            var err = new StringWriter();
            var cl = ChargelineCommand.commandLine();
            cl.setErr(new PrintWriter(err));
            cl.setOut(new PrintWriter(new StringWriter()));
            int exit = cl.execute("serve", "--seller-file", c.get(0), "--data-dir", "/nonexistent/never-created");
            assertThat(exit).as(c.get(1) + ": " + err).isEqualTo(2);
            assertThat(err.toString().strip().lines()).hasSize(1);
            assertThat(err.toString()).startsWith("chargeline: --seller-file ").contains(c.get(1));
        }
        assertThat(Files.exists(Path.of("/nonexistent/never-created"))).isFalse();
    }
}
