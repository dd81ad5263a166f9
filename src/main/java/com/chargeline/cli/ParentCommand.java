package com.chargeline.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;

/** A command that only groups subcommands: run without one, it is a usage error naming them. */
abstract class ParentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        var names = spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).collect(Collectors.joining(", "));
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (" + names + ")");
    }
}
