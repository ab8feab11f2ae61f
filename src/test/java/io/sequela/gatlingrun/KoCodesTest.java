package io.sequela.gatlingrun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The error code travels in a KO's message from the insert workers to the reading of simulation.log. */
class KoCodesTest {

  @Test
  void theCodeTravelsInTheMessageAndBackAndAMessageWithoutOneIsUnknown() {
    String m = KoCodes.message("1062", "(conn=7) Duplicate entry '2026120100000300' for key 'PRIMARY'");
    assertThat(KoCodes.codeOf(m)).isEqualTo("1062");
    assertThat(KoCodes.codeOf(KoCodes.message("ORA-00001", "unique constraint violated"))).isEqualTo("ORA-00001");
    assertThat(KoCodes.codeOf("ERROR: duplicate key value [x] violates")).isEqualTo(KoCodes.UNKNOWN);
    assertThat(KoCodes.codeOf(null)).isEqualTo(KoCodes.UNKNOWN);
  }

  @Test
  void valuesUniqueToOneKoAreLeftOutSoGatlingGroupsTheKos() {
    assertThat(KoCodes.message("1062", "(conn=12) Duplicate entry '2026120100000300' for key 'PRIMARY'"))
        .isEqualTo("[1062] Duplicate entry 'N' for key 'PRIMARY'");
    assertThat(KoCodes.message("23505", "ERROR: duplicate key value violates unique constraint \"pk\" Detail: Key (id)=(42) already exists."))
        .isEqualTo("[23505] ERROR: duplicate key value violates unique constraint \"pk\" Detail: Key (id)=(N) already exists.");
    assertThat(KoCodes.message("22001", "value too long for type character varying(8)")).endsWith("varying(8)");
  }
}
