-- One page of monthly usage by product (Talkdesk's GET /express/usage/month) of an organization (an account and, for
-- a master, its sub accounts): per account, month (the account's
-- calendar, as invoices bill it) and product, read from the invoice-line totals, never from the records. A call's
-- product is its call type, direction and result; a message's its type and direction; countries and the charged
-- flag are summed. <condition> is the caller's filter over account_id and month, compiled with bound values;
-- <order> one of the fixed orderings of MonthlyUsage.Order.
WITH products AS (
    SELECT u.account_id, u.month, u.kind, u.currency,
           CASE u.kind WHEN 'call' THEN 'CL-USG-CALL-' || upper(u.call_type) || '-' || upper(u.direction) || '-'
                                        || upper(u.result)
                       ELSE 'CL-USG-MSG-' || upper(u.message_type) || '-' || upper(u.direction) END AS product_id,
           CASE u.kind WHEN 'call' THEN u.call_type ELSE u.message_type END AS usage_type,
           u.direction, u.result,
           sum(u.records) AS records, sum(u.billed_seconds) AS billed_seconds, sum(u.segments) AS segments,
           sum(u.total_charge) AS total_charge
      FROM usage_lines_monthly u
     WHERE u.account_id IN (SELECT CAST(:organization AS uuid)
                            UNION ALL
                            SELECT a.account_id FROM account a WHERE a.master_account_id = :organization)
       AND (<condition>)
     GROUP BY u.account_id, u.month, u.kind, u.currency, u.call_type, u.message_type, u.direction, u.result
    HAVING sum(u.records) <> 0 OR sum(u.total_charge) <> 0
)
SELECT p.account_id, p.month, p.kind, p.currency, p.product_id, p.usage_type, p.direction, p.result, p.records,
       p.billed_seconds, p.segments, p.total_charge, count(*) OVER () AS total
  FROM products p
 ORDER BY <order>
 LIMIT :limit OFFSET :offset
