package org.fanzha.sim.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fanzha.sim.importers.Importers.Format;
import org.fanzha.sim.io.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed rows are rejected with file, line and column; unusable inputs fail as a
 * whole, leaving nothing.
 */
class MalformedInputTest {

	static final String KAGGLE_HEADER = "step,type,amount,nameOrig,oldbalanceOrg,newbalanceOrig,nameDest,"
			+ "oldbalanceDest,newbalanceDest,isFraud,isFlaggedFraud";

	static final String TXLOG_HEADER = "step,type,amount,nameOrig,oldbalanceOrig,newbalanceOrig,nameDest,"
			+ "oldbalanceDest,newbalanceDest,isSAR,alertID";

	@TempDir
	Path tmp;

	/** A valid PaySim1 row. */
	static String paysimRow(int i) {
		return (1 + i / 50) + ",PAYMENT," + (100 + i) + ".25,C" + (10_000 + i) + ",5000.0,4000.0,M" + (20_000 + i)
				+ ",0.0,0.0,0,0";
	}

	/**
	 * A PaySim1 file of n valid rows with some lines (1-based file line numbers, header =
	 * 1) replaced.
	 */
	Path paysimFile(String name, int n, Map<Integer, String> replaced) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(KAGGLE_HEADER);
		for (int i = 0; i < n; i++) {
			lines.add(paysimRow(i));
		}
		replaced.forEach((line, text) -> lines.set(line - 1, text));
		Path f = tmp.resolve(name);
		Files.writeString(f, String.join("\n", lines) + "\n");
		return f;
	}

	@Test
	void badAmountOnLineFiveIsRejectedWithLineAndColumn() throws IOException {
		Path f = paysimFile("bad.csv", 200, Map.of(5, "1,PAYMENT,12.3x,C1,5000.0,4000.0,M1,0.0,0.0,0,0"));
		Path out = tmp.resolve("out");
		ImportSummary s = Importers.run(Format.PAYSIM, List.of(f), out);
		assertThat(s.rowsRead()).isEqualTo(200);
		assertThat(s.rowsRejected()).isEqualTo(1);
		assertThat(s.transfers()).isEqualTo(199);
		assertThat(s.firstRejections()).containsExactly("bad.csv:5: column amount: not an amount: '12.3x'");
		assertThat(TestCsv.rows(out.resolve("transfers.csv"))).hasSize(199)
			.noneMatch(r -> r.get("from_account").equals("C1"));
		assertThat(Files.readString(out.resolve("SOURCE.txt"))).contains("bad.csv:5: column amount:");
	}

	@Test
	void eachKindOfMalformedRowIsNamed() throws IOException {
		Path f = paysimFile("kinds.csv", 700, Map.of(3, "1,PAYMENT,10.00,C1,5000.0,4000.0,M1,0.0,0.0,0", // 10
																											// fields
				4, "1,PAYMENT,-5.00,C2,5000.0,4000.0,M2,0.0,0.0,0,0", 6, "1,PAYMENT,5.00,,5000.0,4000.0,M3,0.0,0.0,0,0",
				7, "1,PAYMENT,5.00,C4,5000.0,4000.0,M4,0.0,0.0,yes,0", 8,
				"x,PAYMENT,5.00,C5,5000.0,4000.0,M5,0.0,0.0,0,0", 9,
				"1,PAYMENT,5.00,C6,5000.0,4000.0,\"M 6,\nsecond line\",0.0,0.0,0,0", 10,
				"1,PAYMENT,5.0.0,C7,5000.0,4000.0,M7,0.0,0.0,0,0", 11, "1,SWIFT,5.00,C8,5000.0,4000.0,M8,0.0,0.0,0,0"));
		ImportSummary s = Importers.run(Format.PAYSIM, List.of(f), tmp.resolve("out"));
		assertThat(s.rowsRejected()).isEqualTo(7);
		assertThat(s.rowsRead()).isEqualTo(700);
		assertThat(s.transfers()).isEqualTo(693);
		assertThat(s.firstRejections()).containsExactly(
				"kinds.csv:3: column isFlaggedFraud: missing (row has 10 fields, expected 11)",
				"kinds.csv:4: column amount: negative amount: '-5.00'",
				"kinds.csv:6: column nameOrig: empty account id",
				"kinds.csv:7: column isFraud: not a flag (0 or 1): 'yes'",
				"kinds.csv:8: column step: not a whole number: 'x'",
				// line 9 holds a quoted line break, so the next record starts on line 11
				"kinds.csv:11: column amount: not an amount: '5.0.0'",
				"kinds.csv:12: column type: unknown type 'SWIFT' (expected CASH_IN, CASH_OUT, DEBIT, PAYMENT or TRANSFER)");
		assertThat(TestCsv.rows(tmp.resolve("out/transfers.csv")))
			.anyMatch(r -> r.get("to_account").equals("M 6,\nsecond line"));
	}

	@Test
	void byteOrderMarkCrLfAndTrailingBlankLinesAreRead() throws IOException {
		Path f = tmp.resolve("tx_log.csv");
		String text = "\uFEFF" + TXLOG_HEADER + "\r\n" + "0,TRANSFER,10.50,1,100.00,89.50,2,0.00,10.50,0,-1\r\n"
				+ "1,TRANSFER,\"3.25\",2,10.50,7.25,1,89.50,92.75,1,7\r\n\r\n";
		Files.write(f, text.getBytes(StandardCharsets.UTF_8));
		ImportSummary s = Importers.run(Format.AMLSIM_TXLOG, List.of(f), tmp.resolve("out"));
		assertThat(s.rowsRead()).isEqualTo(2);
		assertThat(s.rowsRejected()).isZero();
		assertThat(TestCsv.rows(tmp.resolve("out/transfers.csv"))).extracting(r -> r.get("amount_fen"))
			.containsExactly("1050", "325");
		assertThat(TestCsv.rows(tmp.resolve("out/truth/laundering.csv"))).extracting(r -> r.get("chain_id"))
			.containsExactly("ALERT-7");
	}

	@Test
	void missingHeaderNamesTheExpectedHeader() throws IOException {
		Path f = tmp.resolve("noheader.csv");
		Files.writeString(f, paysimRow(0) + "\n" + paysimRow(1) + "\n");
		Path out = tmp.resolve("out");
		assertThatThrownBy(() -> Importers.run(Format.PAYSIM, List.of(f), out)).isInstanceOf(ImportException.class)
			.hasMessageContaining("noheader.csv: header line is '1,PAYMENT,100.25")
			.hasMessageContaining("expected '" + String.join(",", PaySimImporter.RAW) + "' or '" + KAGGLE_HEADER + "'")
			.hasMessageNotContaining("\n");
		assertThat(out).doesNotExist();
		assertNothingLeftIn(tmp, "noheader.csv");
	}

	@Test
	void wrongHeaderNamesTheExpectedHeader() throws IOException {
		Path f = tmp.resolve("tx_log.csv");
		Files.writeString(f, KAGGLE_HEADER + "\n" + paysimRow(0) + "\n");
		assertThatThrownBy(() -> Importers.run(Format.AMLSIM_TXLOG, List.of(f), tmp.resolve("out")))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("expected '" + TXLOG_HEADER + "'");
		assertThat(tmp.resolve("out")).doesNotExist();
	}

	@Test
	void emptyFileNamesTheExpectedHeader() throws IOException {
		Path f = tmp.resolve("Empty_Trans.csv");
		Files.writeString(f, "");
		assertThatThrownBy(() -> Importers.run(Format.AMLWORLD, List.of(f), tmp.resolve("out")))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("Empty_Trans.csv: empty file, expected the header line 'Timestamp,From Bank,"
					+ "Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,"
					+ "Payment Format,Is Laundering'");
	}

	@Test
	void headerOnlyHasNoValidRows() throws IOException {
		Path f = tmp.resolve("header-only.csv");
		Files.writeString(f, KAGGLE_HEADER + "\n");
		assertThatThrownBy(() -> Importers.run(Format.PAYSIM, List.of(f), tmp.resolve("out")))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("no valid transfer rows");
		assertThat(tmp.resolve("out")).doesNotExist();
	}

	@Test
	void missingFile() {
		Path missing = tmp.resolve("nope").resolve("rawLog.csv");
		assertThatThrownBy(() -> Importers.run(Format.PAYSIM, List.of(missing), tmp.resolve("out")))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("not found")
			.hasMessageContaining(missing.toString());
		assertThat(tmp.resolve("out")).doesNotExist();
	}

	@Test
	void amlsimFolderWithoutTransactions() throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("amlsim"));
		Files.writeString(dir.resolve("nodes.csv"), "nodeid,isFraud,init_balance,fraudStep\n0,0,1.00,-1\n");
		assertThatThrownBy(() -> Importers.run(Format.AMLSIM, List.of(dir), tmp.resolve("out")))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("not found")
			.hasMessageContaining("transactions.csv");
		assertThat(tmp.resolve("out")).doesNotExist();
	}

	@Test
	void amlsimUnknownAccountIsRejected() throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("amlsim"));
		Files.writeString(dir.resolve("nodes.csv"),
				"nodeid,isFraud,init_balance,fraudStep\n0,0,100.00,-1\n1,1,50.5,3\n2,1,75,2\n");
		StringBuilder tx = new StringBuilder("sourceNodeId,targetNodeId,value,time\n");
		for (int i = 0; i < 150; i++) {
			tx.append(i % 3)
				.append(',')
				.append((i + 1) % 3)
				.append(',')
				.append(i)
				.append(".5,")
				.append(i / 30)
				.append('\n');
		}
		tx.append("0,99,1.00,7\n"); // line 152
		Files.writeString(dir.resolve("transactions.csv"), tx.toString());
		ImportSummary s = Importers.run(Format.AMLSIM, List.of(dir), tmp.resolve("out"));
		assertThat(s.rowsRead()).isEqualTo(3 + 151);
		assertThat(s.firstRejections())
			.containsExactly("transactions.csv:152: column targetNodeId: unknown account '99' (not in nodes.csv)");
		assertThat(s.accounts()).isEqualTo(3);
		assertThat(s.muleAccounts()).isEqualTo(2);
		// 1 -> 2 at steps >= 3 (both fraudSteps) and 2 -> 1 likewise: rows i % 3 == 1 or
		// 2 with i >= 90
		List<Map<String, String>> transfers = TestCsv.rows(tmp.resolve("out/transfers.csv"));
		long expected = transfers.stream()
			.filter(r -> !r.get("from_account").equals("AMLSIM-0") && !r.get("to_account").equals("AMLSIM-0")
					&& r.get("time").compareTo("2026-01-04") >= 0)
			.count();
		assertThat(expected).isPositive();
		assertThat(s.launderingTransfers()).isEqualTo(expected);
		assertThat(TestCsv.rows(tmp.resolve("out/accounts.csv")).get(1)).containsEntry("opening_balance_fen", "5050");
	}

	@Test
	void moreThanOnePercentRejectedFailsAndLeavesNothing() throws IOException {
		Path f = paysimFile("bad.csv", 100, Map.of(3, "1,PAYMENT,abc,C1,5000.0,4000.0,M1,0.0,0.0,0,0", 50,
				"1,PAYMENT,1,C1,5000.0,4000.0,M1,0,0,2,0"));
		Path out = tmp.resolve("out");
		assertThatThrownBy(() -> Importers.run(Format.PAYSIM, List.of(f), out)).isInstanceOf(ImportException.class)
			.hasMessageContaining("2 of 100 rows are malformed (more than 1%)")
			.hasMessageContaining("bad.csv:3: column amount:");
		assertThat(out).doesNotExist();
		assertNothingLeftIn(tmp, "bad.csv");
	}

	@Test
	void exactlyOnePercentRejectedIsAccepted() throws IOException {
		Path f = paysimFile("ok.csv", 100, Map.of(3, "1,PAYMENT,abc,C1,5000.0,4000.0,M1,0.0,0.0,0,0"));
		ImportSummary s = Importers.run(Format.PAYSIM, List.of(f), tmp.resolve("out"));
		assertThat(s.rowsRejected()).isEqualTo(1);
		assertThat(s.transfers()).isEqualTo(99);
	}

	@Test
	void nonEmptyOutputDirectoryIsRefused() throws IOException {
		Path f = paysimFile("ok.csv", 10, Map.of());
		Path out = Files.createDirectories(tmp.resolve("out"));
		Files.writeString(out.resolve("keep.txt"), "mine");
		assertThatThrownBy(() -> Importers.run(Format.PAYSIM, List.of(f), out)).isInstanceOf(ImportException.class)
			.hasMessageContaining("not empty");
		try (Stream<Path> list = Files.list(out)) {
			assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
		}
		assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
		assertNothingLeftIn(tmp, "ok.csv", "out");
	}

	@Test
	void outputThatIsAFileIsRefused() throws IOException {
		Path f = paysimFile("ok.csv", 10, Map.of());
		Path out = tmp.resolve("out");
		Files.writeString(out, "x");
		assertThatThrownBy(() -> Importers.run(Format.PAYSIM, List.of(f), out)).isInstanceOf(ImportException.class)
			.hasMessageContaining("not a directory");
	}

	@Test
	void emptyOutputDirectoryIsUsed() throws IOException {
		Path f = paysimFile("ok.csv", 10, Map.of());
		Path out = Files.createDirectories(tmp.resolve("a/b/out"));
		ImportSummary s = Importers.run(Format.PAYSIM, List.of(f), out);
		assertThat(s.transfers()).isEqualTo(10);
		for (Table t : Table.values()) {
			assertThat(out.resolve(t.fileName())).isRegularFile();
		}
		assertNothingLeftIn(tmp.resolve("a/b"), "out");
	}

	@Test
	void formatNames() {
		assertThat(Format.parse("amlsim")).isEqualTo(Format.AMLSIM);
		assertThat(Format.parse("amlsim-txlog")).isEqualTo(Format.AMLSIM_TXLOG);
		assertThat(Format.parse("PaySim")).isEqualTo(Format.PAYSIM);
		assertThat(Format.parse("amlworld")).isEqualTo(Format.AMLWORLD);
		assertThatThrownBy(() -> Format.parse("aml")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("amlsim, amlsim-txlog, paysim, amlworld");
		assertThatThrownBy(() -> Format.parse(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void noInputs() {
		assertThatThrownBy(() -> Importers.run(Format.AMLWORLD, List.of(), tmp.resolve("out")))
			.isInstanceOf(ImportException.class);
	}

	/**
	 * The directory holds exactly these names: no output, no temporary directory left
	 * behind.
	 */
	static void assertNothingLeftIn(Path dir, String... names) throws IOException {
		try (Stream<Path> list = Files.list(dir)) {
			assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder(names);
		}
	}

}
