package org.fanzha.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.fanzha.FanzhaApplication;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Backup and restore as docs/reliability.md describes them — H2's {@code SCRIPT TO} and
 * PostgreSQL's {@code pg_dump} — and a second platform started on the restored copy
 * answers as the original: the same case, the same stop instruction, the same remembered
 * transfer decision.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BackupRestoreTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment env;

	MvcResult call(String method, String user, String path, String body) throws Exception {
		var req = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
			.with(httpBasic(user, DemoLogins.PASSWORD));
		if (body != null) {
			req = req.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(req).andReturn();
	}

	@Test
	void theRestoredCopyAnswersTheSame() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		MvcResult reported = call("POST", "centre", "/api/v1/cases", """
				{"victim":{"name":"备份","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"LOAN",
				 "reportedAt":"%s","payments":[{"payerAccount":"ABC:BK1","payeeName":"某某","payeeAccount":"CCB:BACKUP1",
				 "payeeBank":"CCB","amountFen":123400,"paidAt":"%s"}]}""".formatted(now, now.minusSeconds(600)));
		assertThat(reported.getResponse().getStatus()).isEqualTo(201);
		String caseNumber = reported.getResponse()
			.getContentAsString()
			.replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
		String decisionBody = "{\"transferId\":\"BK-1\",\"fromAccount\":\"ICBC:X\",\"toAccount\":\"ICBC:Y\",\"amountFen\":500,"
				+ "\"time\":\"" + now + "\"}";
		String decision = call("POST", "bank", "/api/v1/transfers/decisions", decisionBody).getResponse()
			.getContentAsString();
		String instructions = "";
		for (int i = 0; i < 100 && !instructions.contains("CCB:BACKUP1"); i++) {
			Thread.sleep(100); // the plan follows the report through the event registry
			instructions = call("GET", "centre", "/api/v1/funds/cases/" + caseNumber + "/instructions", null)
				.getResponse()
				.getContentAsString();
		}
		assertThat(instructions).contains("CCB:BACKUP1");
		String detail = call("GET", "centre", "/api/v1/cases/" + caseNumber, null).getResponse().getContentAsString();

		boolean postgres = env.acceptsProfiles(Profiles.of("postgres"));
		Path dir = Files.createDirectories(Path.of("target", "backup-" + UUID.randomUUID()));
		List<String> properties = new ArrayList<>();
		String restoredDatabase = null;
		if (postgres) {
			String url = env.getRequiredProperty("spring.datasource.url");
			String user = env.getProperty("spring.datasource.username", "postgres");
			String schema = jdbc.sql("SELECT current_schema()").query(String.class).single();
			URI u = URI.create(url.substring("jdbc:".length()));
			Path dump = dir.resolve("fanzha.sql");
			run(List.of("pg_dump", "-h", u.getHost(), "-p", String.valueOf(u.getPort()), "-U", user,
					"--schema=" + schema, "--no-owner", "-f", dump.toString(), u.getPath().substring(1)));
			restoredDatabase = "fzrestore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			jdbc.sql("CREATE DATABASE " + restoredDatabase).update();
			run(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", u.getHost(), "-p", String.valueOf(u.getPort()),
					"-U", user, "-d", restoredDatabase, "-f", dump.toString()));
			String restoredUrl = url.substring(0, url.lastIndexOf('/') + 1) + restoredDatabase;
			properties.addAll(List.of("spring.profiles.active=postgres", "spring.datasource.url=" + restoredUrl,
					"spring.datasource.username=" + user, "spring.datasource.hikari.schema=" + schema,
					"spring.flyway.default-schema=" + schema, "spring.flyway.schemas=" + schema));
		}
		else {
			Path script = dir.resolve("fanzha.sql").toAbsolutePath();
			jdbc.sql("SCRIPT TO '" + script + "'").query(rs -> {
			});
			// restore once into a fresh database that outlives its first connection, then
			// start the platform on it
			String restoredUrl = "jdbc:h2:mem:restored" + UUID.randomUUID().toString().replace("-", "")
					+ ";DB_CLOSE_DELAY=-1";
			try (Connection c = DriverManager.getConnection(restoredUrl, "sa", "");
					Statement st = c.createStatement()) {
				st.execute("RUNSCRIPT FROM '" + script.toString().replace("\\", "/") + "'");
			}
			properties.add("spring.datasource.url=" + restoredUrl);
		}
		properties.addAll(List.of("server.port=0", "fanzha.data-dir=" + dir.resolve("data").toAbsolutePath(),
				"fanzha.simulation.enabled=false", "fanzha.identity.demo-users=false"));

		// the second platform: its own context on the restored copy, outside the test's
		// database initializer
		System.setProperty("fanzha.test.database.off", "true");
		ConfigurableApplicationContext restored;
		try {
			// as command-line arguments: they outrank application.yml (default properties
			// would not)
			restored = new SpringApplicationBuilder(FanzhaApplication.class)
				.run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
		}
		finally {
			System.clearProperty("fanzha.test.database.off");
		}
		try {
			int port = Integer.parseInt(restored.getEnvironment().getRequiredProperty("local.server.port"));
			HttpClient http = HttpClient.newHttpClient();
			assertThat(get(http, port, "centre", "/api/v1/cases/" + caseNumber)).isEqualTo(detail);
			assertThat(get(http, port, "centre", "/api/v1/funds/cases/" + caseNumber + "/instructions"))
				.isEqualTo(instructions);
			HttpResponse<String> again = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/transfers/decisions"))
					.header("Authorization", basic("bank"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(decisionBody))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(again.body()).as("a remembered decision survives the restore").isEqualTo(decision);
		}
		finally {
			restored.close();
			if (restoredDatabase != null) {
				jdbc.sql("DROP DATABASE IF EXISTS " + restoredDatabase).update();
			}
		}
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes());
	}

	static String get(HttpClient http, int port, String user, String path) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", basic(user))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	static void run(List<String> command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
	}

}
