package io.sequela.populate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  /**
   * SHA-256 of the COPY text of table parent (seed 7), computed once and checked in: a different JVM,
   * JDK version or machine that changes a single byte of generated data fails here.
   */
  static final String PARENT_COPY_TEXT_SHA256 = "8cc9af65e8094c103619e94d59a0057ed9e8b3267b7a34d43ae39c53bb90fc16";
  /** Fingerprint of parent.gauss (normal, StrictMath) and child.parent_u (ref to uuid v4), checked in likewise. */
  static final String GAUSS_FINGERPRINT = "Fingerprint[column=gauss, kind=DOUBLE, count=1000, min=17345052, max=79697199, sum=49870485869]";
  static final String CHILD_U_FINGERPRINT = "Fingerprint[column=parent_u, kind=UUID, count=500, min=-9177513921032929710, max=9128729062565446099, sum=-214030817115479386495]";

  @Test
  void generatedDataMatchesTheCheckedInFingerprints() throws Exception {
    Model model = TestModels.allGenerators();
    assertThat(copyTextSha256(model, "parent")).isEqualTo(PARENT_COPY_TEXT_SHA256);
    DatabaseStatus status = Fingerprints.expected(model);
    assertThat(column(status, "parent", "gauss").toString()).isEqualTo(GAUSS_FINGERPRINT);
    assertThat(column(status, "child", "parent_u").toString()).isEqualTo(CHILD_U_FINGERPRINT);
  }

  @Test
  void sameSeedSameFingerprintsOtherSeedDiffers() {
    Model model = TestModels.allGenerators();
    assertThat(Fingerprints.expected(model)).isEqualTo(Fingerprints.expected(TestModels.allGenerators()));
    DatabaseStatus other = Fingerprints.expected(model.withSeed(8));
    List<String> differences = Fingerprints.mismatches(Fingerprints.expected(model), other);
    // every random column changes; sequences and timestamp series do not depend on the seed
    assertThat(differences).anyMatch(l -> l.startsWith("parent.ratio:")).anyMatch(l -> l.startsWith("parent.u4:"))
        .anyMatch(l -> l.startsWith("child.parent_id:")).noneMatch(l -> l.startsWith("parent.id:"));
  }

  @Test
  void aNewColumnOrTableChangesNoOtherValue() {
    String extended = TestModels.ALL_GENERATORS
        .replace("columns = [\n      { name = id,", "columns = [\n      { name = extra, type = bigint, gen = uniform, min = 0, max = 9 }\n      { name = id,")
        .replace("  child {", "  other { rows = 10, columns = [{ name = x, type = bigint, gen = uniform, min = 1, max = 2 }] }\n  child {");
    Model bigger = ModelLoader.parseString(extended);
    assertThat(bigger.table("parent").columns()).hasSize(14);
    assertThat(bigger.tables()).hasSize(3);
    DatabaseStatus before = Fingerprints.expected(TestModels.allGenerators());
    List<String> differences = Fingerprints.mismatches(before, Fingerprints.expected(bigger));
    assertThat(differences).isEmpty();
  }

  @Test
  void rowValuesDoNotDependOnHowRowsAreSplit() {
    Model model = TestModels.allGenerators();
    Table parent = model.table("parent");
    List<ColumnValues> values = parent.columns().stream().map(c -> ColumnValues.of(model, parent, c)).toList();
    RowText text = new RowText(parent, values);
    StringBuilder forward = new StringBuilder();
    StringBuilder backward = new StringBuilder();
    for (long row = 0; row < parent.rows(); row++) {
      text.append(forward, row);
    }
    List<String> lines = new java.util.ArrayList<>();
    for (long row = parent.rows() - 1; row >= 0; row--) {
      StringBuilder one = new StringBuilder();
      text.append(one, row);
      lines.add(0, one.toString());
    }
    lines.forEach(backward::append);
    assertThat(backward.toString()).isEqualTo(forward.toString());
  }

  static String copyTextSha256(Model model, String table) throws Exception {
    Table t = model.table(table);
    RowText text = new RowText(t, t.columns().stream().map(c -> ColumnValues.of(model, t, c)).toList());
    StringBuilder sb = new StringBuilder();
    for (long row = 0; row < t.rows(); row++) {
      text.append(sb, row);
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
  }

  static Fingerprint column(DatabaseStatus s, String table, String column) {
    return s.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow()
        .columns().stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow();
  }
}
