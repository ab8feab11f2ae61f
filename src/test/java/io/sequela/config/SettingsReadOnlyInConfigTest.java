package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Settings are read in one place: outside {@code io.sequela.config}, no library or simulation source reads,
 * sets or lists system properties, except by a literal name outside {@code sequela.*} (logback's own), and none
 * loads a Typesafe config with the system properties over it.
 */
class SettingsReadOnlyInConfigTest {

  private static final Pattern PROPERTY_CALL = Pattern.compile(
      "\\b(?:System\\.(?:getProperty|setProperty|clearProperty|getProperties)|Boolean\\.getBoolean|Integer\\.getInteger"
          + "|Long\\.getLong)\\s*\\(\\s*(\"[^\"]*\")?");
  private static final Pattern TYPESAFE_LOAD =
      Pattern.compile("\\bConfigFactory\\.(?:load|systemProperties|defaultOverrides|defaultReference)\\s*\\(");
  private static final Path CONFIG = Path.of("src/main/java/io/sequela/config");

  @Test
  void noSequelaSettingIsReadOutsideConfig() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("simulations"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(CONFIG)).toList()) {
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            Matcher m = PROPERTY_CALL.matcher(lines.get(i));
            while (m.find()) {
              if (m.group(1) == null || m.group(1).startsWith("\"sequela")) {
                found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
              }
            }
            if (TYPESAFE_LOAD.matcher(lines.get(i)).find()) {
              found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(found).as("system property reads outside config/").isEmpty();
  }

  @Test
  void theCheckFindsWhatItLooksFor() {
    assertThat(PROPERTY_CALL.matcher("Boolean.getBoolean(\"sequela.trace\")").find()).isTrue();
    Matcher named = PROPERTY_CALL.matcher("System.getProperty(\"logback.configurationFile\")");
    assertThat(named.find()).isTrue();
    assertThat(named.group(1)).isEqualTo("\"logback.configurationFile\"");
    Matcher computed = PROPERTY_CALL.matcher("System.getProperty(key)");
    assertThat(computed.find()).isTrue();
    assertThat(computed.group(1)).isNull();
    assertThat(PROPERTY_CALL.matcher("props.setProperty(\"user\", u); rs.getLong(1)").find()).isFalse();
  }
}
