package io.sequela;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The arrows between sequela's packages, as docs/architecture.md ("## Packages") lists them, checked on the
 * library's compiled classes: a package may use the root package, itself and the packages listed for it,
 * never another package of the table.
 */
class PackageArrowsTest {

  /** Package to the packages it may use; keep in step with docs/architecture.md. */
  private static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

  static {
    MAY_USE.put("config", Set.of());
    MAY_USE.put("db", Set.of("config"));
    MAY_USE.put("dispatch", Set.of());
    MAY_USE.put("keys", Set.of("config", "db"));
    MAY_USE.put("populate", Set.of("config", "db"));
    MAY_USE.put("stats", Set.of());
    MAY_USE.put("design", Set.of("stats"));
    MAY_USE.put("gatlingrun", Set.of());
    MAY_USE.put("probe", Set.of("db", "keys", "stats"));
    MAY_USE.put("gaps", Set.of("config", "db", "stats"));
    MAY_USE.put("report", Set.of("config", "db", "gaps", "stats", "history"));
    MAY_USE.put("load", Set.of("db"));
    MAY_USE.put("assertions", Set.of("config"));
    MAY_USE.put("history", Set.of("config", "stats"));
    MAY_USE.put("nightly", Set.of("config", "db", "gaps", "stats", "assertions", "history"));
    MAY_USE.put("cli", Set.of("config", "db", "populate", "simulation"));
  }

  /**
   * The library's classes only (Maven's output folder); the classes they use are known by name, which is all
   * a package rule needs, so none is looked up on the class path.
   */
  private static final JavaClasses LIBRARY = importLibrary();

  private static JavaClasses importLibrary() {
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    return new ClassFileImporter().importPath(Path.of("target/classes"));
  }

  @Test
  void noPackageUsesOneItMayNot() {
    Set<String> all = new TreeSet<>(MAY_USE.keySet());
    all.add("simulation");
    MAY_USE.forEach((pkg, allowed) -> {
      String[] forbidden = all.stream().filter(p -> !p.equals(pkg) && !allowed.contains(p))
          .map(p -> "io.sequela." + p + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("io.sequela." + pkg + "..")
          .should().dependOnClassesThat().resideInAnyPackage(forbidden)
          .because(pkg + " may use only " + allowed + " (docs/architecture.md)")
          .check(LIBRARY);
    });
  }

  @Test
  void theLibraryNeverUsesGatling() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.gatling..").check(LIBRARY);
  }

  @Test
  void reportOnlyReadsResultsHandedToIt() {
    noClasses().that().resideInAPackage("io.sequela.report..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.sequela.gatlingrun..",
            "io.sequela.probe..")
        .check(LIBRARY);
  }
}
