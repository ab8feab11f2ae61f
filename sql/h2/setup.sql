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
  JOB_EXECUTION_ID BIGINT NOT NULL DEFAULT (CAST(FORMATDATETIME(CURRENT_DATE, 'yyyyMMdd') AS BIGINT) * 100000000 + NEXT VALUE FOR SEQ_JOB_EXECUTION_ID),
  PY_DATE          TIMESTAMP(6) NOT NULL,
  SQL_DATE         TIMESTAMP(6) NOT NULL DEFAULT LOCALTIMESTAMP,
  NODE             INTEGER NOT NULL,
  TEST_NAME        VARCHAR(128) NOT NULL,
  RUN_ID           VARCHAR(64) NOT NULL,
  SEQ_MODE         VARCHAR(8) NOT NULL
);

CREATE INDEX IF NOT EXISTS JOB_EXECUTION_RUN ON JOB_EXECUTION (RUN_ID, TEST_NAME, SEQ_MODE);

-- DB_SESSION and DB_INSTANCE (which session and instance inserted each row) are added by the run's schema
-- step with the dialect's expressions (io.sequela.db.SessionColumns); with -Dsequela.schema=none the run prints
-- the ALTER TABLE statements to run.
