package com.chargeline.api.v1;

import com.chargeline.api.auth.Operation;
import com.chargeline.api.auth.RateLimit;
import com.chargeline.api.auth.RateLimit.Label;

/** Operations of Chargeline's own API and the scopes that allow them (chargeline:admin allows all). */
final class NativeOperations {
    static final Operation INGEST_USAGE = Operation.of("ingestUsage", RateLimit.nativeApi(Label.HEAVY), "chargeline:usage:write", "chargeline:admin");
    static final Operation READ_USAGE = Operation.of("readUsage", RateLimit.nativeApi(Label.MEDIUM), "chargeline:usage:write", "phone:read:admin",
            "chargeline:admin");
    static final Operation WRITE_DIRECTORY = Operation.of("writeDirectory", RateLimit.nativeApi(Label.MEDIUM), "chargeline:directory:write",
            "chargeline:admin");
    static final Operation READ_DIRECTORY = Operation.of("readDirectory", RateLimit.nativeApi(Label.LIGHT), "chargeline:directory:write",
            "phone:read:admin", "chargeline:admin");
    /** Reading invoices: the Zoom billing scopes that read invoices, and whoever may write them. */
    static final Operation READ_INVOICES = Operation.of("readInvoices", RateLimit.nativeApi(Label.LIGHT), "billing:master", "billing:read:list_invoices:master",
            "billing:read:list_invoices:admin", "chargeline:invoices:write", "chargeline:admin");
    static final Operation WRITE_INVOICES = Operation.of("writeInvoices", RateLimit.nativeApi(Label.RESOURCE_INTENSIVE), "chargeline:invoices:write", "chargeline:admin");
    static final Operation WRITE_DECKS = Operation.of("writeDecks", RateLimit.nativeApi(Label.RESOURCE_INTENSIVE), "chargeline:decks:write", "chargeline:admin");

    private NativeOperations() {
    }
}
