-- After the query benchmark's load (cpu_usage.sql): the index its query uses, then fresh planner statistics.
CREATE INDEX cpu_usage_host_ts ON cpu_usage (host, ts);

ANALYZE cpu_usage;
