-- Every ingest batch adds to existing rollup rows. With room left on each page PostgreSQL updates a
-- row in place on the same page (a HOT update: no new index entries, less to vacuum).
ALTER TABLE usage_hourly SET (fillfactor = 70);
ALTER TABLE usage_monthly SET (fillfactor = 70);
ALTER TABLE allowance_usage SET (fillfactor = 70);
