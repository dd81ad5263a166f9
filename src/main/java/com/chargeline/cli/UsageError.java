package com.chargeline.cli;

/**
 * A command was used wrongly (a bad option value, an unknown account, an unreadable file, a
 * directory that is not a data dir): exit code 2 and the message on one line, like picocli's own
 * parser errors. Failures while running stay exit code 1.
 */
final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message, null, false, false);
    }

    /** The account id of {@code --account}, or a usage error saying what is wrong with it. */
    static com.chargeline.common.id.AccountId accountId(String account) {
        return com.chargeline.common.id.AccountId.parse(account).orElseThrow(() ->
                new UsageError("--account must be a 22-character account id, got '" + account + "'"));
    }

    /** A usage error when the account does not exist. */
    static void requireAccount(com.chargeline.accounts.AccountQueries accounts, com.chargeline.common.id.AccountId id) {
        if (accounts.find(id).isEmpty()) {
            throw new UsageError("no account " + id.wire());
        }
    }
}
