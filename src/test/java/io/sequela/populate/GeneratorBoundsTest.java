package io.sequela.populate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorBoundsTest {

  @Test
  void uniformIntegersReachBothBoundsAndNothingElse() {
    Model model = TestModels.allGenerators();
    Table parent = model.table("parent");
    ColumnValues small = ColumnValues.of(model, parent, parent.column("small"));
    Set<Long> seen = new HashSet<>();
    for (long row = 0; row < parent.rows(); row++) {
      seen.add(small.asLong(row));
    }
    assertThat(seen).containsExactlyInAnyOrder(-2L, -1L, 0L, 1L, 2L);
  }

  @Test
  void uniformIntegersCoverTheWholeLongRange() {
    RowRandom r = new RowRandom(1, 2);
    long v = r.nextLongInclusive(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(new RowRandom(1, 2).nextLong()).isEqualTo(v);
    assertThat(new RowRandom(3, 4).nextLongInclusive(5, 5)).isEqualTo(5);
  }

  @Test
  void uniformDoublesMapTheExtremeDrawsToTheBoundsExactly() {
    assertThat(ColumnValues.uniformDouble(-1.5, 2.5, 0.0)).isEqualTo(-1.5);
    assertThat(ColumnValues.uniformDouble(-1.5, 2.5, 1.0)).isEqualTo(2.5);
    assertThat(ColumnValues.uniformDouble(0.1, 0.3, 1.0 - 0x1.0p-53)).isLessThanOrEqualTo(0.3);
    // the largest 53-bit draw scaled over 2^53 - 1 is exactly 1.0, so max is reachable
    assertThat(((1L << 53) - 1) / (double) ((1L << 53) - 1)).isEqualTo(1.0);
  }

  @Test
  void timestampSeriesGroupsRowsPerInstantAndHostsCycle() {
    Model model = ModelLoader.load("models/cpu_usage.conf");
    Table t = model.table("cpu_usage");
    ColumnValues ts = ColumnValues.of(model, t, t.column("ts"));
    ColumnValues host = ColumnValues.of(model, t, t.column("host"));
    long start = 1483228800L * 1_000_000;
    assertThat(t.rows()).isEqualTo(345_600);
    assertThat(ts.asLong(0)).isEqualTo(start);
    assertThat(ts.asLong(19)).isEqualTo(start);
    assertThat(ts.asLong(20)).isEqualTo(start + 10_000_000);
    assertThat(ts.asLong(345_599)).isEqualTo(start + (48L * 3600 - 10) * 1_000_000);
    assertThat(host.asText(0)).isEqualTo("host_000000");
    assertThat(host.asText(345_599)).isEqualTo("host_000019");
    StringBuilder sb = new StringBuilder();
    RowText.appendTimestamp(sb, ts.asLong(21) + 1, true);
    assertThat(sb).hasToString("2017-01-01 00:00:10.000001+00");
  }

  @Test
  void uuidsCarryTheirVersionAndVariant() {
    Model model = TestModels.allGenerators();
    Table parent = model.table("parent");
    for (String col : new String[] {"u1", "u4", "u7"}) {
      java.util.UUID u = ColumnValues.of(model, parent, parent.column(col)).asUuid(5);
      assertThat(u.version()).isEqualTo(Integer.parseInt(col.substring(1)));
      assertThat(u.variant()).isEqualTo(2);
    }
    java.util.UUID u7 = ColumnValues.of(model, parent, parent.column("u7")).asUuid(1000);
    assertThat(u7.getMostSignificantBits() >>> 16).isEqualTo(1704067200000L + 1000);
  }
}
