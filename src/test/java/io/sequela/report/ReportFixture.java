package io.sequela.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the captured Gatling 3.11.5 report (src/test/resources/gatling-report-3.11.5) into a folder. */
final class ReportFixture {

  static final Path SOURCE = Path.of("src/test/resources/gatling-report-3.11.5");

  private ReportFixture() {}

  static Path copyTo(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(SOURCE)) {
      for (Path f : files.toList()) {
        Path target = dir.resolve(SOURCE.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return dir;
  }
}
