-- The query benchmark's table (TimescaleDB benchmark shape), recreated empty before each load;
-- cpu_usage_index.sql adds the index once the rows are in (about twice as fast as loading into an indexed table).
DROP TABLE IF EXISTS cpu_usage;

CREATE TABLE cpu_usage (
  ts    timestamptz NOT NULL,
  host  text NOT NULL,
  usage double precision NOT NULL
);
