package com.chargeline.accounts;

/** A master account owns sub accounts; a sub account belongs to one master until disassociated. */
public enum AccountKind {
    MASTER("master"),
    SUB("sub");

    private final String dbValue;

    AccountKind(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    public static AccountKind fromDb(String value) {
        return value.equals("master") ? MASTER : SUB;
    }
}
