package org.fanzha.sim.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fanzha.sim.importers.Importers.Format;
import org.fanzha.sim.io.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written samples of each format (src/test/resources/importers), checked row by row.
 */
class SmallSamplesImportTest {

	@TempDir
	Path tmp;

	static Path resource(String name) {
		try {
			return Path.of(SmallSamplesImportTest.class.getResource("/importers/" + name).toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static List<Map<String, String>> rows(Path out, Table table) {
		assertThat(TestCsv.header(out.resolve(table.fileName()))).isEqualTo(table.header());
		return TestCsv.rows(out.resolve(table.fileName()));
	}

	static void assertAllTablesPresent(Path out) {
		for (Table t : Table.values()) {
			assertThat(out.resolve(t.fileName())).as(t.fileName()).isRegularFile();
			assertThat(TestCsv.header(out.resolve(t.fileName()))).isEqualTo(t.header());
		}
		assertThat(out.resolve("SOURCE.txt")).isRegularFile();
	}

	@Test
	void amlsimTxLog() throws IOException {
		Path out = tmp.resolve("txlog");
		ImportSummary s = Importers.run(Format.AMLSIM_TXLOG, List.of(resource("tx_log.csv")), out);

		assertThat(s.rowsRead()).isEqualTo(12);
		assertThat(s.rowsRejected()).isZero();
		assertThat(s.transfers()).isEqualTo(12);
		assertThat(s.accounts()).isEqualTo(8);
		assertThat(s.launderingTransfers()).isEqualTo(3);
		assertThat(s.muleAccounts()).isEqualTo(3);
		assertAllTablesPresent(out);

		List<Map<String, String>> accounts = rows(out, Table.ACCOUNTS);
		assertThat(accounts).extracting(a -> a.get("account_id"), a -> a.get("opening_balance_fen"))
			.containsExactly(tuple("AMLSIM-1096", "523240"), tuple("AMLSIM-4313", "2134473"),
					tuple("AMLSIM-2207", "981105"), tuple("AMLSIM-518", "73010"), tuple("AMLSIM-3380", "1502000"),
					tuple("AMLSIM-771", "12000"), tuple("AMLSIM-2950", "5830"), tuple("AMLSIM-6012", "410020"));
		assertThat(accounts).allSatisfy(a -> {
			assertThat(a.get("institution")).isEqualTo("AMLSIM");
			assertThat(a.get("kind")).isEqualTo("IMPORTED");
			assertThat(a.get("holder")).isEmpty();
		});
		assertThat(rows(out, Table.INSTITUTIONS)).containsExactly(
				Map.of("institution_code", "AMLSIM", "name", "IBM AMLSim (synthetic bank)", "kind", "SOURCE"));

		List<Map<String, String>> t = rows(out, Table.TRANSFERS);
		assertThat(t).extracting(r -> r.get("transfer_id"))
			.containsExactly("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12");
		assertThat(t.get(0)).containsEntry("time", "2026-01-01T00:00:00+08:00")
			.containsEntry("from_account", "AMLSIM-1096")
			.containsEntry("to_account", "AMLSIM-4313")
			.containsEntry("amount_fen", "41994")
			.containsEntry("channel", "TRANSFER")
			.containsEntry("region", "");
		// step 0, row index 1: 2654435761 mod 86400 = 54961 s = 15:16:01
		assertThat(t.get(1)).containsEntry("time", "2026-01-01T15:16:01+08:00");
		// CASH-IN: cash enters the system and credits nameOrig
		assertThat(t.get(3)).containsEntry("channel", "CASH_IN")
			.containsEntry("from_account", "")
			.containsEntry("to_account", "AMLSIM-518")
			.containsEntry("amount_fen", "200000")
			.containsEntry("time", "2026-01-02T21:48:03+08:00");
		// CASH-OUT: cash leaves the system
		assertThat(t.get(7)).containsEntry("channel", "CASH_OUT")
			.containsEntry("from_account", "AMLSIM-2207")
			.containsEntry("to_account", "")
			.containsEntry("amount_fen", "50000");
		assertThat(t.get(2)).containsEntry("amount_fen", "8750");
		assertThat(t.get(9)).containsEntry("amount_fen", "101"); // 1.005 rounded half-up
																	// to the fen
		assertThat(t).allSatisfy(r -> assertThat(r.get("time")).startsWith("2026-01-0"));

		assertThat(rows(out, Table.TRUTH_LAUNDERING)).extracting(r -> r.get("transfer_id"), r -> r.get("chain_id"))
			.containsExactly(tuple("T5", "ALERT-12"), tuple("T6", "ALERT-12"), tuple("T7", "ALERT-12"));
		assertThat(rows(out, Table.TRUTH_MULE_ACCOUNTS))
			.extracting(r -> r.get("account_id"), r -> r.get("mule_kind"), r -> r.get("first_chain_id"))
			.containsExactly(tuple("AMLSIM-3380", "LABELLED", "ALERT-12"), tuple("AMLSIM-771", "LABELLED", "ALERT-12"),
					tuple("AMLSIM-2950", "LABELLED", "ALERT-12"));

		String source = Files.readString(out.resolve("SOURCE.txt"));
		assertThat(source).contains("Format: amlsim-txlog", "Inputs: tx_log.csv", "Rows read: 12",
				"2026-01-01T00:00+08:00 plus s days plus (row index * 2654435761 mod 86400) seconds");
	}

	@Test
	void paysimKaggleHeader() {
		Path out = tmp.resolve("paysim1");
		ImportSummary s = Importers.run(Format.PAYSIM, List.of(resource("paysim1.csv")), out);

		assertThat(s.rowsRead()).isEqualTo(12);
		assertThat(s.rowsRejected()).isZero();
		assertThat(s.transfers()).isEqualTo(12);
		assertThat(s.accounts()).isEqualTo(18);
		assertThat(s.launderingTransfers()).isEqualTo(4);
		assertThat(s.muleAccounts()).isEqualTo(2);

		List<Map<String, String>> t = rows(out, Table.TRANSFERS);
		assertThat(t).extracting(r -> r.get("channel"))
			.containsExactly("PAYMENT", "PAYMENT", "TRANSFER", "CASH_OUT", "DEBIT", "CASH_IN", "TRANSFER", "PAYMENT",
					"CASH_OUT", "TRANSFER", "CASH_OUT", "PAYMENT");
		assertThat(t.get(0)).containsEntry("time", "2026-01-01T01:00:00+08:00")
			.containsEntry("from_account", "C1231006815")
			.containsEntry("to_account", "M1979787155")
			.containsEntry("amount_fen", "983964");
		assertThat(t.get(3)).containsEntry("from_account", "C840083671")
			.containsEntry("to_account", "")
			.containsEntry("amount_fen", "18100");
		// step 2 (hours), row index 5: 5 * 2654435761 mod 3600 = 1205 s
		assertThat(t.get(5)).containsEntry("from_account", "")
			.containsEntry("to_account", "C1862994526")
			.containsEntry("amount_fen", "14323626")
			.containsEntry("time", "2026-01-01T02:20:05+08:00");
		assertThat(t.get(6)).containsEntry("amount_fen", "21531030");
		assertThat(t.get(9)).containsEntry("amount_fen", "127721277").containsEntry("to_account", "C431687661");
		assertThat(t).filteredOn(r -> r.get("channel").equals("CASH_OUT"))
			.allSatisfy(r -> assertThat(r.get("to_account")).isEmpty());

		assertThat(rows(out, Table.TRUTH_LAUNDERING)).extracting(r -> r.get("transfer_id"))
			.containsExactly("T3", "T4", "T10", "T11");
		assertThat(rows(out, Table.TRUTH_MULE_ACCOUNTS)).extracting(r -> r.get("account_id"))
			.containsExactly("C553264065", "C431687661");

		List<Map<String, String>> accounts = rows(out, Table.ACCOUNTS);
		assertThat(accounts).extracting(a -> a.get("account_id"))
			.containsExactly("C1231006815", "M1979787155", "C1666544295", "M2044282225", "C1305486145", "C553264065",
					"C840083671", "C712410124", "C195600860", "C1862994526", "C1670993182", "C1100439041",
					"C1026483832", "M1635378213", "C905080434", "C1334405552", "C431687661", "C467632528");
		assertThat(accounts.get(0)).containsEntry("opening_balance_fen", "17013600")
			.containsEntry("institution", "PAYSIM");
		assertThat(accounts.get(8)).containsEntry("opening_balance_fen", "4189800"); // oldbalanceDest
		assertThat(rows(out, Table.INSTITUTIONS)).extracting(r -> r.get("institution_code"), r -> r.get("kind"))
			.containsExactly(tuple("PAYSIM", "SOURCE"));
	}

	@Test
	void paysimRawLogHeader() {
		Path out = tmp.resolve("rawlog");
		ImportSummary s = Importers.run(Format.PAYSIM, List.of(resource("rawLog.csv")), out);

		assertThat(s.rowsRead()).isEqualTo(10);
		assertThat(s.rowsRejected()).isZero();
		assertThat(s.transfers()).isEqualTo(10);
		assertThat(s.accounts()).isEqualTo(8);
		assertThat(s.launderingTransfers()).isEqualTo(3);
		assertThat(s.muleAccounts()).isEqualTo(1);

		List<Map<String, String>> t = rows(out, Table.TRANSFERS);
		assertThat(t.get(0)).containsEntry("time", "2026-01-01T00:00:00+08:00")
			.containsEntry("channel", "CASH_IN")
			.containsEntry("from_account", "")
			.containsEntry("to_account", "C2119325614")
			.containsEntry("amount_fen", "6038382");
		assertThat(t.get(3)).containsEntry("channel", "CASH_OUT")
			.containsEntry("from_account", "C1761186302")
			.containsEntry("to_account", "");
		assertThat(t.get(4)).containsEntry("channel", "DEBIT").containsEntry("to_account", "C1998726410");
		assertThat(t.get(9)).containsEntry("time", "2026-01-01T03:" + mmss(9 * 2654435761L % 3600) + "+08:00");

		assertThat(rows(out, Table.TRUTH_LAUNDERING)).extracting(r -> r.get("transfer_id"))
			.containsExactly("T3", "T4", "T10");
		assertThat(rows(out, Table.TRUTH_MULE_ACCOUNTS)).extracting(r -> r.get("account_id"))
			.containsExactly("C1761186302");
		List<Map<String, String>> accounts = rows(out, Table.ACCOUNTS);
		assertThat(accounts).extracting(a -> a.get("account_id"), a -> a.get("opening_balance_fen"))
			.containsExactly(tuple("C2119325614", "5217866"), tuple("M1405291939", "-4114674"),
					tuple("C749981943", "9425111"), tuple("C1761186302", "4100"), tuple("C1014556235", "2801620"),
					tuple("C1998726410", "106600"), tuple("C544981530", "53037"), tuple("M1722400003", "-162000"));
	}

	private static String mmss(long seconds) {
		return String.format("%02d:%02d", seconds / 60, seconds % 60);
	}

	@Test
	void amlworld() throws IOException {
		Path out = tmp.resolve("amlworld");
		ImportSummary s = Importers.run(Format.AMLWORLD, List.of(resource("HI-Tiny_Trans.csv")), out);

		assertThat(s.rowsRead()).isEqualTo(14);
		assertThat(s.rowsRejected()).isZero();
		assertThat(s.transfers()).isEqualTo(14);
		assertThat(s.accounts()).isEqualTo(15);
		assertThat(s.launderingTransfers()).isEqualTo(2);
		assertThat(s.muleAccounts()).isEqualTo(3);

		List<Map<String, String>> t = rows(out, Table.TRANSFERS);
		assertThat(t.get(0)).containsEntry("transfer_id", "T1")
			.containsEntry("time", "2022-09-01T00:20:00+08:00")
			.containsEntry("from_account", "10-8000EBD30")
			.containsEntry("to_account", "10-8000EBD30")
			.containsEntry("amount_fen", "369734")
			.containsEntry("channel", "REINVESTMENT")
			.containsEntry("region", "");
		assertThat(t.get(1)).containsEntry("from_account", "3208-8000F4580")
			.containsEntry("to_account", "1-8000F5340")
			.containsEntry("amount_fen", "1")
			.containsEntry("channel", "CHEQUE");
		assertThat(t).extracting(r -> r.get("channel"))
			.containsExactly("REINVESTMENT", "CHEQUE", "REINVESTMENT", "REINVESTMENT", "REINVESTMENT", "CREDIT_CARD",
					"WIRE", "CASH", "BITCOIN", "ACH", "ACH", "CREDIT_CARD", "ACH", "CHEQUE");
		assertThat(t).allSatisfy(r -> {
			assertThat(r.get("from_account")).isNotEmpty();
			assertThat(r.get("to_account")).isNotEmpty();
		});
		assertThat(t.get(7)).containsEntry("channel", "CASH").containsEntry("to_account", "144-80E1D8A90");
		assertThat(t.get(8)).containsEntry("amount_fen", "0"); // 0.000623 BTC
		assertThat(t.get(11)).containsEntry("amount_fen", "102120").containsEntry("time", "2022-09-01T23:59:00+08:00");
		assertThat(t.get(12)).containsEntry("amount_fen", "513705"); // Amount Paid, not
																		// Amount Received
		assertThat(t.get(13)).containsEntry("time", "2022-09-02T10:45:00+08:00");

		assertThat(rows(out, Table.TRUTH_LAUNDERING)).extracting(r -> r.get("transfer_id"))
			.containsExactly("T10", "T11");
		assertThat(rows(out, Table.TRUTH_MULE_ACCOUNTS)).extracting(r -> r.get("account_id"))
			.containsExactly("224-803DB8A70", "11-80AD7BE10", "70-8021F1C60");

		List<Map<String, String>> accounts = rows(out, Table.ACCOUNTS);
		assertThat(accounts).extracting(a -> a.get("account_id"))
			.containsExactly("10-8000EBD30", "3208-8000F4580", "1-8000F5340", "3209-8000F4670", "12-8000F5030",
					"10-8000F5200", "1362-80A2E2E60", "119-812ED62E0", "11-8029C0AA0", "144-80E1D8A90",
					"2842-80BCA1350", "215-8100D2A60", "224-803DB8A70", "11-80AD7BE10", "70-8021F1C60");
		assertThat(accounts).allSatisfy(a -> {
			assertThat(a.get("opening_balance_fen")).isEqualTo("0");
			assertThat(a.get("account_id")).startsWith(a.get("institution") + "-");
		});
		assertThat(rows(out, Table.INSTITUTIONS)).extracting(r -> r.get("institution_code"))
			.containsExactly("10", "3208", "1", "3209", "12", "1362", "119", "11", "144", "2842", "215", "224", "70");
		assertThat(rows(out, Table.INSTITUTIONS).get(0)).containsEntry("name", "AMLworld bank 10")
			.containsEntry("kind", "BANK");
		assertThat(Files.readString(out.resolve("SOURCE.txt")))
			.contains("Payment currencies (rows): US Dollar 9, Euro 3, Yuan 1, Bitcoin 1");
	}

	@Test
	void inputFolderIsAccepted() {
		Path out = tmp.resolve("folder");
		Path folder = resource("tx_log.csv").getParent();
		ImportSummary s = Importers.run(Format.AMLSIM_TXLOG, List.of(folder), out);
		assertThat(s.transfers()).isEqualTo(12);
	}

	@Test
	void severalInputsNumberTransfersOnAndShareAccounts() {
		Path out = tmp.resolve("two");
		ImportSummary s = Importers.run(Format.PAYSIM, List.of(resource("paysim1.csv"), resource("rawLog.csv")), out);
		assertThat(s.transfers()).isEqualTo(22);
		assertThat(s.accounts()).isEqualTo(26);
		assertThat(rows(out, Table.TRANSFERS).get(21)).containsEntry("transfer_id", "T22");
		assertThat(rows(out, Table.TRUTH_LAUNDERING)).extracting(r -> r.get("transfer_id"))
			.containsExactly("T3", "T4", "T10", "T11", "T15", "T16", "T22");
	}

}
