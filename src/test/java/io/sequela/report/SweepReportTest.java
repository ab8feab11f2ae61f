package io.sequela.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.sequela.config.SweepPlan;
import io.sequela.config.SweepPlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knee and tipping point rules on hand-made cell results, and the sweep page drawn from them. */
class SweepReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEST = "\"tests\": [ { \"test_name\": \"t\", \"scenarii\": [\n"
      + "  { \"node_number\": 1, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" } ] } ]";

  @TempDir Path dir;

  private static SweepPlan seqOrder() {
    return SweepPlanLoader.parse("knee.json", ConfigFactory.parseString(
        "{ \"sweep\": { \"users\": [1, 2, 4], \"sequence_cache\": [20, 1000], \"threshold_us\": 5 }, " + TEST + " }").root());
  }

  private static SweepPlan keyGen() {
    return SweepPlanLoader.parse("tip.conf", ConfigFactory.parseString(
        "strategies = [seq, uuid4]\nsweep { preseed_rows = [10000, 100000, 1000000] }").root());
  }

  /** A sequence-gaps.json with the first test's verdict: ORDER minus NOORDER median, µs, and its interval. */
  private static JsonNode gaps(double diff, double low, double high, long orderKo) throws Exception {
    return JSON.readTree("{\"run_id\": \"r\", \"tests\": [{\"test_name\": \"t\", \"modes\": {\"ORDER\": {\"rows\": 1000, \"ko\": "
        + orderKo + ", \"ko_by_code\": " + (orderKo > 0 ? "{\"1062\": " + orderKo + "}" : "{}") + "}},"
        + " \"comparison\": {\"verdict\": \"ORDER costs " + diff + " µs\", \"median_latency_diff_us\": " + diff
        + ", \"median_latency_diff_ci_us\": [" + low + ", " + high + "]}}]}");
  }

  /** A key-generation.json with seq's and uuid4's inserts/s and the pair's difference, uuid4 minus seq. */
  private static JsonNode keygen(double seq, double uuid4, double low, double high) throws Exception {
    return JSON.readTree("{\"run_id\": \"k\", \"strategies\": ["
        + "{\"name\": \"seq\", \"inserts_per_s\": " + seq + ", \"inserts_per_s_low\": " + (seq - 500) + ", \"inserts_per_s_high\": "
        + (seq + 500) + ", \"p99_us\": 900},"
        + "{\"name\": \"uuid4\", \"inserts_per_s\": " + uuid4 + ", \"inserts_per_s_low\": " + (uuid4 - 500)
        + ", \"inserts_per_s_high\": " + (uuid4 + 500) + ", \"p99_us\": 4000}],"
        + " \"comparisons\": [{\"a\": \"seq\", \"b\": \"uuid4\", \"pairs\": 5, \"inserts_per_s_diff\": " + (uuid4 - seq)
        + ", \"inserts_per_s_low\": " + low + ", \"inserts_per_s_high\": " + high + "}]}");
  }

  @Test
  void theKneeIsTheSmallestUsersWhoseIntervalLiesAboveTheThresholdPerCache() throws Exception {
    SweepPlan plan = seqOrder();
    Map<String, JsonNode> r = new LinkedHashMap<>();
    r.put("users-1_sequence_cache-20", gaps(1, -2, 4, 0));        // no measurable difference
    r.put("users-2_sequence_cache-20", gaps(6, 3, 9, 0));         // above 0, but not wholly above 5 µs
    r.put("users-4_sequence_cache-20", gaps(12, 7, 17, 0));       // the knee
    r.put("users-1_sequence_cache-1000", gaps(2, 1, 3, 0));
    r.put("users-2_sequence_cache-1000", gaps(3, 1, 4, 0));
    SweepFigures f = SweepFigures.of("s1", plan, List.of(), r);
    assertThat(f.knees()).extracting(SweepFigures.Knee::value).containsExactly(4L, null);
    assertThat(f.kneeLines()).containsExactly(
        "Knee at sequence_cache = 20: users = 4, between users = 2 (not yet) and 4: ORDER's cost per insert above 5.00 µs"
            + " (its whole interval)",
        "Knee at sequence_cache = 1,000: not reached in this grid (ORDER's cost per insert above 5.00 µs (its whole"
            + " interval) in none of 2 cells, up to users = 4)");
    assertThat(f.cells().get(0).difference(0).noMeasurableDifference()).isTrue();
    assertThat(f.cells().get(5).measured()).as("users 4, CACHE 1000: not run").isFalse();
  }

  @Test
  void theTippingPointNeedsUuid4AtMostHalfOfSeqAndTheIntervalBelowZero() throws Exception {
    SweepPlan plan = keyGen();
    Map<String, JsonNode> r = new LinkedHashMap<>();
    r.put("preseed_rows-10000", keygen(14000, 15000, -300, 2300));     // uuid4 not slower beyond noise
    r.put("preseed_rows-100000", keygen(14000, 9000, -6500, -3500));   // slower, but 64 % of seq
    r.put("preseed_rows-1000000", keygen(14000, 6000, -9500, -6500));  // at most half: the tipping point
    SweepFigures f = SweepFigures.of("s2", plan, List.of(), r);
    assertThat(f.knees()).singleElement().satisfies(k -> {
      assertThat(k.value()).isEqualTo(1_000_000L);
      assertThat(k.below()).isEqualTo(100_000L);
    });
    assertThat(f.kneeLines().get(0)).startsWith("Tipping point: preseed_rows = 1,000,000, between preseed_rows = 100,000"
        + " (not yet) and 1,000,000: uuid4's inserts/s at most 50 % of seq's");
    Map<String, JsonNode> reversed = new LinkedHashMap<>();
    reversed.put("preseed_rows-10000", JSON.readTree(keygen(14000, 15000, -300, 2300).toString()
        .replace("\"a\":\"seq\",\"b\":\"uuid4\"", "\"a\":\"uuid4\",\"b\":\"seq\"")));
    assertThat(SweepFigures.of("s3", plan, List.of(), reversed).cells().get(0).difference(0).low())
        .as("a pair listed uuid4 first is turned round: uuid4 minus seq").isEqualTo(-2300.0);
  }

  @Test
  void thePagesNameTheKneeDrawEveryCellAndHaveNoEmptyChart() throws Exception {
    Map<String, JsonNode> r = new LinkedHashMap<>();
    r.put("users-1_sequence_cache-20", gaps(1, -2, 4, 0));
    r.put("users-4_sequence_cache-20", gaps(12, 7, 17, 25));
    List<Path> written = SweepReport.write(dir.resolve("seq"), SweepFigures.of("s1", seqOrder(), List.of("a"), r));
    Document page = Jsoup.parse(written.get(0).toFile());
    assertThat(page.selectFirst(".headline").text()).startsWith("Knee at sequence_cache = 20: users = 4");
    assertThat(page.select("svg rect")).hasSize(6);
    assertThat(page.text()).contains("no measurable difference", "ORDER KO 2.4 % [1062]", "not run");
    noEmptyChart(page);
    assertThat(page.select("a[href=runs/users-4_sequence_cache-20/]")).as("each cell links its own run").hasSize(1);
    JsonNode json = JSON.readTree(written.get(1).toFile());
    assertThat(json.get("cells")).hasSize(6);
    assertThat(json.get("knee_lines").get(0).asText()).startsWith("Knee at sequence_cache = 20: users = 4");

    Map<String, JsonNode> k = Map.of("preseed_rows-10000", keygen(14000, 15000, -300, 2300),
        "preseed_rows-1000000", keygen(14000, 6000, -9500, -6500));
    Document kp = Jsoup.parse(SweepReport.write(dir.resolve("kg"), SweepFigures.of("s2", keyGen(), List.of(), k)).get(0)
        .toFile());
    assertThat(kp.select("svg")).as("inserts/s and p99").hasSize(2);
    assertThat(kp.select("svg polyline").eachAttr("points")).allMatch(pts -> pts.split(" ").length == 2);
    noEmptyChart(kp);

    Document none = Jsoup.parse(SweepReport.write(dir.resolve("none"), SweepFigures.of("s3", seqOrder(), List.of(), Map.of()))
        .get(0).toFile());
    assertThat(none.select("svg")).as("nothing measured: a line, no frame").isEmpty();
    assertThat(none.select(".no-data").text()).contains("No cell has a result yet");
    assertThat(none.selectFirst(".headline").text()).isEqualTo("Knee at sequence_cache = 20: no cell measured yet");
    assertThat(Files.readString(dir.resolve("none").resolve(SweepReport.JSON))).contains("\"cell_run_id\" : null");
  }

  @Test
  void aPlanOfTwoTestsHasAHeatMapAndAKneeLineOfEachTest() throws Exception {
    String two = "\"tests\": [ { \"test_name\": \"each\", \"scenarii\": [\n"
        + "  { \"node_number\": 1, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" } ] },"
        + " { \"test_name\": \"batched\", \"commit\": \"every 10\", \"scenarii\": [\n"
        + "  { \"node_number\": 1, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" } ] } ]";
    SweepPlan plan = SweepPlanLoader.parse("knee2.json", ConfigFactory.parseString(
        "{ \"sweep\": { \"users\": [1, 2, 4], \"threshold_us\": 5 }, " + two + " }").root());
    assertThat(plan.tests()).containsExactly("each", "batched");
    Map<String, JsonNode> r = new LinkedHashMap<>();
    r.put("users-1", twoTests(1, -2, 4, 1, -1, 3));
    r.put("users-2", twoTests(12, 7, 17, 2, -1, 5));   // each: the knee at 2 users
    r.put("users-4", twoTests(20, 15, 25, 9, 6, 12));  // batched: the knee at 4 users
    SweepFigures f = SweepFigures.of("s4", plan, List.of(), r);
    assertThat(f.kneeLines()).containsExactly(
        "Knee in test each: users = 2, between users = 1 (not yet) and 2: ORDER's cost per insert above 5.00 µs (its whole"
            + " interval)",
        "Knee in test batched: users = 4, between users = 2 (not yet) and 4: ORDER's cost per insert above 5.00 µs (its"
            + " whole interval)");
    assertThat(f.cells().get(1).verdicts()).isEqualTo("each: ORDER costs 12.0 µs; batched: ORDER costs 2.0 µs");
    List<Path> written = SweepReport.write(dir.resolve("two"), f);
    Document page = Jsoup.parse(written.get(0).toFile());
    assertThat(page.select("svg")).as("a heat map per test").hasSize(2);
    assertThat(page.select("h3").eachText()).contains("ORDER's cost per insert (µs), test each",
        "ORDER's cost per insert (µs), test batched");
    assertThat(page.select("svg").get(1).select("rect[stroke=#000]")).as("batched's knee cell framed").hasSize(1);
    assertThat(page.select("table").last().select("tbody tr")).as("a row per cell and test").hasSize(6);
    JsonNode json = JSON.readTree(written.get(1).toFile());
    assertThat(json.get("cells").get(2).get("differences")).hasSize(2);
    assertThat(json.get("knees")).extracting(k -> k.get("test").asText()).containsExactly("each", "batched");
  }

  @Test
  void aStrategyWithoutP99SaysWhyOnThePage() throws Exception {
    JsonNode noP99 = JSON.readTree(keygen(14000, 15000, -300, 2300).toString()
        .replace("\"p99_us\":4000", "\"note\":\"uuid4 block 1: no insert succeeded (0 failed), so uuid4 has no latency"
            + " percentiles over its blocks.\""));
    Document page = Jsoup.parse(SweepReport.write(dir.resolve("p99"), SweepFigures.of("s5", keyGen(), List.of(),
        Map.of("preseed_rows-10000", noP99))).get(0).toFile());
    assertThat(page.text()).contains("none (below)", "preseed_rows = 10,000: uuid4 has no p99: uuid4 block 1: no insert"
        + " succeeded (0 failed)");
  }

  /** A sequence-gaps.json of two tests, each ORDER minus NOORDER median with its interval. */
  private static JsonNode twoTests(double d1, double l1, double h1, double d2, double l2, double h2) throws Exception {
    return JSON.readTree("{\"run_id\": \"r\", \"tests\": [" + test("each", d1, l1, h1) + ", " + test("batched", d2, l2, h2)
        + "]}");
  }

  private static String test(String name, double diff, double low, double high) {
    return "{\"test_name\": \"" + name + "\", \"comparison\": {\"verdict\": \"ORDER costs " + diff + " µs\","
        + " \"median_latency_diff_us\": " + diff + ", \"median_latency_diff_ci_us\": [" + low + ", " + high + "]}}";
  }

  private static void noEmptyChart(Document page) {
    for (Element svg : page.select("svg")) {
      assertThat(svg.select("polyline, rect")).as("a chart draws something").isNotEmpty();
    }
  }
}
