package com.chargeline.cli;

import java.io.IOException;
import java.util.Properties;
import picocli.CommandLine;

/** The version from the build properties. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        var properties = new Properties();
        try (var in = VersionProvider.class.getClassLoader().getResourceAsStream("chargeline-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"chargeline " + properties.getProperty("version", "unknown")};
    }
}
