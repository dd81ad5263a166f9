-- The invoice run writes an invoice's items with COPY, a batch of invoices at a time: the check that items are only
-- added to a Draft becomes one statement-level check over the inserted rows (a transition table) instead of a query
-- per row. Changing or deleting an item is still checked row by row (and refused once the invoice is not a Draft).
DROP TRIGGER invoice_item_frozen ON invoice_item;
CREATE TRIGGER invoice_item_frozen BEFORE UPDATE OR DELETE ON invoice_item
    FOR EACH ROW EXECUTE FUNCTION invoice_item_frozen();

CREATE FUNCTION invoice_item_added_to_draft() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad_invoice  text;
    bad_status   text;
BEGIN
    SELECT n.invoice_id, i.status INTO bad_invoice, bad_status
      FROM new_items n
      JOIN invoice i ON i.account_id = n.account_id AND i.invoice_id = n.invoice_id
     WHERE i.status <> 'Draft'
     LIMIT 1;
    IF bad_invoice IS NOT NULL THEN
        RAISE EXCEPTION 'invoice % is %: its items never change', bad_invoice, bad_status;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER invoice_item_added_to_draft AFTER INSERT ON invoice_item REFERENCING NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_item_added_to_draft();
