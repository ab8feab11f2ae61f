package io.sequela.keys;

import static io.sequela.keys.KeyDraws.assertDistinct;
import static io.sequela.keys.KeyDraws.drawSorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** H2's DDL and its {@code SELECT ... FROM FINAL TABLE (UPDATE ...)} reservation. */
class SequenceBlockH2Test {

  @Test
  void h2ReservesDistinctBlocksAndReportsAMissingRow() throws Exception {
    Target h2 = Target.parse("jdbc:h2:mem:sequence_block;DB_CLOSE_DELAY=-1", "sa", null);
    try (HikariDataSource pool = Pools.open(h2, "h2-blocks", 2)) {
      try (Connection c = pool.getConnection()) {
        SequenceBlockTable.create(c, Dialect.H2);
        SequenceBlockTable.create(c, Dialect.H2);
        SequenceBlockTable.insertSequence(c, "h2_keys", 1);
      }
      SequenceBlockOptions options = SequenceBlockOptions.of("h2_keys").withBlockSize(10);
      List<SequenceBlockAllocator> two = List.of(
          SequenceBlockAllocator.open(pool, Dialect.H2, options), SequenceBlockAllocator.open(pool, Dialect.H2, options));
      long[] keys = drawSorted(two, 2, 2000);
      two.forEach(SequenceBlockAllocator::close);

      assertDistinct(keys);
      long fetched = two.stream().mapToLong(a -> a.stats().keysFetched()).sum();
      try (Connection c = pool.getConnection()) {
        assertThat(SequenceBlockTable.nextValue(c, "h2_keys")).hasValue(1 + fetched);
      }
      assertThat(keys[0]).isGreaterThanOrEqualTo(1);
      assertThat(keys[keys.length - 1]).isLessThan(1 + fetched);
      assertThatThrownBy(() -> SequenceBlockAllocator.open(pool, Dialect.H2, SequenceBlockOptions.of("absent")))
          .isInstanceOf(SequelaException.InvalidInput.class)
          .hasMessageContaining("'absent' has no row");
    }
  }
}
