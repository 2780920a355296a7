package org.fanzha.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.fanzha.support.ChildServer;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;

/**
 * The server is killed with SIGKILL in the middle of a burst of reports; after a restart
 * every report it had accepted has its stop-payment instruction — exactly one — because
 * the step from intake to fund control goes through the event publication registry, which
 * is republished on restart. Under the postgres profile (CI) the server runs on
 * PostgreSQL, otherwise on its H2 file. The transfer monitor comes back knowing what it
 * knew: the same answers for transfers already decided, and reported accounts still
 * reported.
 */
class CrashRecoveryTest {

	static final String CENTRE = ChildServer.CENTRE;

	static final String BANK = "Basic "
			+ Base64.getEncoder().encodeToString(("bank:" + DemoLogins.PASSWORD).getBytes());

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	HttpResponse<String> report(int port, int i) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String body = """
				{"victim":{"name":"受害人%d","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"LOAN",
				 "reportedAt":"%s","payments":[{"payerAccount":"ABC:P%d","payeeName":"某某","payeeAccount":"CCB:CRASH%d",
				 "payeeBank":"CCB","amountFen":%d,"paidAt":"%s"}]}""".formatted(i, now, i, i, 10_000 + i,
				now.minusSeconds(120));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
			.header("Authorization", CENTRE)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> decide(int port, String id, String to, long fen, Instant at) throws Exception {
		String body = "{\"transferId\":\"%s\",\"fromAccount\":\"ICBC:PAYER\",\"toAccount\":\"%s\",\"amountFen\":%d,\"time\":\"%s\"}"
			.formatted(id, to, fen, at);
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/transfers/decisions"))
			.header("Authorization", BANK)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aKillDuringABurstLosesNoInstruction() throws Exception {
		Path data = Files.createDirectories(Path.of("target", "crash-" + UUID.randomUUID()));
		int port = ChildServer.freePort();
		ChildServer server = ChildServer.start(data, port);
		List<String> accepted = new ArrayList<>();
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
		String frozen;
		String allowed;
		Map<String, String> decided = new ConcurrentHashMap<>();
		Thread decider = null;
		try {
			// a reported account: once the report's confirmation reached the monitor,
			// payments into it are frozen
			assertThat(report(port, 1000).statusCode()).isEqualTo(201);
			String answer = "";
			for (int i = 0; i < 100 && !answer.contains("PROTECTIVE_FREEZE"); i++) {
				Thread.sleep(i == 0 ? 0 : 200);
				answer = decide(port, "PROBE-" + i, "CCB:CRASH1000", 30_000, at).body();
			}
			assertThat(answer).contains("PROTECTIVE_FREEZE");
			frozen = decide(port, "K-1", "CCB:CRASH1000", 40_000, at).body();
			allowed = decide(port, "K-2", "CCB:SOMEONE", 1_000, at).body();
			assertThat(frozen).contains("\"decision\":\"PROTECTIVE_FREEZE\"");
			assertThat(allowed).contains("\"decision\":\"ALLOW\"");
			// mixed load: while reports pour in, the bank's gateway asks for decisions on
			// its own connection
			decider = new Thread(() -> {
				for (int i = 0; !Thread.currentThread().isInterrupted() && i < 10_000; i++) {
					try {
						HttpResponse<String> r = decide(port, "MIX-" + i, "CCB:MIX" + (i % 7), 1_000 + i, at);
						if (r.statusCode() == 200) {
							decided.put("MIX-" + i, r.body());
						}
					}
					catch (Exception e) {
						return; // the server was killed
					}
				}
			});
			decider.start();
			for (int i = 0; i < 200 && accepted.size() < 25; i++) {
				HttpResponse<String> r = report(port, i);
				if (r.statusCode() == 201) {
					accepted.add(r.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1"));
				}
			}
		}
		finally {
			// SIGKILL: no shutdown hooks, no graceful completion of in-flight event
			// listeners
			server.kill();
			if (decider != null) {
				decider.join(10_000);
			}
		}
		assertThat(accepted).hasSize(25);

		ChildServer again = ChildServer.start(data, port);
		try {
			List<String> missing = new ArrayList<>();
			long deadline = System.currentTimeMillis() + 60_000;
			do {
				missing.clear();
				for (String c : accepted) {
					HttpResponse<String> r = http.send(HttpRequest
						.newBuilder(
								URI.create("http://localhost:" + port + "/api/v1/funds/cases/" + c + "/instructions"))
						.header("Authorization", CENTRE)
						.build(), HttpResponse.BodyHandlers.ofString());
					int count = r.body().split("\"accountId\"", -1).length - 1;
					assertThat(count).as("instructions of " + c).isLessThanOrEqualTo(1);
					if (count == 0) {
						missing.add(c);
					}
				}
				if (!missing.isEmpty()) {
					Thread.sleep(500);
				}
			}
			while (!missing.isEmpty() && System.currentTimeMillis() < deadline);
			assertThat(missing).as("accepted reports without their instruction after the restart").isEmpty();
			// the monitor: the same answers for the same transfers, and the reported
			// account is still reported
			assertThat(decide(port, "K-1", "CCB:CRASH1000", 40_000, at).body()).isEqualTo(frozen);
			assertThat(decide(port, "K-2", "CCB:SOMEONE", 1_000, at).body()).isEqualTo(allowed);
			assertThat(decide(port, "K-2", "CCB:CRASH1000", 1_000, at).statusCode())
				.as("an id reused for another transfer")
				.isEqualTo(409);
			assertThat(decide(port, "K-3", "CCB:CRASH1000", 40_000, at).body())
				.contains("\"decision\":\"PROTECTIVE_FREEZE\"");
			// every decision answered before the kill is answered the same after it: none
			// lost, none decided twice
			assertThat(decided).hasSizeGreaterThan(10);
			List<String> changed = new ArrayList<>();
			for (var d : decided.entrySet()) {
				int i = Integer.parseInt(d.getKey().substring(4));
				if (!decide(port, d.getKey(), "CCB:MIX" + (i % 7), 1_000 + i, at).body().equals(d.getValue())) {
					changed.add(d.getKey());
				}
			}
			assertThat(changed).as("decisions answered differently after the restart").isEmpty();
			System.out.println("[crash] " + decided.size()
					+ " decisions answered during the burst, all the same after the restart");
			HttpResponse<String> list = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases?limit=500"))
					.header("Authorization", CENTRE)
					.build(), HttpResponse.BodyHandlers.ofString());
			for (String c : accepted) {
				assertThat(list.body()).contains(c);
			}
			System.out.println("[crash] " + accepted.size()
					+ " accepted reports, server killed with SIGKILL, all instructions present after restart");
		}
		finally {
			again.kill();
		}
	}

}
