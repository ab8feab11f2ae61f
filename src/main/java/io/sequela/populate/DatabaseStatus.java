package io.sequela.populate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The expected (or measured) fingerprints of every table of a model: what {@code describe} writes, so a
 * database on another machine can be checked against it.
 *
 * @param seed the model seed
 * @param tables fingerprints per table, in model order
 */
public record DatabaseStatus(long seed, List<TableFingerprint> tables) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public DatabaseStatus {
    tables = List.copyOf(tables);
  }

  /**
   * Writes this status as JSON.
   *
   * @throws SequelaException when the file cannot be written
   */
  public void write(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new SequelaException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a status written by {@link #write}.
   *
   * @throws SequelaException.InvalidInput when the file is missing or not a status file
   */
  public static DatabaseStatus read(Path file) {
    try {
      return JSON.readValue(file.toFile(), DatabaseStatus.class);
    } catch (IOException e) {
      throw new SequelaException.InvalidInput(file + ": not a sequela status file (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }
}
