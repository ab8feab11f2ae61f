package io.sequela.gatlingrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one injector of a several-injector run drove, written into its run folder as
 * {@value #FILE} so the merge ({@code sequela report}) needs neither the plan nor the injector's settings:
 * the run id, the injector's number and how many there are, and per request name (one node of one stage) the
 * inserts this injector planned.
 *
 * @param runId the run id shared by every injector
 * @param simulation the simulation's simple class name, e.g. SeqOrderSimulation
 * @param injector this injector's number, 1..injectors
 * @param injectors how many injectors drove the run
 * @param requests this injector's requests in run order (stage, then node); nodes it drove no user of are absent
 */
public record InjectorShare(String runId, String simulation, int injector, int injectors, List<Request> requests) {

  /** The file's name in the run folder. */
  public static final String FILE = "sequela-injector.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

  public InjectorShare {
    requests = List.copyOf(requests);
  }

  /**
   * One node of one stage.
   *
   * @param stage the stage's index in the run, from 0
   * @param name the Gatling request name, e.g. {@code 70_30_ratio ORDER node 1}
   * @param test the test name
   * @param mode ORDER or NOORDER
   * @param node the node number
   * @param planned inserts this injector planned for it (its users x iterations)
   */
  public record Request(int stage, String name, String test, String mode, int node, long planned) {}

  /**
   * Writes {@value #FILE} into a run folder.
   *
   * @throws SequelaException when the file cannot be written
   */
  public Path writeTo(Path runFolder) {
    Path file = runFolder.resolve(FILE);
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * Reads {@value #FILE} from a run folder.
   *
   * @return the share, or empty when the folder holds none (a single-injector run)
   * @throws SequelaException.InvalidInput when the file is not a share
   */
  public static Optional<InjectorShare> readFrom(Path runFolder) {
    Path file = runFolder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), InjectorShare.class));
    } catch (JsonProcessingException e) {
      throw new SequelaException.InvalidInput(file + ": not an injector share: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SequelaException.InvalidInput(file + ": cannot be read: " + e.getMessage());
    }
  }
}
