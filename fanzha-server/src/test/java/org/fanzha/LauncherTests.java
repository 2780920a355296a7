package org.fanzha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

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
		assertThat(r.out()).contains("serve").contains("demo");
		assertThat(run().out()).contains("serve").contains("demo");
		assertThat(run("serve", "--help").out()).contains("--port").contains("--postgres");
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
	}
}
