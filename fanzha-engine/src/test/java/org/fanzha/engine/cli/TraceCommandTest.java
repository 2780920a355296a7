package org.fanzha.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./fanzha trace on a small hand-written dataset in the simulator's schema. */
class TraceCommandTest {

	@TempDir
	Path dir;

	record Run(int rc, String out, String err) {
	}

	Run run(String... args) {
		CommandLine cl = new CommandLine(new TraceCommand());
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		return new Run(cl.execute(args), out.toString(), err.toString());
	}

	@BeforeEach
	void dataset() throws Exception {
		Files.writeString(dir.resolve("accounts.csv"), """
				account_id,opening_balance_fen,institution,card_number,holder
				A1,100000,ICBC,6222020000000000001,P1
				A2,1000,CCB,6217000000000000002,P2
				A3,0,ABC,6228480000000000003,P3
				""");
		Files.writeString(dir.resolve("persons.csv"), """
				person_id,name
				P2,张三
				""");
		Files.writeString(dir.resolve("transfers.csv"), """
				transfer_id,time,from_account,to_account,amount_fen,channel,region
				T1,2026-03-01T10:00:00+08:00,A1,A2,5000,MOBILE,610113
				T2,2026-03-01T10:10:00+08:00,A2,A3,3000,MOBILE,610113
				T3,2026-03-01T10:15:00+08:00,A2,,2500,ATM,610113
				""");
	}

	@Test
	void printsOneJsonObjectWithFlowsHoldingsExitsAndPlan() {
		Run r = run("--data", dir.toString(), "--transfer", "T1", "--json");
		assertThat(r.rc()).as(r.err()).isZero();
		String json = r.out().strip();
		assertThat(json).startsWith("{\"policy\":\"fifo\",\"asOf\":\"2026-03-01T10:15+08:00\"")
			.contains(
					"{\"transfer\":\"T2\",\"from\":\"A2\",\"to\":\"A3\",\"time\":\"2026-03-01T10:10+08:00\",\"amount\":3000,\"traced\":2000,\"level\":2")
			.contains("\"holdings\":[{\"account\":\"A3\",\"amount\":2000")
			.contains("{\"account\":\"A2\",\"amount\":500")
			.contains("\"exits\":[{\"transfer\":\"T3\",\"account\":\"A2\",\"channel\":\"ATM\",\"amount\":2500")
			.contains("\"plan\":[")
			.contains("\"payeeName\":\"张三\"")
			.contains("\"accountNumber\":\"6217000000000000002\"");
	}

	@Test
	void readableTableAndAsOf() {
		Run r = run("--data", dir.toString(), "--transfer", "T1", "--as-of", "2026-03-01T10:05:00+08:00", "--policy",
				"lifo");
		assertThat(r.rc()).isZero();
		assertThat(r.out()).contains("Trace (lifo)").contains("¥50.00 held in 1 accounts").contains("EMERGENCY");
	}

	@Test
	void badInputExitsWith2AndOneLine() {
		Run unknown = run("--data", dir.toString(), "--transfer", "T99");
		assertThat(unknown.rc()).isEqualTo(2);
		assertThat(unknown.err().strip()).isEqualTo("fanzha trace: unknown transfer id 'T99' in " + dir);
		Run time = run("--data", dir.toString(), "--transfer", "T1", "--as-of", "yesterday");
		assertThat(time.rc()).isEqualTo(2);
		assertThat(time.err()).contains("ISO-8601");
		Run policy = run("--data", dir.toString(), "--transfer", "T1", "--policy", "random");
		assertThat(policy.rc()).isEqualTo(2);
		Run missing = run("--data", dir.resolve("nope").toString(), "--transfer", "T1");
		assertThat(missing.rc()).isEqualTo(2);
		assertThat(missing.err()).contains("cannot read");
	}

	@Test
	void malformedFilesNameTheLine() throws Exception {
		Files.writeString(dir.resolve("transfers.csv"), """
				transfer_id,time,from_account,to_account,amount_fen,channel,region
				T1,2026-03-01T10:00:00+08:00,A1,A2,-5,MOBILE,610113
				""");
		Run r = run("--data", dir.toString(), "--transfer", "T1");
		assertThat(r.rc()).isEqualTo(2);
		assertThat(r.err()).contains("transfers.csv:2: column amount_fen: must be > 0");
	}

}
