package org.fanzha.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Soak: the server jar under a fixed, open-loop load for a long time — transfer decisions
 * in batches from the bank gateway and victims' reports from the centre — to show that
 * nothing grows without bound. Each minute it forces a full collection in the server
 * ({@code jcmd GC.run}) and reads the heap used right after it from the actuator: a heap
 * that keeps what it should not grows minute after minute, one that is bounded stays
 * flat. Also per minute: requests sent, non-2xx answers, p99 latency.
 *
 * <pre>
 * java -cp ... org.fanzha.bench.BenchMain soak [--minutes 10] [--rate 2000] [--batch 20] [--reports-per-second 1]
 *     [--server-jar fanzha-server/target/fanzha-server.jar] [--server-opts "-Xmx1g"]
 * </pre>
 */
public final class Soak {

	public record Minute(int minute, long requests, long errors, double p99Millis, long heapAfterGcBytes,
			long ledgerTransfers) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"minute %2d: %,7d requests, %,d non-2xx, p99 %6.1f ms, heap after full GC %,6.1f MiB, "
							+ "ledger %,d transfers",
					minute, requests, errors, p99Millis, heapAfterGcBytes / 1048576.0, ledgerTransfers);
		}
	}

	public static void main(String[] args) throws Exception {
		List<String> a = List.of(args);
		int minutes = Integer.parseInt(BenchMain.option(a, "--minutes", "10"));
		int rate = Integer.parseInt(BenchMain.option(a, "--rate", "2000"));
		int batch = Integer.parseInt(BenchMain.option(a, "--batch", "20"));
		double reportsPerSecond = Double.parseDouble(BenchMain.option(a, "--reports-per-second", "1"));
		Path jar = Path.of(BenchMain.option(a, "--server-jar", "fanzha-server/target/fanzha-server.jar"));
		String opts = BenchMain.option(a, "--server-opts", "-Xmx1g");
		try (DecisionApiLoad.Server server = DecisionApiLoad.Server.start(jar, opts, null)) {
			List<Minute> result = run(server, minutes, rate, batch, reportsPerSecond);
			result.forEach(System.out::println);
			Minute first = result.get(Math.min(1, result.size() - 1));
			Minute last = result.get(result.size() - 1);
			double perTransfer = last.ledgerTransfers() > first.ledgerTransfers()
					? (double) (last.heapAfterGcBytes() - first.heapAfterGcBytes())
							/ (last.ledgerTransfers() - first.ledgerTransfers())
					: Double.NaN;
			System.out
				.printf(Locale.ROOT, "soak: %d min at %,d transfers/s (batches of %d) and %.1f reports/s; heap after "
						+ "full GC %,.1f MiB at minute %d, %,.1f MiB at the end; growth %.0f bytes per transfer added to the ledger%n",
						minutes, rate, batch, reportsPerSecond, first.heapAfterGcBytes() / 1048576.0, first.minute(),
						last.heapAfterGcBytes() / 1048576.0, perTransfer);
		}
	}

	public static List<Minute> run(DecisionApiLoad.Server server, int minutes, int rate, int batch,
			double reportsPerSecond) throws Exception {
		String base = "http://127.0.0.1:" + server.port();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String centre = "Basic "
				+ Base64.getEncoder().encodeToString("centre:fanzha2026".getBytes(StandardCharsets.UTF_8));
		String admin = "Basic "
				+ Base64.getEncoder().encodeToString("admin:fanzha2026".getBytes(StandardCharsets.UTF_8));
		AtomicLong ids = new AtomicLong();
		AtomicLong requests = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		Histogram latency = new ConcurrentHistogram(60_000_000_000L, 2);
		ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
		var senders = Executors.newFixedThreadPool(16);
		long periodMicros = 1_000_000L * batch / rate;
		clock.scheduleAtFixedRate(() -> senders.execute(() -> {
			StringBuilder body = new StringBuilder("[");
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			for (int i = 0; i < batch; i++) {
				long id = ids.incrementAndGet();
				// a province of 50,000 accounts paying each other: windows fill, nothing
				// is unique forever
				body.append(i == 0 ? "" : ",")
					.append("{\"transferId\":\"S")
					.append(id)
					.append("\",\"fromAccount\":\"ICBC:A")
					.append(id % 50_000)
					.append("\",\"toAccount\":\"CCB:B")
					.append((id * 7) % 50_000)
					.append("\",\"amountFen\":")
					.append(1_000 + id % 90_000)
					.append(",\"time\":\"")
					.append(now)
					.append("\"}");
			}
			send(http,
					HttpRequest.newBuilder(URI.create(base + "/api/v1/transfers/decisions/batch"))
						.header("Authorization", "Bearer " + server.token())
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString()))
						.build(),
					requests, errors, latency);
		}), 0, periodMicros, TimeUnit.MICROSECONDS);
		AtomicLong reports = new AtomicLong();
		clock.scheduleAtFixedRate(() -> senders.execute(() -> {
			long n = reports.incrementAndGet();
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			String body = """
					{"victim":{"name":"受害人%d","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"INVESTMENT",
					 "reportedAt":"%s","payments":[{"payerAccount":"ABC:V%d","payeeName":"某某","payeeAccount":"CCB:B%d",
					 "payeeBank":"CCB","amountFen":%d,"paidAt":"%s"}]}"""
				.formatted(n, now, n, n % 50_000, 50_000 + n, now.minusSeconds(300));
			send(http,
					HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
						.header("Authorization", centre)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(),
					requests, errors, latency);
		}), 100, (long) (1_000_000 / reportsPerSecond), TimeUnit.MICROSECONDS);
		List<Minute> out = new ArrayList<>();
		try {
			for (int m = 1; m <= minutes; m++) {
				Thread.sleep(60_000);
				long sent = requests.getAndSet(0);
				long failed = errors.getAndSet(0);
				double p99 = latency.getValueAtPercentile(99) / 1e6;
				latency.reset();
				long[] heapAndLedger = heapAfterFullGc(http, base, admin, server.process().pid());
				out.add(new Minute(m, sent, failed, p99, heapAndLedger[0], heapAndLedger[1]));
				System.out.println(out.get(out.size() - 1));
			}
		}
		finally {
			clock.shutdownNow();
			senders.shutdownNow();
		}
		return out;
	}

	private static void send(HttpClient http, HttpRequest request, AtomicLong requests, AtomicLong errors,
			Histogram latency) {
		long start = System.nanoTime();
		try {
			HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (r.statusCode() / 100 != 2) {
				errors.incrementAndGet();
			}
		}
		catch (Exception e) {
			errors.incrementAndGet();
		}
		latency.recordValue(Math.min(System.nanoTime() - start, 59_000_000_000L));
		requests.incrementAndGet();
	}

	/**
	 * Forces a full collection in the server, then reads the heap in use and the ledger's
	 * size.
	 */
	static long[] heapAfterFullGc(HttpClient http, String base, String admin, long pid) throws Exception {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(pid), "GC.run")
			.redirectErrorStream(true)
			.start();
		jcmd.getInputStream().readAllBytes();
		jcmd.waitFor();
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
			.header("Authorization", admin)
			.build(), HttpResponse.BodyHandlers.ofString());
		long used = 0;
		Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)")
			.matcher(r.body());
		while (m.find()) {
			used += (long) Double.parseDouble(m.group(1));
		}
		Matcher l = Pattern.compile("(?m)^fanzha_ledger_transfers(?:\\{[^}]*})? ([0-9.E+]+)").matcher(r.body());
		return new long[] { used, l.find() ? (long) Double.parseDouble(l.group(1)) : -1 };
	}

}
