package io.sequela;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.sequela.gatlingrun.GatlingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows between sequela's packages, as docs/architecture.md ("## Packages") lists them, checked on the
 * library's compiled classes: a package may use the root package, itself and the packages listed for it,
 * never another package of the table. The table's "may use" column is read back and must say what {@link #MAY_USE}
 * says.
 */
class PackageArrowsTest {

  /** Package to the packages it may use; keep in step with docs/architecture.md. */
  private static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

  static {
    MAY_USE.put("config", Set.of());
    MAY_USE.put("db", Set.of("config"));
    MAY_USE.put("keys", Set.of("config", "db"));
    MAY_USE.put("populate", Set.of("config", "db"));
    MAY_USE.put("stats", Set.of());
    MAY_USE.put("design", Set.of("stats"));
    MAY_USE.put("record", Set.of());
    MAY_USE.put("gatlingrun", Set.of("record"));
    MAY_USE.put("probe", Set.of("db", "keys", "stats"));
    MAY_USE.put("gaps", Set.of("config", "db", "stats"));
    MAY_USE.put("report", Set.of("config", "db", "design", "gaps", "stats", "history"));
    MAY_USE.put("load", Set.of("db"));
    MAY_USE.put("assertions", Set.of("config"));
    MAY_USE.put("history", Set.of("config", "stats"));
    MAY_USE.put("nightly", Set.of("config", "db", "design", "gaps", "stats", "assertions", "history"));
    MAY_USE.put("injectors", Set.of());
    MAY_USE.put("run", Set.of("db", "gatlingrun", "nightly", "record", "report"));
    MAY_USE.put("seqorder", Set.of("assertions", "config", "db", "design", "gaps", "gatlingrun", "injectors", "load", "nightly",
        "probe", "record", "report", "run", "stats"));
    MAY_USE.put("keygen", Set.of("assertions", "config", "db", "design", "gatlingrun", "keys", "load", "nightly", "populate",
        "probe", "record", "report", "run", "stats"));
    MAY_USE.put("querybench", Set.of("assertions", "config", "db", "gatlingrun", "load", "nightly", "populate", "record",
        "report", "run", "stats"));
    MAY_USE.put("sweep", Set.of("config", "report"));
    MAY_USE.put("cli", Set.of("config", "db", "injectors", "populate", "report", "seqorder", "sweep"));
  }

  private static final Set<String> SIMULATION_PACKAGES = Set.of("seqorder", "keygen", "querybench");

  /**
   * The library's classes only (Maven's output folder); the classes they use are known by name, which is all
   * a package rule needs, so none is looked up on the class path.
   */
  private static final JavaClasses LIBRARY = importLibrary();

  private static JavaClasses importLibrary() {
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    return new ClassFileImporter().importPath(Path.of("target/classes"));
  }

  /**
   * docs/architecture.md's table lists the same packages with the same arrows: in each row's "may use" cell, the
   * packages named in backticks outside parentheses (what is in parentheses says which types, and a package named
   * only in prose, e.g. {@code keys.PlanStrategies}, is no arrow).
   */
  @Test
  void theArchitectureTableSaysWhatThisTestChecks() throws IOException {
    assertThat(documentedArrows(Files.readString(Path.of("docs/architecture.md")))).isEqualTo(MAY_USE);
  }

  /** Package to the packages its row's "may use" cell names, for the rows of packages in {@link #MAY_USE}. */
  static Map<String, Set<String>> documentedArrows(String doc) {
    String table = doc.substring(doc.indexOf("| package | owns | may use"));
    table = table.substring(0, table.indexOf("\n\n"));
    Map<String, Set<String>> out = new LinkedHashMap<>();
    table.lines().skip(2).forEach(row -> {
      String[] cells = row.split("\\|", -1);
      String pkg = cells[1].strip().replace("`", "");
      if (!MAY_USE.containsKey(pkg)) {
        return; // the root package and simulations/
      }
      String uses = cells[3];
      for (String before = ""; !before.equals(uses); ) {
        before = uses;
        uses = uses.replaceAll("\\([^()]*\\)", "");
      }
      Set<String> named = new TreeSet<>();
      Matcher m = Pattern.compile("`([a-z]+)`").matcher(uses);
      while (m.find()) {
        if (MAY_USE.containsKey(m.group(1))) {
          named.add(m.group(1));
        }
      }
      out.put(pkg, named);
    });
    return out;
  }

  @Test
  void noPackageUsesOneItMayNot() {
    Set<String> all = new TreeSet<>(MAY_USE.keySet());
    MAY_USE.forEach((pkg, allowed) -> {
      String[] forbidden = all.stream().filter(p -> !p.equals(pkg) && !allowed.contains(p))
          .map(p -> "io.sequela." + p + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("io.sequela." + pkg + "..")
          .should().dependOnClassesThat().resideInAnyPackage(forbidden)
          .because(pkg + " may use only " + allowed + " (docs/architecture.md)")
          .check(LIBRARY);
    });
  }

  /** The three simulations' packages never use each other, whatever {@link #MAY_USE} says of them. */
  @Test
  void noSimulationPackageUsesAnother() {
    for (String pkg : SIMULATION_PACKAGES) {
      String[] others = SIMULATION_PACKAGES.stream().filter(p -> !p.equals(pkg)).map(p -> "io.sequela." + p + "..")
          .toArray(String[]::new);
      noClasses().that().resideInAPackage("io.sequela." + pkg + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .because("a simulation's package never uses another's (docs/architecture.md)")
          .check(LIBRARY);
    }
  }

  /**
   * simulations/ (Gatling's side, compiled into the test classes' default package): each simulation uses its own
   * package of the library and never another simulation's (the
   * library cannot use them: Java has no import from the default package).
   */
  @Test
  void eachGatlingSimulationUsesOnlyItsOwnSimulationPackage() {
    JavaClasses simulations = new ClassFileImporter().importPath(Path.of("target/test-classes"))
        .that(DescribedPredicate.describe("in the default package",
            (JavaClass c) -> c.getPackageName().isEmpty()));
    Map<String, String> own = Map.of("SeqOrderSimulation", "seqorder", "KeyGenSimulation", "keygen",
        "QueryBenchSimulation", "querybench");
    own.forEach((simulation, pkg) -> {
      String[] others = SIMULATION_PACKAGES.stream().filter(p -> !p.equals(pkg)).map(p -> "io.sequela." + p + "..")
          .toArray(String[]::new);
      noClasses().that().haveSimpleNameStartingWith(simulation)
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .because(simulation + " uses only io.sequela." + pkg + " of the three simulation packages")
          .check(simulations);
    });
  }

  /**
   * Types public only where another package needs them: each public top-level type of the library is named (imported,
   * or written out in full) in a file outside its package (another package's sources or tests, simulations/ and the
   * profiles' source roots, the JMH benchmarks, pom.xml for the jar's main class, a service in META-INF/services), or
   * used by a compiled class of another package (a call through another type's method, e.g.
   * {@code run.sequence().userDone(k)}, names no type; the compiled classes in turn lose a type argument).
   */
  @Test
  void aPublicTypeIsUsedOutsideItsPackage() throws IOException {
    Pattern publicType = Pattern.compile(
        "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)",
        Pattern.MULTILINE);
    Pattern named = Pattern.compile("io\\.sequela\\.(?:[a-z]+\\.)?[A-Z]\\w*");
    Path library = Path.of("src/main/java");
    Map<String, String> publicTypes = new TreeMap<>(); // type to its package
    Map<String, Set<String>> namedOutside = new LinkedHashMap<>(); // type to the packages (or "" files) naming it
    List<Path> roots = List.of(Path.of("src"), Path.of("simulations"), Path.of("simulations-gatling"),
        Path.of("simulations-jdbc-plugin"), Path.of("pom.xml"));
    for (Path root : roots) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(java|xml|conf)$|.*/services/.*"))
            .toList();
      }
      for (Path f : files) {
        String text = Files.readString(f);
        Matcher pkg = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(text);
        String filePackage = f.toString().endsWith(".java") && pkg.find() ? pkg.group(1) : "";
        if (f.startsWith(library) && !f.endsWith("package-info.java")) {
          Matcher t = publicType.matcher(text);
          String name = f.getFileName().toString().replace(".java", "");
          while (t.find()) {
            if (t.group(1).equals(name)) {
              publicTypes.put(filePackage + "." + name, filePackage);
            }
          }
        }
        Matcher m = named.matcher(text);
        while (m.find()) {
          namedOutside.computeIfAbsent(m.group(), x -> new TreeSet<>()).add(filePackage);
        }
      }
    }
    JavaClasses compiled = new ClassFileImporter().importPaths(Path.of("target/classes"), Path.of("target/test-classes"));
    // used outside its package where neither check sees it: only by the JMH benchmarks (-Pbench), through
    // SequenceBlockAllocator's stats(); as a lambda's type, passed to CpuUsageTable.recreate in db's CpuUsageQueryTest
    Set<String> unseen = Set.of("io.sequela.keys.SequenceBlockStats", "io.sequela.querybench.CpuUsageSource");
    List<String> onlyOwn = publicTypes.entrySet().stream()
        .filter(e -> namedOutside.getOrDefault(e.getKey(), Set.of()).stream().allMatch(p -> p.equals(e.getValue())))
        .filter(e -> compiled.get(e.getKey()).getDirectDependenciesToSelf().stream()
            .allMatch(d -> d.getOriginClass().getPackageName().equals(e.getValue())))
        .map(Map.Entry::getKey).filter(t -> !unseen.contains(t)).toList();
    assertThat(publicTypes).as("the library's public types, read from src/main/java").hasSizeGreaterThan(100);
    assertThat(onlyOwn).as("public, but used only in its own package: make it package-private").isEmpty();
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

  /**
   * Nothing on the default path opens simulation.log: Gatling's text log is read by {@code gatlingrun.TextLog} alone,
   * which no library class calls; only the JDBC plugin's profile (simulations-jdbc-plugin/) does. Everything sequela
   * reports is read from its own run record ({@code record.RequestRecords}).
   */
  @Test
  void nothingOnTheDefaultPathReadsSimulationLog() {
    noClasses().that().doNotHaveFullyQualifiedName("io.sequela.gatlingrun.TextLog")
        .and().doNotHaveFullyQualifiedName("io.sequela.gatlingrun.TextLog$Request")
        .should().dependOnClassesThat().haveFullyQualifiedName("io.sequela.gatlingrun.TextLog")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.sequela.gatlingrun.TextLog$Request")
        .because("simulation.log is Gatling's (binary since 3.13, readable only by the same version): sequela reads its own record")
        .check(LIBRARY);
    noClasses().that().resideOutsideOfPackage("io.sequela.gatlingrun..")
        .should().callMethod(GatlingRun.class, "simulationLog")
        .because("only the JDBC plugin's profile opens simulation.log")
        .check(LIBRARY);
  }
}
