package com.chargeline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code chargeline}: the one executable, with a subcommand per job. */
@Command(name = "chargeline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Usage rating and billing server for cloud communications, with Zoom- and Talkdesk-compatible APIs.",
        subcommands = {ServeCommand.class, DemoCommand.class, ImportCommand.class, RerateCommand.class, InvoiceCommand.class, ClientCommand.class, AccountCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class ChargelineCommand extends ParentCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with one-line error reporting: bad usage (a bad option value, an unknown
     * account, an unreadable file, a directory that is not a data dir) exits 2, a failure while
     * running (database down, a file with bad rows) exits 1.
     */
    public static CommandLine commandLine() {
        var cl = new CommandLine(new ChargelineCommand());
        Converters.register(cl);
        // Account ids are URL-safe base64 and may start with '-': "-VzZ..." must stay the value of --account, not
        // become -V (version) clustered with more short options.
        cl.setPosixClusteredShortOptionsAllowed(false);
        cl.setAllowOptionsAsOptionParameters(true);
        cl.setParameterExceptionHandler((e, args) -> {
            var err = e.getCommandLine().getErr();
            err.println("chargeline: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("chargeline: " + CliErrors.describe(e));
            return CliErrors.isUsage(e) ? 2 : 1;
        });
        return cl;
    }
}
