-- One page of monthly usage by product (Talkdesk's GET /express/usage/month) of an organization (an account and, for
-- a master, its sub accounts): per account, month (the account's calendar, as invoices bill it) and product.
-- Usage comes from the invoice-line totals, never from the records: a call's product is its call type, direction and
-- result; a message's its type and direction; countries and the charged flag are summed. Plan licences come from the
-- invoices (void ones aside): per plan type, the plan and credit lines whose days start in the month, their hosts
-- (the largest plan line's) and what they charged. <condition> is the caller's filter over account_id and month,
-- compiled with bound values and applied to both; <order> one of the fixed orderings of MonthlyUsage.Order.
WITH organization AS (
    SELECT CAST(:organization AS uuid) AS account_id
    UNION ALL
    SELECT a.account_id FROM account a WHERE a.master_account_id = :organization
), products AS (
    SELECT u.account_id, u.month, u.kind, u.currency,
           CASE u.kind WHEN 'call' THEN 'CL-USG-CALL-' || upper(u.call_type) || '-' || upper(u.direction) || '-'
                                        || upper(u.result)
                       ELSE 'CL-USG-MSG-' || upper(u.message_type) || '-' || upper(u.direction) END AS product_id,
           CASE u.kind WHEN 'call' THEN u.call_type ELSE u.message_type END AS usage_type,
           u.direction, u.result,
           sum(u.records) AS records, sum(u.billed_seconds) AS billed_seconds, sum(u.segments) AS segments,
           sum(u.total_charge) AS total_charge
      FROM usage_lines_monthly u
     WHERE u.account_id IN (SELECT account_id FROM organization)
       AND (<condition>)
     GROUP BY u.account_id, u.month, u.kind, u.currency, u.call_type, u.message_type, u.direction, u.result
    HAVING sum(u.records) <> 0 OR sum(u.total_charge) <> 0
), licences AS (
    SELECT u.account_id, u.month, 'plan' AS kind, u.currency, 'CL-LIC-' || upper(u.plan_type) AS product_id,
           u.plan_type AS usage_type, '' AS direction, '' AS result,
           coalesce(max(u.hosts), 0) AS records, 0 AS billed_seconds, 0 AS segments, sum(u.amount) AS total_charge
      FROM (SELECT t.account_id, CAST(date_trunc('month', t.start_date) AS date) AS month, i.currency, t.plan_type,
                   CASE t.kind WHEN 'plan' THEN t.quantity END AS hosts, t.amount
              FROM invoice_item t
              JOIN invoice i ON i.account_id = t.account_id AND i.invoice_id = t.invoice_id
             WHERE t.account_id IN (SELECT account_id FROM organization)
               AND t.plan_type IS NOT NULL
               AND i.status <> 'Void') u
     WHERE (<condition>)
     GROUP BY u.account_id, u.month, u.currency, u.plan_type
), rows AS (
    SELECT account_id, month, kind, currency, product_id, usage_type, direction, result, records, billed_seconds,
           segments, total_charge
      FROM products
    UNION ALL
    SELECT account_id, month, kind, currency, product_id, usage_type, direction, result, records, billed_seconds,
           segments, total_charge
      FROM licences
)
SELECT p.account_id, p.month, p.kind, p.currency, p.product_id, p.usage_type, p.direction, p.result, p.records,
       p.billed_seconds, p.segments, p.total_charge, count(*) OVER () AS total
  FROM rows p
 ORDER BY <order>
 LIMIT :limit OFFSET :offset
