package org.fanzha.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Gives every test application context a database of its own, so cached contexts never
 * see each other's data and tests never touch ./data: an in-memory H2 database by
 * default, or a fresh schema in the PostgreSQL database of FANZHA_DB_URL under the
 * {@code postgres} profile ({@code ./mvnw verify -Ppostgres}), dropped when the context
 * closes.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (Boolean.getBoolean("fanzha.test.database.off")) {
			// a server started as a separate process by a test keeps its own (file)
			// database
			return;
		}
		ConfigurableEnvironment env = context.getEnvironment();
		String name = "fzt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		Map<String, Object> props = new HashMap<>();
		if (env.acceptsProfiles(Profiles.of("postgres"))) {
			String url = env.getRequiredProperty("spring.datasource.url");
			String user = env.getProperty("spring.datasource.username");
			String password = env.getProperty("spring.datasource.password");
			execute(url, user, password, "CREATE SCHEMA " + name);
			props.put("spring.datasource.hikari.schema", name);
			props.put("spring.flyway.default-schema", name);
			props.put("spring.flyway.schemas", name);
			context.addApplicationListener(event -> {
				if (event instanceof ContextClosedEvent) {
					execute(url, user, password, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
				}
			});
		}
		else {
			props.put("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		}
		// contexts are cached for the whole run: small pools, idle connections given
		// back, so that a dozen cached
		// contexts stay far below PostgreSQL's max_connections (100)
		props.put("spring.datasource.hikari.maximum-pool-size", "4");
		props.put("spring.datasource.hikari.minimum-idle", "1");
		props.put("spring.datasource.hikari.idle-timeout", "10000");
		props.put("spring.datasource.hikari.leak-detection-threshold", "10000");
		props.put("fanzha.data-dir", "target/test-data/" + name);
		// every test context starts with the demo agencies and one user per role (see
		// README)
		props.put("fanzha.identity.demo-users", "true");
		env.getPropertySources().addFirst(new MapPropertySource("fanzha-test-database", props));
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Test database setup failed at " + url + ": " + e.getMessage(), e);
		}
	}

}
