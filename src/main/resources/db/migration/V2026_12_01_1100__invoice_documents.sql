-- The PDF of every posted invoice (issue 12): rendered once, in the posting transaction, and kept byte for byte, so
-- a posted invoice reads the same however its account's billing contact or the seller block change later. A Draft
-- is rendered on request and never stored here. sha256 is the hex SHA-256 of pdf (for audits and ETags).
CREATE TABLE invoice_document (
    account_id  uuid         NOT NULL,
    invoice_id  text         NOT NULL,
    pdf         bytea        NOT NULL,
    sha256      char(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz  NOT NULL,
    PRIMARY KEY (account_id, invoice_id),
    FOREIGN KEY (account_id, invoice_id) REFERENCES invoice (account_id, invoice_id)
);

-- Stored documents are a ledger like payments and the audit: written once, never changed or deleted.
CREATE TRIGGER invoice_document_append_only BEFORE UPDATE OR DELETE ON invoice_document
    FOR EACH ROW EXECUTE FUNCTION invoice_ledger_append_only();
