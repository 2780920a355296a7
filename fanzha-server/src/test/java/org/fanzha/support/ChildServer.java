package org.fanzha.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The platform in a JVM of its own, for tests that kill it with SIGKILL and start it
 * again on the same data: the test's class path, the data directory's H2 file or, under
 * the postgres profile (CI), a PostgreSQL schema named after the data directory, so that
 * the restarted server finds what the killed one committed. Each start logs to a file of
 * its own in the data directory.
 */
public final class ChildServer {

	public static final String CENTRE = "Basic "
			+ Base64.getEncoder().encodeToString(("centre:" + DemoLogins.PASSWORD).getBytes());

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final Path log;

	private ChildServer(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	public static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	/**
	 * Starts the server and waits until it answers (at most 180 s); extra arguments are
	 * Spring Boot properties.
	 */
	public static ChildServer start(Path data, int port, String... extra) throws Exception {
		ChildServer server = launch(data, port, extra);
		server.awaitUp(port);
		return server;
	}

	/** Starts the server without waiting for it. */
	public static ChildServer launch(Path data, int port, String... extra) throws Exception {
		String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dfanzha.test.database.off=true", "-cp", cp,
				"org.fanzha.FanzhaApplication", "--server.port=" + port, "--fanzha.data-dir=" + data.toAbsolutePath(),
				"--fanzha.identity.demo-users=true", "--logging.level.root=WARN"));
		command.addAll(database(data));
		command.addAll(List.of(extra));
		Path log = data.resolve("server-" + System.nanoTime() + ".log");
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.redirectErrorStream(true);
		pb.redirectOutput(log.toFile());
		return new ChildServer(pb.start(), log);
	}

	/**
	 * Up means healthy and the demo users signed in. Health is asked first, without
	 * credentials: asking with them while the users are still being created counts as
	 * failed sign-ins, and the sign-in guard then locks the name.
	 */
	private void awaitUp(int port) throws Exception {
		long deadline = System.currentTimeMillis() + 180_000;
		boolean healthy = false;
		while (System.currentTimeMillis() < deadline) {
			try {
				if (!healthy) {
					healthy = get(port, "/actuator/health", null).statusCode() == 200;
				}
				else if (get(port, "/api/v1/me", CENTRE).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not up yet
			}
			if (!process.isAlive()) {
				throw new AssertionError("server exited: " + log());
			}
			Thread.sleep(healthy ? 1_000 : 250);
		}
		kill();
		throw new AssertionError("server did not start in 180 s: " + log());
	}

	private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(2));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Waits (at most {@code timeout}) until a line of the server's output contains
	 * {@code marker}; returns the line.
	 */
	public String awaitLine(String marker, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (String line : Files.readAllLines(log)) {
				if (line.contains(marker)) {
					return line;
				}
			}
			if (!process.isAlive()) {
				throw new AssertionError("server exited before '" + marker + "': " + log());
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no '" + marker + "' in " + timeout.toSeconds() + " s: " + log());
	}

	/** SIGKILL: no shutdown hooks, nothing in flight completes. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public String log() throws IOException {
		return Files.readString(log);
	}

	/**
	 * The child's database: the H2 file in its data directory, or under the postgres
	 * profile (CI) a schema of its own in the PostgreSQL test database, named after the
	 * data directory so that the restarted server finds it again.
	 */
	static List<String> database(Path data) throws Exception {
		if (!System.getProperty("spring.profiles.active", "").contains("postgres")) {
			return List.of("--spring.profiles.active=");
		}
		String url = System.getProperty("FANZHA_DB_URL");
		String user = System.getProperty("FANZHA_DB_USER");
		String password = System.getProperty("FANZHA_DB_PASSWORD", "");
		String schema = "fzcrash_" + Integer.toHexString(data.toAbsolutePath().toString().hashCode() & 0x7fffffff);
		try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
			st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
		}
		return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--spring.datasource.hikari.schema=" + schema, "--spring.flyway.default-schema=" + schema,
				"--spring.flyway.schemas=" + schema);
	}

}
