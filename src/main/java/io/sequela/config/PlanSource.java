package io.sequela.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a plan is read from, the same rule for every plan (SeqOrder's JSON, KeyGen's HOCON, a sweep): a file at the
 * given path when there is one, else a classpath resource of that name ({@code plans/seqorder-knee.json}).
 */
final class PlanSource {

  private PlanSource() {}

  /** The name problems are reported under: the file's name ({@code knee.json}), or the location as given. */
  static String name(String location) {
    Path file = Path.of(location);
    return file.getFileName() == null ? location : file.getFileName().toString();
  }

  /**
   * The plan's root object, parsed as HOCON (of which JSON is a part).
   *
   * @throws ConfigException.IO when neither a file nor a resource of that name exists
   * @throws ConfigException when it is not valid HOCON or JSON, or its root is not an object
   */
  static ConfigObject root(String location) {
    Path file = Path.of(location);
    ConfigParseOptions opts = ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF);
    return Files.isRegularFile(file)
        ? ConfigFactory.parseFile(file.toFile(), opts).root()
        : ConfigFactory.parseResources(location, opts).root();
  }
}
