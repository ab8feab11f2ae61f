package io.sequela.populate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

  private static String problems(String tables) {
    try {
      ModelLoader.parseString("seed = 1\ntables { " + tables + " }");
    } catch (SequelaException.InvalidInput e) {
      return e.getMessage();
    }
    throw new AssertionError("model was accepted");
  }

  private static String column(String spec) {
    return problems("cpu_usage { rows = 10, columns = [ " + spec + " ] }");
  }

  @Test
  void boundsTheWrongWayRound() {
    assertThat(column("{ name = usage, type = \"double precision\", gen = uniform, min = 5, max = 1 }"))
        .isEqualTo("tables.cpu_usage.columns.usage.max: must be >= min");
    assertThat(column("{ name = n, type = integer, gen = uniform, min = 5, max = 1 }"))
        .isEqualTo("tables.cpu_usage.columns.n.max: must be >= min");
    assertThat(column("{ name = s, type = text, gen = string, min-length = 5, max-length = 1 }"))
        .isEqualTo("tables.cpu_usage.columns.s.max-length: must be >= min-length");
  }

  @Test
  void unknownGeneratorTypeAndKey() {
    assertThat(column("{ name = c, type = bigint, gen = gaussian }"))
        .startsWith("tables.cpu_usage.columns.c.gen: unknown generator 'gaussian' (expected one of categorical, normal,");
    assertThat(column("{ name = c, type = bignum, gen = sequence }"))
        .startsWith("tables.cpu_usage.columns.c.type: unknown type 'bignum'");
    assertThat(column("{ name = c, type = bigint, gen = sequence, strat = 1 }"))
        .startsWith("tables.cpu_usage.columns.c.strat: unknown key (expected one of cycle, format, gen, name, start, step, type)");
    assertThat(column("{ name = c, type = bigint, gen = uuid }"))
        .isEqualTo("tables.cpu_usage.columns.c.type: generator 'uuid' makes uuid values, which do not fit bigint");
  }

  @Test
  void referenceToAMissingTableOrColumn() {
    assertThat(column("{ name = host_id, type = bigint, gen = ref, table = hosts, column = id }"))
        .isEqualTo("tables.cpu_usage.columns.host_id.table: no table 'hosts' in the model");
    assertThat(problems("a { rows = 1, columns = [{ name = id, type = bigint, gen = sequence }] }\n"
        + "b { rows = 1, columns = [{ name = a_id, type = bigint, gen = ref, table = a, column = nope }] }"))
        .isEqualTo("tables.b.columns.a_id.column: no column 'nope' in table a");
  }

  @Test
  void rowCountOverTheColumnTypesRange() {
    assertThat(problems("t { rows = 3000000000, columns = [{ name = id, type = integer, gen = sequence, start = 1 }] }"))
        .isEqualTo("tables.t.columns.id: 3000000000 rows of sequence (start 1, step 1) go beyond integer's range [-2147483648, 2147483647]");
    assertThat(problems("t { rows = 10, columns = [{ name = id, type = smallint, gen = uniform, min = 0, max = 40000 }] }"))
        .isEqualTo("tables.t.columns.id.max: 40000 is outside smallint's range [-32768, 32767]");
    assertThat(problems("t { rows = 10, columns = [{ name = s, type = \"varchar(4)\", gen = string, max-length = 5 }] }"))
        .isEqualTo("tables.t.columns.s.max-length: must be <= 4 (varchar(4)), got 5");
    assertThat(problems("t { rows = 10, columns = [{ name = s, type = \"char(3)\", gen = categorical, values = [abcd] }] }"))
        .startsWith("tables.t.columns.s.values[0]:");
    assertThat(problems("t { rows = 10, columns = [{ name = s, type = \"char(0)\", gen = string }] }"))
        .startsWith("tables.t.columns.s.type: unknown type 'char(0)' (expected smallint, integer, bigint, double precision, text, varchar(n), char(n),");
  }

  @Test
  void everyProblemIsReportedOneLineEach() {
    String all = problems("t { rows = -1, columns = [] }\n"
        + "u { rows = 1, colums = [], columns = [{ name = x, type = bigint, gen = zipf, n = 0 }] }");
    assertThat(all.split("\n")).containsExactly(
        "tables.t.rows: must be >= 0, got -1",
        "tables.u.colums: unknown key (expected one of columns, indexes, primary-key, rows, setup-script)",
        "tables.u.columns.x.n: must be in [1, 1000000], got 0");
  }

  @Test
  void missingFileIsOneLine() {
    assertThatThrownBy(() -> ModelLoader.load("no/such/model.conf"))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("no/such/model.conf: no such model file or classpath resource");
  }

  @Test
  void shippedModelsAreValid() {
    assertThat(ModelLoader.load("models/cpu_usage.conf").totalRows()).isEqualTo(345_600);
    assertThat(ModelLoader.load("models/keygen.conf").tables()).hasSize(7);
    assertThat(ModelLoader.load("models/job_execution.conf").table("job_execution").setupScript()).isEqualTo("setup.sql");
  }
}
