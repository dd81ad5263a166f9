-- One page of monthly usage by product (Talkdesk's GET /express/usage/month) of an organization (an account and, for
-- a master, its sub accounts): per account, month (the account's calendar, as invoices bill it) and product.
-- Usage comes from the monthly totals by product (usage_products_monthly: the invoice-line totals with countries and
-- the charged flag summed, one row per product), never from the records: a call's product is its call type, direction
-- and result; a message's its type and direction. Plan licences come from the invoices (void ones aside): per plan
-- type, the plan and credit lines whose days start in the month, their hosts (the largest plan line's) and what they
-- charged. Numbers: per account and month up to :now's, the numbers held at some time in the month, the running sum
-- of phone_number_months (+1 in a holding's first month, -1 after its last), so the cost follows the accounts and
-- months, not the numbers; they are charged by the number plans, which appear with the licences. <condition> is the
-- caller's filter over account_id and month, compiled with bound values and applied to all three; <order> one of the fixed orderings of MonthlyUsage.Order. The organization's ids
-- are an array (= ANY(ARRAY(...))), not a semi-join: the planner then reads each table's rows of those accounts
-- through its primary key instead of hashing a scan of the whole table (which grew with every other organization).
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
           u.direction, u.result, u.records, u.billed_seconds, u.segments, u.total_charge
      FROM usage_products_monthly u
     WHERE u.account_id = ANY(ARRAY(SELECT account_id FROM organization))
       AND (<condition>)
       AND (u.records <> 0 OR u.total_charge <> 0)
), licences AS (
    SELECT u.account_id, u.month, 'plan' AS kind, u.currency, 'CL-LIC-' || upper(u.plan_type) AS product_id,
           u.plan_type AS usage_type, '' AS direction, '' AS result,
           coalesce(max(u.hosts), 0) AS records, 0 AS billed_seconds, 0 AS segments, sum(u.amount) AS total_charge
      FROM (SELECT t.account_id, CAST(date_trunc('month', t.start_date) AS date) AS month, i.currency, t.plan_type,
                   CASE t.kind WHEN 'plan' THEN t.quantity END AS hosts, t.amount
              FROM invoice_item t
              JOIN invoice i ON i.account_id = t.account_id AND i.invoice_id = t.invoice_id
             WHERE t.account_id = ANY(ARRAY(SELECT account_id FROM organization))
               AND t.plan_type IS NOT NULL
               AND i.status <> 'Void') u
     WHERE (<condition>)
     GROUP BY u.account_id, u.month, u.currency, u.plan_type
), number_months AS (
    SELECT g.account_id, CAST(g.month AS date) AS month, g.currency,
           sum(coalesce(c.delta, 0)) OVER (PARTITION BY g.account_id ORDER BY g.month) AS numbers
      FROM (SELECT f.account_id, f.currency, m.month
              FROM (SELECT c.account_id, a.currency, a.time_zone, min(c.month) AS first
                      FROM phone_number_months c
                      JOIN account a ON a.account_id = c.account_id
                     WHERE c.account_id = ANY(ARRAY(SELECT account_id FROM organization))
                     GROUP BY c.account_id, a.currency, a.time_zone) f
             CROSS JOIN LATERAL generate_series(CAST(f.first AS timestamp),
                                                date_trunc('month', CAST(:now AS timestamptz) AT TIME ZONE f.time_zone),
                                                interval '1 month') AS m (month)) g
      LEFT JOIN phone_number_months c ON c.account_id = g.account_id AND c.month = g.month
), numbers AS (
    SELECT u.account_id, u.month, 'number' AS kind, u.currency, 'CL-NUM-PHONE' AS product_id, 'phone' AS usage_type,
           '' AS direction, '' AS result, u.numbers AS records, 0 AS billed_seconds, 0 AS segments,
           0 AS total_charge
      FROM number_months u
     WHERE u.numbers > 0
       AND (<condition>)
), rows AS (
    SELECT account_id, month, kind, currency, product_id, usage_type, direction, result, records, billed_seconds,
           segments, total_charge
      FROM products
    UNION ALL
    SELECT account_id, month, kind, currency, product_id, usage_type, direction, result, records, billed_seconds,
           segments, total_charge
      FROM licences
    UNION ALL
    SELECT account_id, month, kind, currency, product_id, usage_type, direction, result, records, billed_seconds,
           segments, total_charge
      FROM numbers
)
SELECT p.account_id, p.month, p.kind, p.currency, p.product_id, p.usage_type, p.direction, p.result, p.records,
       p.billed_seconds, p.segments, p.total_charge, count(*) OVER () AS total
  FROM rows p
 ORDER BY <order>
 LIMIT :limit OFFSET :offset
