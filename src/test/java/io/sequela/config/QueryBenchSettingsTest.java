package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QueryBenchSettingsTest {

  private static QueryBenchSettings with(String overrides) {
    return QueryBenchSettings.from(ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReference()).resolve());
  }

  @Test
  void defaultsAreFourWorkersOnTheEmbeddedServerWithTheExampleFiles() {
    QueryBenchSettings s = with("");
    assertThat(s.workers()).isEqualTo(4);
    assertThat(s.assignment()).isEqualTo("rendezvous");
    assertThat(s.queries()).isNull();
    assertThat(s.data()).isNull();
    assertThat(s.target()).isEqualTo("embedded");
  }

  @Test
  void overridesAreReadAndThePasswordIsNeverShown() {
    QueryBenchSettings s = with("sequela.querybench { workers = 16, assignment = balanced-queries, queries = q.csv, "
        + "data = d.csv, target = \"jdbc:postgresql://db:5432/x\", user = bob, password = s3cret }");
    assertThat(s.workers()).isEqualTo(16);
    assertThat(s.assignment()).isEqualTo("balanced-queries");
    assertThat(s.toString()).contains("assignment=balanced-queries");
    assertThat(s.queries()).isEqualTo(Path.of("q.csv"));
    assertThat(s.data()).isEqualTo(Path.of("d.csv"));
    assertThat(s.password()).isEqualTo("s3cret");
    assertThat(s.toString()).doesNotContain("s3cret").contains("password=***");
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(() -> with("sequela.querybench.workers = 0"))
        .isInstanceOf(SequelaException.InvalidInput.class).hasMessage("sequela.querybench.workers: must be >= 1, got 0");
    assertThatThrownBy(() -> with("sequela.querybench.workers = many"))
        .isInstanceOf(SequelaException.InvalidInput.class).hasMessageContaining("workers");
  }

  @Test
  void workersBeyondTheEmbeddedServersConnectionsAreOneLine() {
    assertThatThrownBy(() -> with("sequela.querybench.workers = 500"))
        .isInstanceOf(SequelaException.InvalidInput.class).hasMessage("sequela.querybench.workers: must be at most 190 "
            + "(the embedded server's max_connections 200 minus 10 reserved), got 500");
    assertThat(with("sequela.querybench.workers = 500\nsequela.querybench.target = \"jdbc:postgresql://db:5432/x\"").workers())
        .isEqualTo(500);
  }
}
