package org.fanzha.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * Load test of the HTTP decision API: the server jar runs as a separate process (started
 * here, or already running with {@code --url} and {@code --token}), and this JVM posts
 * recorded transfers of a simulated province to {@code POST /api/v1/transfers/decisions}
 * (one transfer per request) and {@code POST /api/v1/transfers/decisions/batch} (a JSON
 * array) over loopback, on a few keep-alive connections in a closed loop (each connection
 * sends its next request when the answer is in). Every transfer id is unique (the API is
 * idempotent by id). Per batch size: a warm-up, then a measured period; decisions/s and
 * per-request latency (HdrHistogram, from the first byte written to the last byte of the
 * answer read).
 *
 * <pre>
 * java -cp ... org.fanzha.bench.BenchMain http [--server-jar fanzha-server/target/fanzha-server.jar]
 *     [--server-opts "-Xms2g -Xmx2g -XX:+UseParallelGC"] [--server-cpus 1]
 *     [--server-postgres jdbc:postgresql://127.0.0.1:5432/test]
 *     [--url http://127.0.0.1:8080 --token fz_... [--server-pid PID] [--postgres-cpu]] [--connections 4] [--batches 1,100]
 *     [--warmup-seconds 20] [--seconds 30] [--persons 100000] [--days 7] [--check 20000] [--smoke]
 * </pre>
 *
 * The started server is {@code demo --no-simulation} on a free port with a fresh data
 * directory (so its demo users exist and no simulated province competes for the CPU); the
 * bearer token of the bank's machine client {@code icbc-gateway} is issued through the
 * admin API, as a bank's administrator would.
 */
public final class DecisionApiLoad {

	public static final String DEFAULT_SERVER_OPTS = "-Xms2g -Xmx2g -XX:+UseParallelGC";

	public record Figures(int batch, int connections, double seconds, long requests, long decisions, long errors,
			long reconnects, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos, long serverCpuNanos,
			long dbCpuNanos) {

		/**
		 * The server's CPU time per request (user and system, all its threads), in µs; -1
		 * when the server's process is not known. Unlike requests/s this holds up on a
		 * busy machine: a core of its own serves about 10⁶ / this many requests a second.
		 */
		public double serverCpuMicrosPerRequest() {
			return serverCpuNanos < 0 || requests == 0 ? -1 : serverCpuNanos / 1e3 / requests;
		}

		public double decisionsPerSecond() {
			return decisions / seconds;
		}

		public double requestsPerSecond() {
			return requests / seconds;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "batch %d, %d connections, %.0f s: %,.0f decisions/s (%,.0f requests/s); "
					+ "per request p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms; %,d requests, %,d non-200, %,d reconnects",
					batch, connections, seconds, decisionsPerSecond(), requestsPerSecond(), p50Nanos / 1e6,
					p99Nanos / 1e6, p999Nanos / 1e6, maxNanos / 1e6, requests, errors, reconnects)
					+ (serverCpuNanos < 0 ? ""
							: String.format(Locale.ROOT, "; server CPU %.1f µs per request (%,.0f requests/s per core)",
									serverCpuMicrosPerRequest(), 1e6 / serverCpuMicrosPerRequest()))
					+ (dbCpuNanos < 0 || requests == 0 ? "" : String.format(Locale.ROOT,
							"; PostgreSQL CPU %.1f µs per request", dbCpuNanos / 1e3 / requests));
		}
	}

	public static void main(String[] args) throws Exception {
		List<String> a = List.of(args);
		boolean smoke = a.contains("--smoke");
		Path jar = Path.of(BenchMain.option(a, "--server-jar", "fanzha-server/target/fanzha-server.jar"));
		String opts = BenchMain.option(a, "--server-opts", DEFAULT_SERVER_OPTS);
		String cpus = BenchMain.option(a, "--server-cpus", null);
		String pg = BenchMain.option(a, "--server-postgres", null);
		String url = BenchMain.option(a, "--url", null);
		String token = BenchMain.option(a, "--token", null);
		long pid = Long.parseLong(BenchMain.option(a, "--server-pid", "-1"));
		int connections = Integer.parseInt(BenchMain.option(a, "--connections", smoke ? "2" : "4"));
		double warmup = Double.parseDouble(BenchMain.option(a, "--warmup-seconds", smoke ? "1" : "20"));
		double seconds = Double.parseDouble(BenchMain.option(a, "--seconds", smoke ? "1" : "30"));
		int persons = Integer.parseInt(BenchMain.option(a, "--persons", smoke ? "3000" : "100000"));
		int days = Integer.parseInt(BenchMain.option(a, "--days", smoke ? "1" : "7"));
		int[] batches = Arrays.stream(BenchMain.option(a, "--batches", "1,100").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		RecordedTransfers rec = RecordedTransfers.simulate(persons, days);
		System.out.printf(Locale.ROOT, "http: %,d recorded transfers (%,d persons, %d days)%n", rec.n, persons, days);
		int check = Integer.parseInt(BenchMain.option(a, "--check", "0"));
		List<Figures> figures;
		if (url != null) {
			URI u = URI.create(url);
			figures = run(u.getHost(), u.getPort(), token, rec, batches, connections, warmup, seconds, check, pid,
					a.contains("--postgres-cpu"));
		}
		else {
			try (Server s = Server.start(jar, opts, cpus, pg)) {
				System.out.println("http: server " + s.command);
				figures = run("127.0.0.1", s.port, s.token, rec, batches, connections, warmup, seconds, check,
						s.process.pid(), s.database != null);
			}
		}
		figures.forEach(f -> System.out.println("http: " + f));
	}

	/** Runs each batch size in turn against a server that is up. */
	public static List<Figures> run(String host, int port, String token, RecordedTransfers rec, int[] batches,
			int connections, double warmupSeconds, double seconds) throws Exception {
		return run(host, port, token, rec, batches, connections, warmupSeconds, seconds, 0, -1, false);
	}

	/**
	 * As above; first, with {@code check} > 0, the answers to that many transfers, to
	 * compare two servers.
	 */
	public static List<Figures> run(String host, int port, String token, RecordedTransfers rec, int[] batches,
			int connections, double warmupSeconds, double seconds, int check, long serverPid, boolean postgresCpu)
			throws Exception {
		Feed feed = new Feed(rec);
		if (check > 0) {
			System.out.println("http: " + answers(host, port, token, feed, check));
		}
		List<Figures> out = new ArrayList<>();
		for (int batch : batches) {
			phase(host, port, token, feed, batch, connections, warmupSeconds, -1, false);
			out.add(phase(host, port, token, feed, batch, connections, seconds, serverPid, postgresCpu));
		}
		return out;
	}

	/**
	 * Sends the first {@code n} transfers in order on one connection, in batches of 100,
	 * and sums up the answers: a SHA-256 of the answer bodies and the count of each
	 * decision. Sent in one order from a fresh server, the same transfers must get the
	 * same answers from two builds of the server (closed-loop load on several connections
	 * interleaves differently from run to run, so it cannot be compared itself).
	 */
	static String answers(String host, int port, String token, Feed feed, int n) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		Map<String, Integer> counts = new TreeMap<>();
		Pattern decision = Pattern.compile("\"decision\":\"([A-Z_]+)\"");
		StringBuilder body = new StringBuilder();
		for (long first = feed.next.getAndAdd(n), seq = first; seq < first + n; seq += 100) {
			body.setLength(0);
			body.append('[');
			for (long k = seq; k < Math.min(first + n, seq + 100); k++) {
				body.append(k == seq ? "" : ",");
				feed.json(k, body);
			}
			body.append(']');
			HttpResponse<String> r = client.send(HttpRequest
				.newBuilder(URI.create("http://" + host + ":" + port + "/api/v1/transfers/decisions/batch"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new IOException("answer " + r.statusCode() + ": " + r.body());
			}
			sha.update(r.body().getBytes(StandardCharsets.UTF_8));
			Matcher m = decision.matcher(r.body());
			while (m.find()) {
				counts.merge(m.group(1), 1, Integer::sum);
			}
		}
		return String.format(Locale.ROOT,
				"answers to the first %,d transfers (batches of 100, one connection): %s, sha256 %s", n, counts,
				HexFormat.of().formatHex(sha.digest()));
	}

	/**
	 * The recorded transfers, handed out in order to the connections; after the last one
	 * they start again a recording's length later (so time keeps moving forward), with
	 * new ids.
	 */
	static final class Feed {

		final RecordedTransfers rec;

		final AtomicLong next = new AtomicLong();

		final long span;

		final long latest = Instant.now().getEpochSecond() - 3_600;

		Feed(RecordedTransfers rec) {
			this.rec = rec;
			this.span = rec.n == 0 ? 0 : rec.time[rec.n - 1] - rec.time[0] + 3_600;
		}

		/**
		 * Appends the JSON of the next transfer (its global sequence number {@code seq}).
		 */
		void json(long seq, StringBuilder b) {
			int i = (int) (seq % rec.n);
			long round = seq / rec.n;
			long t = rec.time[i] + round * span;
			if (t > latest) {
				t = rec.time[i]; // the server refuses times in the future: replay as late
									// events instead
			}
			b.append("{\"transferId\":\"B")
				.append(seq)
				.append("\",\"fromAccount\":\"A")
				.append(rec.from[i])
				.append("\",\"toAccount\":");
			if (rec.to[i] < 0) {
				b.append("null");
			}
			else {
				b.append("\"A").append(rec.to[i]).append('"');
			}
			b.append(",\"amountFen\":")
				.append(rec.amount[i])
				.append(",\"time\":\"")
				.append(Instant.ofEpochSecond(t))
				.append("\"}");
		}

	}

	private static Figures phase(String host, int port, String token, Feed feed, int batch, int connections,
			double seconds, long serverPid, boolean postgresCpu) throws Exception {
		long cpu0 = cpuNanos(serverPid);
		long db0 = postgresCpu ? postgresCpuNanos() : -1;
		long end = System.nanoTime() + (long) (seconds * 1e9);
		Connection[] cs = new Connection[connections];
		Thread[] threads = new Thread[connections];
		for (int c = 0; c < connections; c++) {
			Connection conn = new Connection(host, port, token, feed, batch, end);
			cs[c] = conn;
			threads[c] = new Thread(conn, "load-" + c);
		}
		long t0 = System.nanoTime();
		for (Thread t : threads) {
			t.start();
		}
		for (Thread t : threads) {
			t.join();
		}
		double elapsed = (System.nanoTime() - t0) / 1e9;
		long cpu1 = cpuNanos(serverPid);
		long db1 = postgresCpu ? postgresCpuNanos() : -1;
		Histogram h = new Histogram(60_000_000_000L, 3);
		long requests = 0;
		long decisions = 0;
		long errors = 0;
		long reconnects = 0;
		for (Connection c : cs) {
			if (c.failure != null) {
				throw new IOException("connection failed: " + c.failure, c.failure);
			}
			h.add(c.latency);
			requests += c.requests;
			decisions += c.decisions;
			errors += c.errors;
			reconnects += c.reconnects;
		}
		return new Figures(batch, connections, elapsed, requests, decisions, errors, reconnects,
				h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
				cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0, db0 < 0 || db1 < 0 ? -1 : db1 - db0);
	}

	/**
	 * CPU time of every process named {@code postgres} on this machine (the server and
	 * its backends, which the pool keeps open), from /proc; -1 where there is no /proc.
	 */
	static long postgresCpuNanos() {
		Path proc = Path.of("/proc");
		if (!Files.isDirectory(proc)) {
			return -1;
		}
		long ticks = 0;
		try (var dirs = Files.newDirectoryStream(proc,
				d -> d.getFileName().toString().chars().allMatch(Character::isDigit))) {
			for (Path d : dirs) {
				try {
					String stat = Files.readString(d.resolve("stat"));
					int close = stat.lastIndexOf(')');
					if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
						continue;
					}
					// fields after the name: state is field 3; utime and stime are 14 and
					// 15
					String[] f = stat.substring(close + 2).split(" ");
					ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
				}
				catch (IOException | RuntimeException gone) {
					// the process ended while being read
				}
			}
		}
		catch (IOException e) {
			return -1;
		}
		return ticks * 10_000_000L; // USER_HZ is 100 on Linux
	}

	/** A process's CPU time so far, all threads, or -1 when unknown. */
	static long cpuNanos(long pid) {
		if (pid < 0) {
			return -1;
		}
		return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
	}

	/** One keep-alive HTTP/1.1 connection in a closed loop, on a plain socket. */
	static final class Connection implements Runnable {

		private static final byte[] MARK = "\"transferId\"".getBytes(StandardCharsets.US_ASCII);

		final String host;

		final int port;

		final String token;

		final Feed feed;

		final int batch;

		final long end;

		final Histogram latency = new Histogram(60_000_000_000L, 3);

		long requests;

		long decisions;

		long errors;

		long reconnects = -1;

		Exception failure;

		private Socket socket;

		private OutputStream out;

		private InputStream in;

		private byte[] buf = new byte[1 << 16];

		private int pos;

		private int lim;

		Connection(String host, int port, String token, Feed feed, int batch, long end) {
			this.host = host;
			this.port = port;
			this.token = token;
			this.feed = feed;
			this.batch = batch;
			this.end = end;
		}

		@Override
		public void run() {
			StringBuilder body = new StringBuilder(batch * 160);
			String path = batch == 1 ? "/api/v1/transfers/decisions" : "/api/v1/transfers/decisions/batch";
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
					+ token + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ";
			ByteArrayOutputStream request = new ByteArrayOutputStream(batch * 160 + 512);
			try {
				while (System.nanoTime() < end) {
					body.setLength(0);
					long first = feed.next.getAndAdd(batch);
					if (batch == 1) {
						feed.json(first, body);
					}
					else {
						body.append('[');
						for (int k = 0; k < batch; k++) {
							if (k > 0) {
								body.append(',');
							}
							feed.json(first + k, body);
						}
						body.append(']');
					}
					byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
					request.reset();
					request.write((head + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
					request.write(b);
					if (socket == null) {
						connect();
					}
					long t0 = System.nanoTime();
					out.write(request.toByteArray());
					out.flush();
					int status = readResponse();
					long t1 = System.nanoTime();
					latency.recordValue(t1 - t0);
					requests++;
					if (status == 200) {
						decisions += count(MARK);
					}
					else {
						errors++;
					}
				}
			}
			catch (Exception e) {
				failure = e;
			}
			finally {
				close();
			}
		}

		private void connect() throws IOException {
			socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(host, port), 5_000);
			socket.setSoTimeout(60_000);
			out = socket.getOutputStream();
			in = socket.getInputStream();
			pos = 0;
			lim = 0;
			reconnects++;
		}

		private void close() {
			try {
				if (socket != null) {
					socket.close();
				}
			}
			catch (IOException e) {
				// closing anyway
			}
			socket = null;
		}

		/**
		 * The body's bytes, for counting decisions: kept in {@link #body} /
		 * {@link #bodyLength}.
		 */
		private byte[] body = new byte[1 << 16];

		private int bodyLength;

		/**
		 * Reads one response (Content-Length or chunked); reconnects next time if the
		 * server closes.
		 */
		private int readResponse() throws IOException {
			String status = line();
			int code = Integer.parseInt(status.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean closing = false;
			for (String h = line(); !h.isEmpty(); h = line()) {
				int colon = h.indexOf(':');
				String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = h.substring(colon + 1).trim();
				switch (name) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
					case "connection" -> closing = value.equalsIgnoreCase("close");
					default -> {
					}
				}
			}
			bodyLength = 0;
			if (chunked) {
				for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer
					.parseInt(line().split(";")[0].trim(), 16)) {
					readBody(size);
					line();
				}
				for (String t = line(); !t.isEmpty(); t = line()) {
					// trailers
				}
			}
			else if (length > 0) {
				readBody((int) length);
			}
			if (closing) {
				close();
			}
			return code;
		}

		private void readBody(int n) throws IOException {
			if (bodyLength + n > body.length) {
				body = Arrays.copyOf(body, Math.max(bodyLength + n, body.length * 2));
			}
			while (n > 0) {
				if (pos == lim) {
					fill();
				}
				int k = Math.min(n, lim - pos);
				System.arraycopy(buf, pos, body, bodyLength, k);
				pos += k;
				bodyLength += k;
				n -= k;
			}
		}

		private String line() throws IOException {
			StringBuilder s = new StringBuilder(64);
			while (true) {
				if (pos == lim) {
					fill();
				}
				byte c = buf[pos++];
				if (c == '\n') {
					int l = s.length();
					return l > 0 && s.charAt(l - 1) == '\r' ? s.substring(0, l - 1) : s.toString();
				}
				s.append((char) c);
			}
		}

		private void fill() throws IOException {
			pos = 0;
			lim = in.read(buf);
			if (lim <= 0) {
				throw new IOException("the server closed the connection");
			}
		}

		private int count(byte[] mark) {
			int n = 0;
			outer: for (int i = 0; i + mark.length <= bodyLength; i++) {
				for (int j = 0; j < mark.length; j++) {
					if (body[i + j] != mark[j]) {
						continue outer;
					}
				}
				n++;
				i += mark.length - 1;
			}
			return n;
		}

	}

	/**
	 * The server jar as a child process: a free port, a fresh data directory, a token for
	 * icbc-gateway.
	 *
	 * @param command the command line it was started with
	 */
	public record Server(Process process, int port, Path dataDir, String token, String command,
			String database) implements AutoCloseable {

		public static Server start(Path jar, String jvmOptions, String cpus) throws Exception {
			return start(jar, jvmOptions, cpus, null);
		}

		/**
		 * As above; with {@code postgres} (a JDBC URL of an existing database on a server
		 * that user postgres may use), the server runs on a fresh PostgreSQL database
		 * created there and dropped on close, instead of H2.
		 */
		public static Server start(Path jar, String jvmOptions, String cpus, String postgres) throws Exception {
			if (!Files.isRegularFile(jar)) {
				throw new IllegalArgumentException("no server jar at " + jar.toAbsolutePath()
						+ " (build it with ./mvnw -q -B install -DskipTests)");
			}
			int port;
			try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				port = s.getLocalPort();
			}
			Path data = Files.createTempDirectory("fanzha-http-bench");
			List<String> cmd = new ArrayList<>();
			if (cpus != null) {
				cmd.addAll(List.of("taskset", "-c", cpus));
			}
			cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			for (String o : jvmOptions.trim().split("\\s+")) {
				if (!o.isEmpty()) {
					cmd.add(o);
				}
			}
			cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "demo", "--no-simulation", "--port",
					String.valueOf(port), "--data-dir", data.toString()));
			Path log = data.resolve("server.log");
			ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
			String database = null;
			if (postgres != null) {
				database = "fz_http_" + Long.toHexString(System.nanoTime());
				try (var c = DriverManager.getConnection(postgres, "postgres", ""); var st = c.createStatement()) {
					st.execute("CREATE DATABASE " + database);
				}
				cmd.add("--postgres");
				pb.command(cmd);
				pb.environment().put("FANZHA_DB_URL", postgres.substring(0, postgres.lastIndexOf('/') + 1) + database);
				pb.environment().put("FANZHA_DB_USER", "postgres");
			}
			Process p = pb.start();
			try {
				HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
				String base = "http://127.0.0.1:" + port;
				long deadline = System.nanoTime() + 300_000_000_000L;
				while (true) {
					if (!p.isAlive()) {
						throw new IllegalStateException(
								"the server exited with " + p.exitValue() + "; its log:\n" + Files.readString(log));
					}
					try {
						HttpResponse<String> r = client
							.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
								.timeout(Duration.ofSeconds(5))
								.build(), HttpResponse.BodyHandlers.ofString());
						if (r.statusCode() == 200) {
							break;
						}
					}
					catch (IOException e) {
						// not up yet
					}
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException(
								"the server did not come up in 300 s; its log:\n" + Files.readString(log));
					}
					Thread.sleep(250);
				}
				String basic = Base64.getEncoder().encodeToString("admin:fanzha2026".getBytes(StandardCharsets.UTF_8));
				HttpResponse<String> r = client
					.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/users/icbc-gateway/tokens"))
						.header("Authorization", "Basic " + basic)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"load test\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
				Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
				if (r.statusCode() != 201 || !m.find()) {
					throw new IllegalStateException("could not issue a token: " + r.statusCode() + " " + r.body());
				}
				return new Server(p, port, data, m.group(1), String.join(" ", cmd),
						database == null ? null : postgres.substring(0, postgres.lastIndexOf('/') + 1) + database);
			}
			catch (Exception e) {
				p.destroy();
				p.waitFor();
				ImportBenchmark.delete(data);
				drop(postgres, database);
				throw e;
			}
		}

		@Override
		public void close() throws Exception {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor();
			}
			ImportBenchmark.delete(dataDir);
			if (database != null) {
				drop(database, database.substring(database.lastIndexOf('/') + 1));
			}
		}

		private static void drop(String url, String database) throws Exception {
			if (url == null || database == null) {
				return;
			}
			try (var c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
					"postgres", ""); var st = c.createStatement()) {
				st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

}
