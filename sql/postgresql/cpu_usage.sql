-- The query benchmark's table (TimescaleDB benchmark shape), recreated empty before each load.
DROP TABLE IF EXISTS cpu_usage;

CREATE TABLE cpu_usage (
  ts    timestamptz NOT NULL,
  host  text NOT NULL,
  usage double precision NOT NULL
);

CREATE INDEX cpu_usage_host_ts ON cpu_usage (host, ts);
