package org.luoshi;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Luoshi (落实): a district's work-implementation machinery on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LuoshiApplication {

  /** The district works in Beijing time; the engine, JPA and deadlines use the JVM's zone. */
  public static final String ZONE = "Asia/Shanghai";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    SpringApplication.run(LuoshiApplication.class, args);
  }
}
