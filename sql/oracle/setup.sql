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
    job_execution_id NUMBER(19) NOT NULL,
    py_date          TIMESTAMP(6) NOT NULL,
    sql_date         TIMESTAMP(6) NOT NULL,
    node             NUMBER(10) NOT NULL,
    test_name        VARCHAR2(128) NOT NULL,
    run_id           VARCHAR2(64) NOT NULL,
    seq_mode         VARCHAR2(8) NOT NULL)';
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
