package io.sequela.querybench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryParamsCsvTest {

  private static final String HEADER = "hostname,start_time,end_time\n";

  private static List<QueryParams> read(String text) throws Exception {
    return QueryParamsCsv.read("q.csv", new StringReader(text));
  }

  private static void assertRejected(String text, String message) {
    assertThatThrownBy(() -> read(text)).isInstanceOf(SequelaException.InvalidInput.class).hasMessage(message);
  }

  @Test
  void readsQueriesInFileOrderWithLineNumbers() throws Exception {
    List<QueryParams> q = read(HEADER + "host_000008,2017-01-01 08:59:22,2017-01-01 09:59:22\n\n"
        + "host_000001,2017-01-02 13:02:02,2017-01-02 13:02:02\n");
    assertThat(q).containsExactly(
        new QueryParams(2, "host_000008", LocalDateTime.of(2017, 1, 1, 8, 59, 22), LocalDateTime.of(2017, 1, 1, 9, 59, 22)),
        new QueryParams(4, "host_000001", LocalDateTime.of(2017, 1, 2, 13, 2, 2), LocalDateTime.of(2017, 1, 2, 13, 2, 2)));
  }

  @Test
  void namesFileLineAndColumnOfEachMistake() {
    assertRejected(HEADER + "host_1,2017-01-01 08:59:22,2017-01-01 09:59:22\nhost_2,2017-01-01 08:59:22\n",
        "q.csv: line 3: end_time: missing column (expected hostname,start_time,end_time)");
    assertRejected(HEADER + "host_1,2017-01-01 08:59:22,2017-01-01 09:59:22,x\n",
        "q.csv: line 2: line: 4 columns, expected 3 (hostname,start_time,end_time)");
    assertRejected(HEADER + "host_1,2017-1-1 08:59:22,2017-01-01 09:59:22\n",
        "q.csv: line 2: start_time: unparsable timestamp '2017-1-1 08:59:22'; expected yyyy-MM-dd HH:mm:ss");
    assertRejected(HEADER + "host_1,2017-01-01 08:59:22,2017-02-30 09:59:22\n",
        "q.csv: line 2: end_time: unparsable timestamp '2017-02-30 09:59:22'; expected yyyy-MM-dd HH:mm:ss");
    assertRejected(HEADER + "host_1,2017-01-01 08:59:22,2017-01-01 08:59:21\n",
        "q.csv: line 2: end_time: 2017-01-01 08:59:21 is before start_time 2017-01-01 08:59:22");
    assertRejected(HEADER + ",2017-01-01 08:59:22,2017-01-01 09:59:22\n", "q.csv: line 2: hostname: empty host name");
    assertRejected("host,start,end\n", "q.csv: line 1: header must be hostname,start_time,end_time, got 'host,start,end'");
  }

  @Test
  void headerOnlyAndEmptyFilesGiveAClearMessage() {
    assertRejected(HEADER, "q.csv: no queries after the header hostname,start_time,end_time");
    assertRejected("", "q.csv: empty file; expected the header hostname,start_time,end_time");
  }

  @Test
  void fileErrorsNameThePath(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("params.csv");
    Files.writeString(f, HEADER + "host_1,2017-01-01 08:59:22,yesterday\n");
    assertThatThrownBy(() -> QueryParamsCsv.read(f)).hasMessage(f + ": line 2: end_time: unparsable timestamp "
        + "'yesterday'; expected yyyy-MM-dd HH:mm:ss");
    assertThatThrownBy(() -> QueryParamsCsv.read(dir.resolve("none.csv"))).hasMessage(dir.resolve("none.csv") + ": no such file");
  }

  @Test
  void defaultExampleFileCoversTheTwentyHosts() {
    List<QueryParams> q = QueryParamsCsv.readResource("querybench/query_params.csv");
    assertThat(q).hasSizeBetween(100, 1000);
    assertThat(q.stream().map(QueryParams::hostname).distinct()).hasSize(20);
  }
}
