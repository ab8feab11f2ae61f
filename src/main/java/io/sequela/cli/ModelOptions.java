package io.sequela.cli;

import io.sequela.populate.Model;
import io.sequela.populate.ModelLoader;
import picocli.CommandLine.Option;

/** {@code --model} and {@code --seed}, shared by the populator's commands. */
final class ModelOptions {

  @Option(names = "--model", required = true, paramLabel = "<file>",
      description = "Model file (HOCON or JSON), or a classpath resource such as models/cpu_usage.conf.")
  String model;

  @Option(names = "--seed", paramLabel = "<n>", description = "Seed; overrides the model's seed.")
  Long seed;

  /** The validated model with the seed applied; throws InvalidInput before any database work. */
  Model load() {
    return load(model, seed);
  }

  static Model load(String model, Long seed) {
    Model m = ModelLoader.load(model);
    return seed == null ? m : m.withSeed(seed);
  }
}
