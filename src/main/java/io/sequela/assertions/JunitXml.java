package io.sequela.assertions;

import io.sequela.SequelaException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code sequela-assertions.xml}: JUnit XML as CI servers read it (Jenkins junit, GitLab
 * artifacts:reports:junit), one {@code <testsuite>} per simulation, one {@code <testcase>} per check, a
 * {@code <failure message="p99_us 6120 > 5000">} for a failed check and {@code <skipped message=...>} for
 * one that could not be evaluated. Written with the JDK's StAX writer, which escapes every value.
 */
public final class JunitXml {

  /** The file's name in the run folder. */
  public static final String FILE = "sequela-assertions.xml";

  private JunitXml() {}

  /**
   * Writes the file into a folder, replacing it.
   *
   * @return the file's path
   * @throws SequelaException when it cannot be written
   */
  public static Path write(Path folder, Checks checks) {
    Path file = folder.resolve(FILE);
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuites");
      w.writeCharacters("\n");
      w.writeStartElement("testsuite");
      w.writeAttribute("name", checks.suite());
      w.writeAttribute("tests", Integer.toString(checks.checks().size()));
      w.writeAttribute("failures", Integer.toString(checks.failures().size()));
      w.writeAttribute("errors", "0");
      w.writeAttribute("skipped", Long.toString(checks.checks().stream().filter(c -> c.status() == Check.Status.SKIPPED).count()));
      w.writeCharacters("\n");
      for (Check c : checks.checks()) {
        testcase(w, checks.suite(), c);
      }
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (IOException | XMLStreamException e) {
      throw new SequelaException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static void testcase(XMLStreamWriter w, String suite, Check c) throws XMLStreamException {
    w.writeCharacters("  ");
    w.writeStartElement("testcase");
    w.writeAttribute("classname", suite);
    w.writeAttribute("name", c.name());
    w.writeAttribute("time", "0");
    switch (c.status()) {
      case FAILED -> {
        w.writeStartElement("failure");
        w.writeAttribute("message", c.message());
        w.writeAttribute("type", "sequela.assertion");
        w.writeCharacters(c.message());
        w.writeEndElement();
      }
      case SKIPPED -> {
        w.writeEmptyElement("skipped");
        w.writeAttribute("message", c.message());
      }
      case PASSED -> {
        if (!c.message().isEmpty()) {
          w.writeStartElement("system-out");
          w.writeCharacters(c.message());
          w.writeEndElement();
        }
      }
    }
    w.writeEndElement();
    w.writeCharacters("\n");
  }
}
