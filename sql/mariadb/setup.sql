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
  block_no         INT NULL,
  CONSTRAINT JOB_EXECUTION_PK PRIMARY KEY (job_execution_id)
) ENGINE=InnoDB;

CREATE INDEX IF NOT EXISTS job_execution_run ON job_execution (run_id, test_name, seq_mode);

-- One statement, no BEGIN ... END: CASE picks the sequence unless the row asks for the column's AUTO_INCREMENT
-- (0 lets InnoDB assign it). Rows applied from another Galera node do not fire it (row-based replication).
CREATE OR REPLACE TRIGGER job_execution_bi BEFORE INSERT ON job_execution FOR EACH ROW
  SET NEW.job_execution_id = CASE WHEN NEW.seq_mode = 'AUTO_INCREMENT' THEN 0
    ELSE get_execution_id(CAST(DATE_FORMAT(CURRENT_DATE, '%Y%m%d') AS UNSIGNED)) END;

-- what each injector of a several-injector run drives (io.sequela.simulation.InjectorShares): per stage and node its
-- planned inserts and the plan's for the node, so a merge needs nothing but the logs and the database
CREATE TABLE IF NOT EXISTS sequela_share (
  run_id       VARCHAR(64) NOT NULL,
  injector     INT NOT NULL,
  injectors    INT NOT NULL,
  stage        INT NOT NULL,
  test_name    VARCHAR(128) NOT NULL,
  seq_mode     VARCHAR(16) NOT NULL,
  node         INT NOT NULL,
  planned      BIGINT NOT NULL,
  planned_node BIGINT NOT NULL,
  PRIMARY KEY (run_id, injector, stage, node)
) ENGINE=InnoDB;

-- several injectors of one run keep their stages in step here (io.sequela.simulation.StageBarrier):
-- CLAIM / START / DONE / OPEN / FAILED per run, stage and injector; at_time is the database's clock
CREATE TABLE IF NOT EXISTS sequela_stage (
  run_id   VARCHAR(64) NOT NULL,
  stage    INT NOT NULL,
  injector INT NOT NULL,
  state    VARCHAR(8) NOT NULL,
  at_time  DATETIME(6) NOT NULL,
  detail   VARCHAR(400),
  PRIMARY KEY (run_id, stage, injector, state)
) ENGINE=InnoDB;
