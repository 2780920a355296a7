package org.fanzha.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user types it: ./fanzha simulate and ./fanzha import. */
class SimulateCommandTest {

	@TempDir
	Path tmp;

	record Run(int rc, String out, String err) {
	}

	static Run run(Object command, String... args) {
		CommandLine cl = new CommandLine(command);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		return new Run(cl.execute(args), out.toString(), err.toString());
	}

	static List<Path> files(Path dir) throws Exception {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
		}
	}

	@Test
	void sameSeedSameFiles() throws Exception {
		Path a = tmp.resolve("A");
		Path b = tmp.resolve("B");
		Run ra = run(new SimulateCommand(), "--preset", "tiny", "--seed", "1", "--out", a.toString());
		Run rb = run(new SimulateCommand(), "--preset", "tiny", "--seed", "1", "--out", b.toString());
		assertThat(ra.rc()).isZero();
		assertThat(rb.rc()).isZero();
		assertThat(ra.out()).contains("5,000 persons").contains("transfers");
		assertThat(files(a)).isEqualTo(files(b));
		for (Path f : files(a)) {
			assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f.toString()).isEqualTo(-1L);
		}
	}

	@Test
	void badInputGivesOneLineAndExit2() throws Exception {
		Path a = tmp.resolve("A");
		assertThat(run(new SimulateCommand(), "--preset", "tiny", "--out", a.toString()).rc()).isZero();
		Run again = run(new SimulateCommand(), "--preset", "tiny", "--out", a.toString());
		assertThat(again.rc()).isEqualTo(2);
		assertThat(again.err().strip()).contains("already holds a dataset").doesNotContain("\n");
		Run preset = run(new SimulateCommand(), "--preset", "galactic", "--out", tmp.resolve("X").toString());
		assertThat(preset.rc()).isEqualTo(2);
		assertThat(preset.err()).contains("Unknown preset 'galactic'");
		assertThat(Files.exists(tmp.resolve("X"))).isFalse();
		Run days = run(new SimulateCommand(), "--preset", "tiny", "--days", "0", "--out", tmp.resolve("Y").toString());
		assertThat(days.rc()).isEqualTo(2);
		assertThat(days.err()).contains("days must be between 1 and 366");

		Run missing = run(new ImportCommand(), "--format", "paysim", tmp.resolve("nope.csv").toString(), "--out",
				tmp.resolve("Z").toString());
		assertThat(missing.rc()).isEqualTo(2);
		assertThat(missing.err()).startsWith("fanzha import: ").contains("nope.csv");
		assertThat(Files.exists(tmp.resolve("Z"))).isFalse();
	}

}
