package org.fanzha;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The Fanzha platform server. Each top-level package below this one is an application
 * module (see docs/architecture.md); {@link Launcher} is the command-line entry point
 * that starts it.
 */
@Modulithic(systemName = "Fanzha")
@SpringBootApplication
@ConfigurationPropertiesScan
public class FanzhaApplication {

	public static void main(String[] args) {
		SpringApplication.run(FanzhaApplication.class, args);
	}

}
