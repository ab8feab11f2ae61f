package io.sequela.gatlingrun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error codes as the drivers' messages carry them into simulation.log. */
class ErrorCodesTest {

  @Test
  void eachDriversCodeIsFound() {
    assertThat(ErrorCodes.of("ERROR: duplicate key value violates unique constraint \"job_execution_pk\" Detail: Key "
        + "(job_execution_id)=(2026112100000261) already exists. (SQLState: 23505)")).isEqualTo("23505");
    assertThat(ErrorCodes.of("rolled back with its transaction: FATAL: terminating connection due to administrator "
        + "command (SQLState: 57P01)")).isEqualTo("57P01");
    assertThat(ErrorCodes.of("ORA-00001: unique constraint (SCOTT.JOB_EXECUTION_PK) violated (SQLState: 23000)"))
        .isEqualTo("ORA-00001");
    assertThat(ErrorCodes.of("Unique index or primary key violation: \"PRIMARY KEY ON PUBLIC.T(ID)\"; SQL statement: "
        + "INSERT INTO T VALUES (1) [23505-232]")).isEqualTo("23505");
    assertThat(ErrorCodes.of("node-1 ORDER: workers are closed")).isEqualTo(ErrorCodes.NONE);
    assertThat(ErrorCodes.of(null)).isEqualTo(ErrorCodes.NONE);
  }
}
