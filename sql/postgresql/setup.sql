-- sequela schema for PostgreSQL: idempotent, run before every SeqOrderSimulation (-Dsequela.schema=create).
CREATE SEQUENCE IF NOT EXISTS seq_job_execution_id START WITH 261 INCREMENT BY 1 CACHE 100;

-- id = in_date * 1e8 + nextval, as in sequela; in_date is the day as yyyymmdd
CREATE OR REPLACE FUNCTION get_execution_id(in_date bigint) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
  SELECT in_date * 100000000 + nextval('seq_job_execution_id')
$$;

-- JOB_EXECUTION_ID and SQL_DATE are filled by the database at insert time (defaults evaluated per row),
-- so an insert binds only PY_DATE, NODE, TEST_NAME, RUN_ID and SEQ_MODE.
CREATE TABLE IF NOT EXISTS job_execution (
  job_execution_id bigint NOT NULL DEFAULT get_execution_id(to_char(current_date, 'YYYYMMDD')::bigint) CONSTRAINT job_execution_pk PRIMARY KEY,
  py_date          timestamp(6) NOT NULL,
  sql_date         timestamp(6) NOT NULL DEFAULT clock_timestamp(),
  node             integer NOT NULL,
  test_name        varchar(128) NOT NULL,
  run_id           varchar(64) NOT NULL,
  seq_mode         varchar(8) NOT NULL,
  block_no         integer
);

CREATE INDEX IF NOT EXISTS job_execution_run ON job_execution (run_id, test_name, seq_mode);

-- DB_SESSION and DB_INSTANCE (which session and instance inserted each row) are added by the run's schema
-- step with the dialect's expressions (io.sequela.db.SessionColumns); with -Dsequela.schema=none the run prints
-- the ALTER TABLE statements to run.
-- what each injector of a several-injector run drives (io.sequela.simulation.InjectorShares): per stage and node its
-- planned inserts and the plan's for the node, so a merge needs nothing but the logs and the database
CREATE TABLE IF NOT EXISTS sequela_share (
  run_id       varchar(64) NOT NULL,
  injector     integer NOT NULL,
  injectors    integer NOT NULL,
  stage        integer NOT NULL,
  test_name    varchar(128) NOT NULL,
  seq_mode     varchar(16) NOT NULL,
  node         integer NOT NULL,
  planned      bigint NOT NULL,
  planned_node bigint NOT NULL,
  PRIMARY KEY (run_id, injector, stage, node)
);

-- several injectors of one run keep their stages in step here (io.sequela.simulation.StageBarrier):
-- CLAIM / START / DONE / OPEN / FAILED per run, stage and injector; at_time is the database's clock
CREATE TABLE IF NOT EXISTS sequela_stage (
  run_id   varchar(64) NOT NULL,
  stage    integer NOT NULL,
  injector integer NOT NULL,
  state    varchar(8) NOT NULL,
  at_time  timestamp(6) NOT NULL,
  detail   varchar(400),
  PRIMARY KEY (run_id, stage, injector, state)
);
