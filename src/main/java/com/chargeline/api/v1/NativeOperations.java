package com.chargeline.api.v1;

import com.chargeline.api.auth.Operation;

/** Operations of Chargeline's own API and the scopes that allow them (chargeline:admin allows all). */
final class NativeOperations {
    static final Operation INGEST_USAGE = Operation.of("ingestUsage", "chargeline:usage:write", "chargeline:admin");
    static final Operation READ_USAGE = Operation.of("readUsage", "chargeline:usage:write", "phone:read:admin",
            "chargeline:admin");
    static final Operation WRITE_DIRECTORY = Operation.of("writeDirectory", "chargeline:directory:write",
            "chargeline:admin");
    static final Operation READ_DIRECTORY = Operation.of("readDirectory", "chargeline:directory:write",
            "phone:read:admin", "chargeline:admin");
    static final Operation WRITE_DECKS = Operation.of("writeDecks", "chargeline:decks:write", "chargeline:admin");

    private NativeOperations() {
    }
}
