-- sequela schema for MariaDB (10.11) and MariaDB Galera: idempotent, run on every node before a SeqOrderSimulation
-- (-Dsequela.schema=create); DDL replicates through the cluster, so running it on each node is harmless.
-- Galera accepts only InnoDB sequences with NOCACHE or INCREMENT BY 0: ORDER's form (INCREMENT BY 1 NOCACHE) is
-- the one created here; the run switches it per mode (MariaDbDialect).
CREATE SEQUENCE IF NOT EXISTS seq_job_execution_id START WITH 261 INCREMENT BY 1 NOCACHE ENGINE=InnoDB;

-- id = in_date * 1e8 + nextval, as in sequela; in_date is the day as yyyymmdd
CREATE OR REPLACE FUNCTION get_execution_id(in_date BIGINT) RETURNS BIGINT NOT DETERMINISTIC MODIFIES SQL DATA
  RETURN in_date * 100000000 + NEXTVAL(seq_job_execution_id);

-- JOB_EXECUTION_ID is AUTO_INCREMENT so that the AUTO_INCREMENT mode can use the column's own counter
-- (interleaved across Galera nodes by wsrep_auto_increment_control); in the other modes the trigger below fills
-- it from the sequence. SQL_DATE is NOW(6): the statement's start on the node that runs it.
CREATE TABLE IF NOT EXISTS job_execution (
  job_execution_id BIGINT NOT NULL AUTO_INCREMENT,
  py_date          DATETIME(6) NOT NULL,
  sql_date         DATETIME(6) NOT NULL DEFAULT NOW(6),
  node             INT NOT NULL,
  test_name        VARCHAR(128) NOT NULL,
  run_id           VARCHAR(64) NOT NULL,
  seq_mode         VARCHAR(16) NOT NULL,
  CONSTRAINT JOB_EXECUTION_PK PRIMARY KEY (job_execution_id)
) ENGINE=InnoDB;

CREATE INDEX IF NOT EXISTS job_execution_run ON job_execution (run_id, test_name, seq_mode);

-- One statement, no BEGIN ... END: CASE picks the sequence unless the row asks for the column's AUTO_INCREMENT
-- (0 lets InnoDB assign it). Rows applied from another Galera node do not fire it (row-based replication).
CREATE OR REPLACE TRIGGER job_execution_bi BEFORE INSERT ON job_execution FOR EACH ROW
  SET NEW.job_execution_id = CASE WHEN NEW.seq_mode = 'AUTO_INCREMENT' THEN 0
    ELSE get_execution_id(CAST(DATE_FORMAT(CURRENT_DATE, '%Y%m%d') AS UNSIGNED)) END;
