-- sequela schema for Oracle (RAC): idempotent; a DBA may run it once and use -Dsequela.schema=none.
DECLARE
  e_exists EXCEPTION;
  PRAGMA EXCEPTION_INIT(e_exists, -955);
BEGIN
  EXECUTE IMMEDIATE 'CREATE SEQUENCE seq_job_execution_id START WITH 261 INCREMENT BY 1 CACHE 100 NOORDER';
EXCEPTION WHEN e_exists THEN NULL;
END;
/

-- id = in_date * 1e8 + nextval, as in sequela; in_date is the day as yyyymmdd
CREATE OR REPLACE FUNCTION get_execution_id(in_date IN NUMBER) RETURN NUMBER IS
BEGIN
  RETURN in_date * 100000000 + seq_job_execution_id.NEXTVAL;
END;
/

DECLARE
  e_exists EXCEPTION;
  PRAGMA EXCEPTION_INIT(e_exists, -955);
BEGIN
  EXECUTE IMMEDIATE 'CREATE TABLE job_execution (
    job_execution_id NUMBER(19) NOT NULL CONSTRAINT job_execution_pk PRIMARY KEY,
    py_date          TIMESTAMP(6) NOT NULL,
    sql_date         TIMESTAMP(6) NOT NULL,
    node             NUMBER(10) NOT NULL,
    test_name        VARCHAR2(128) NOT NULL,
    run_id           VARCHAR2(64) NOT NULL,
    seq_mode         VARCHAR2(8) NOT NULL,
    block_no         NUMBER(10))';
  EXECUTE IMMEDIATE 'CREATE INDEX job_execution_run ON job_execution (run_id, test_name, seq_mode)';
EXCEPTION WHEN e_exists THEN NULL;
END;
/

-- DB_SESSION and DB_INSTANCE (which session and RAC instance inserted each row: SYS_CONTEXT('USERENV', 'SID')
-- and 'INSTANCE') are column defaults added by the run's schema step (io.sequela.db.SessionColumns); with
-- -Dsequela.schema=none the run prints the ALTER TABLE statements to run.

-- Oracle cannot call a PL/SQL function from a column DEFAULT: a row trigger fills the id and SQL_DATE
CREATE OR REPLACE TRIGGER job_execution_bi BEFORE INSERT ON job_execution FOR EACH ROW
BEGIN
  :new.job_execution_id := get_execution_id(TO_NUMBER(TO_CHAR(SYSDATE, 'YYYYMMDD')));
  :new.sql_date := SYSTIMESTAMP;
END;
/

-- what each injector of a several-injector run drives (io.sequela.simulation.InjectorShares): per stage and node its
-- planned inserts and the plan's for the node, so a merge needs nothing but the logs and the database
DECLARE
  e_exists EXCEPTION;
  PRAGMA EXCEPTION_INIT(e_exists, -955);
BEGIN
  EXECUTE IMMEDIATE 'CREATE TABLE sequela_share (
    run_id       VARCHAR2(64) NOT NULL,
    injector     NUMBER(10) NOT NULL,
    injectors    NUMBER(10) NOT NULL,
    stage        NUMBER(10) NOT NULL,
    test_name    VARCHAR2(128) NOT NULL,
    seq_mode     VARCHAR2(16) NOT NULL,
    node         NUMBER(10) NOT NULL,
    planned      NUMBER(19) NOT NULL,
    planned_node NUMBER(19) NOT NULL,
    PRIMARY KEY (run_id, injector, stage, node))';
EXCEPTION WHEN e_exists THEN NULL;
END;
/

-- several injectors of one run keep their stages in step here (io.sequela.simulation.StageBarrier):
-- CLAIM / START / DONE / OPEN / FAILED per run, stage and injector; at_time is the database's clock
DECLARE
  e_exists EXCEPTION;
  PRAGMA EXCEPTION_INIT(e_exists, -955);
BEGIN
  EXECUTE IMMEDIATE 'CREATE TABLE sequela_stage (
    run_id   VARCHAR2(64) NOT NULL,
    stage    NUMBER(10) NOT NULL,
    injector NUMBER(10) NOT NULL,
    state    VARCHAR2(8) NOT NULL,
    at_time  TIMESTAMP(6) NOT NULL,
    detail   VARCHAR2(400),
    PRIMARY KEY (run_id, stage, injector, state))';
EXCEPTION WHEN e_exists THEN NULL;
END;
/
