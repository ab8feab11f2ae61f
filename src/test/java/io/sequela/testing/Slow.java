package io.sequela.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The JUnit tag {@code slow}: a test that runs a whole Gatling simulation, forks a JVM ({@link ForkedGatling},
 * {@link ForkedJvm}), starts a server of its own or loads millions of rows. {@code mvn -B test} runs every test;
 * {@code mvn -B test -Dgroups='!slow'} runs the fast tier, the rest.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
