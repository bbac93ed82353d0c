package org.luoshi.engine;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Which database Luoshi runs on: the embedded H2 (demo, development) or a server (PostgreSQL). */
@Component
public class DatabaseInfo {

  private final boolean embedded;
  private final String product;

  DatabaseInfo(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      this.product = c.getMetaData().getDatabaseProductName();
      this.embedded = "H2".equalsIgnoreCase(product);
    }
  }

  public boolean isEmbedded() {
    return embedded;
  }

  public String product() {
    return product;
  }
}
