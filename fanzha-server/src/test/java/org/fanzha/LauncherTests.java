package org.fanzha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LauncherTests {

	record Run(int rc, String out, String err) {
	}

	private static Run run(String... args) {
		CommandLine cl = Launcher.commandLine();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		int rc = cl.execute(args);
		return new Run(rc, out.toString(), err.toString());
	}

	@Test
	void helpListsTheSubcommands() {
		Run r = run("--help");
		assertThat(r.rc()).isZero();
		assertThat(r.out()).contains("serve")
			.contains("demo")
			.contains("simulate")
			.contains("import")
			.contains("trace")
			.contains("evaluate")
			.contains("kafka");
		assertThat(run().out()).contains("serve").contains("demo");
		assertThat(run("serve", "--help").out()).contains("--port").contains("--postgres").contains("--kafka");
		assertThat(run("kafka", "--help").out()).contains("--port").contains("--data-dir").contains("KRaft");
		assertThat(run("kafka", "--port", "70000").rc()).isEqualTo(2);
	}

	@Test
	void serveListensOnTheRequestedPort() throws Exception {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		Run r = run("serve", "--port", Integer.toString(port), "--data-dir", "target/launcher-test-data");
		try {
			assertThat(r.rc()).isZero();
			assertThat(r.out()).contains("http://localhost:" + port + "/");
			HttpResponse<String> login = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(200);
			assertThat(login.body()).contains("反诈联合作战平台");
		}
		finally {
			if (Launcher.started != null) {
				Launcher.started.close();
				Launcher.started = null;
			}
		}
	}

	@Test
	void badOptionsEndWithOneLineAndExitCode2() {
		Run unknown = run("serve", "--bogus");
		assertThat(unknown.rc()).isEqualTo(2);
		assertThat(unknown.err().strip()).startsWith("fanzha: ").contains("--bogus").doesNotContain("\n");

		Run notANumber = run("demo", "--port", "eighty");
		assertThat(notANumber.rc()).isEqualTo(2);
		assertThat(notANumber.err()).contains("eighty");

		Run outOfRange = run("serve", "--port", "70000");
		assertThat(outOfRange.rc()).isEqualTo(2);
		assertThat(outOfRange.err().strip()).isEqualTo("fanzha: --port must be between 1 and 65535, got 70000");

		assertThat(run("nonsense").rc()).isEqualTo(2);

		Run preset = run("demo", "--preset", "huge");
		assertThat(preset.rc()).isEqualTo(2);
		assertThat(preset.err().strip()).isEqualTo("fanzha: Unknown preset 'huge': use tiny, small, medium or large");
		Run simulate = run("simulate", "--preset", "huge", "--out", "target/never");
		assertThat(simulate.rc()).isEqualTo(2);
		assertThat(simulate.err()).contains("Unknown preset 'huge'");
		Run format = run("import", "--format", "csv", "x.csv", "--out", "target/never");
		assertThat(format.rc()).isEqualTo(2);
		assertThat(format.err()).contains("amlsim").contains("paysim").contains("amlworld");
	}

}
