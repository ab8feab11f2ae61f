package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Driver;
import java.sql.DriverManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each dialect names the driver that accepts its URLs (the shaded jar loads Oracle's only through this). */
class DialectDriverTest {

  @ParameterizedTest
  @CsvSource({
      "jdbc:postgresql://db.example:5432/app",
      "jdbc:oracle:thin:@//rac-scan.example:1521/svc",
      "jdbc:h2:mem:x"})
  void theLoadedDriverAcceptsTheDialectsUrls(String url) throws Exception {
    Dialect d = Dialect.fromJdbcUrl(url);
    d.loadDriver();
    java.sql.Driver driver = DriverManager.getDriver(url);
    assertThat(driver.getClass().getName()).isEqualTo(d.driverClassName());
    assertThat(driver.acceptsURL(url)).isTrue();
  }
}
