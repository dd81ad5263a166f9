-- Monthly totals per account and Talkdesk product (call type, direction and result; message type and direction), in
-- the account's calendar: what GET /express/usage/month pages through. usage_lines_monthly also splits each product
-- by destination country and by the charged flag (an invoice's lines), so a page summed hundreds of its rows per
-- account and month (666 for 24 products of a 10 M-call month, and more with every country called); here a product is
-- one row. Kept like the other rollups: added to in the transaction of each ingest batch (in the same statement as
-- usage_lines_monthly), re-rating takes the old rating out.
CREATE TABLE usage_products_monthly (
    account_id      uuid           NOT NULL,
    month           date           NOT NULL,
    kind            text           NOT NULL CHECK (kind IN ('call', 'sms')),
    currency        char(3)        NOT NULL,
    call_type       text           NOT NULL,
    message_type    text           NOT NULL,
    direction       text           NOT NULL,
    result          text           NOT NULL,
    records         bigint         NOT NULL,
    billed_seconds  bigint         NOT NULL,
    segments        bigint         NOT NULL,
    total_charge    numeric(24,10) NOT NULL,
    PRIMARY KEY (account_id, month, kind, currency, call_type, message_type, direction, result)
) WITH (fillfactor = 70);

-- From the invoice-line totals (the same records, already in the account's months), once.
INSERT INTO usage_products_monthly (account_id, month, kind, currency, call_type, message_type, direction, result,
                                    records, billed_seconds, segments, total_charge)
SELECT account_id, month, kind, currency, call_type, message_type, direction, result, sum(records),
       sum(billed_seconds), sum(segments), sum(total_charge)
  FROM usage_lines_monthly
 GROUP BY account_id, month, kind, currency, call_type, message_type, direction, result;
