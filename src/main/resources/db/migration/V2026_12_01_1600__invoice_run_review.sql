-- From the review of the invoice run: the automatic posting finds Drafts by their age without a scan, and moving an
-- item to another invoice (an UPDATE of its invoice id) is checked against the invoice it moves to as well.
CREATE INDEX invoice_draft_age_idx ON invoice (created_at) WHERE status = 'Draft';

CREATE OR REPLACE FUNCTION invoice_item_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_status  text;
BEGIN
    SELECT i.status INTO row_status FROM invoice i WHERE i.account_id = OLD.account_id AND i.invoice_id = OLD.invoice_id;
    IF row_status IS DISTINCT FROM 'Draft' THEN
        RAISE EXCEPTION 'invoice % is %: its items never change', OLD.invoice_id, row_status;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT i.status INTO row_status FROM invoice i WHERE i.account_id = NEW.account_id AND i.invoice_id = NEW.invoice_id;
    IF row_status IS DISTINCT FROM 'Draft' THEN
        RAISE EXCEPTION 'invoice % is %: its items never change', NEW.invoice_id, row_status;
    END IF;
    RETURN NEW;
END
$$;
