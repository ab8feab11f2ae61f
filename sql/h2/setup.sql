-- sequela schema for H2 (2.x): idempotent.
CREATE SEQUENCE IF NOT EXISTS SEQ_JOB_EXECUTION_ID START WITH 261 INCREMENT BY 1 CACHE 100;

-- id = in_date * 1e8 + nextval, as in sequela (Java source compiled by H2 at run time)
CREATE ALIAS IF NOT EXISTS GET_EXECUTION_ID AS $$
long getExecutionId(java.sql.Connection c, long inDate) throws java.sql.SQLException {
  try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT NEXT VALUE FOR SEQ_JOB_EXECUTION_ID")) {
    rs.next();
    return inDate * 100000000L + rs.getLong(1);
  }
}
$$;

-- H2 evaluates defaults per row; the sequence expression is inlined (same value as GET_EXECUTION_ID)
CREATE TABLE IF NOT EXISTS JOB_EXECUTION (
  JOB_EXECUTION_ID BIGINT NOT NULL DEFAULT (CAST(FORMATDATETIME(CURRENT_DATE, 'yyyyMMdd') AS BIGINT) * 100000000 + NEXT VALUE FOR SEQ_JOB_EXECUTION_ID) CONSTRAINT JOB_EXECUTION_PK PRIMARY KEY,
  PY_DATE          TIMESTAMP(6) NOT NULL,
  SQL_DATE         TIMESTAMP(6) NOT NULL DEFAULT LOCALTIMESTAMP,
  NODE             INTEGER NOT NULL,
  TEST_NAME        VARCHAR(128) NOT NULL,
  RUN_ID           VARCHAR(64) NOT NULL,
  SEQ_MODE         VARCHAR(8) NOT NULL,
  BLOCK_NO         INTEGER
);

CREATE INDEX IF NOT EXISTS JOB_EXECUTION_RUN ON JOB_EXECUTION (RUN_ID, TEST_NAME, SEQ_MODE);

-- DB_SESSION and DB_INSTANCE (which session and instance inserted each row) are added by the run's schema
-- step with the dialect's expressions (io.sequela.db.SessionColumns); with -Dsequela.schema=none the run prints
-- the ALTER TABLE statements to run.
-- what each injector of a several-injector run drives (io.sequela.simulation.InjectorShares): per stage and node its
-- planned inserts and the plan's for the node, so a merge needs nothing but the logs and the database
CREATE TABLE IF NOT EXISTS SEQUELA_SHARE (
  RUN_ID       VARCHAR(64) NOT NULL,
  INJECTOR     INTEGER NOT NULL,
  INJECTORS    INTEGER NOT NULL,
  STAGE        INTEGER NOT NULL,
  TEST_NAME    VARCHAR(128) NOT NULL,
  SEQ_MODE     VARCHAR(16) NOT NULL,
  NODE         INTEGER NOT NULL,
  PLANNED      BIGINT NOT NULL,
  PLANNED_NODE BIGINT NOT NULL,
  PRIMARY KEY (RUN_ID, INJECTOR, STAGE, NODE)
);

-- several injectors of one run keep their stages in step here (io.sequela.simulation.StageBarrier):
-- CLAIM / START / DONE / OPEN / FAILED per run, stage and injector; AT_TIME is the database's clock
CREATE TABLE IF NOT EXISTS SEQUELA_STAGE (
  RUN_ID   VARCHAR(64) NOT NULL,
  STAGE    INTEGER NOT NULL,
  INJECTOR INTEGER NOT NULL,
  STATE    VARCHAR(8) NOT NULL,
  AT_TIME  TIMESTAMP(6) NOT NULL,
  DETAIL   VARCHAR(400),
  PRIMARY KEY (RUN_ID, STAGE, INJECTOR, STATE)
);
