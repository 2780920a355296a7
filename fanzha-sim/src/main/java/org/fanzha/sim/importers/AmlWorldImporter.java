package org.fanzha.sim.importers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fanzha.core.KeyIndex;

/**
 * IBM AMLworld (Altman et al., NeurIPS 2023) {@code *_Trans.csv}:
 * {@code Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering}.
 * <ul>
 * <li>Timestamp "2022/09/01 00:20" (or with '-', or with seconds) read as +08:00 local
 * time.
 * <li>Accounts "&lt;bank&gt;-&lt;account&gt;" (a numeric bank id without leading zeros:
 * "010" is "10"), institution the bank (one institutions.csv row per bank, kind BANK),
 * opening balance 0 (the source has none), in order of first appearance.
 * <li>amount_fen: Amount Paid × 100 in the row's Payment Currency, not converted.
 * <li>Channel: Payment Format upper-cased, spaces as '_' (ACH, CHEQUE, CREDIT_CARD, WIRE,
 * CASH, BITCOIN, REINVESTMENT); both accounts are kept for every format.
 * <li>Is Laundering=1: a laundering transfer and both accounts mule accounts.
 * </ul>
 * Built for speed: rows are read as bytes, accounts looked up by bytes, numbers and times
 * parsed by hand.
 */
final class AmlWorldImporter extends SourceImporter {

	static final String[] HEADER = { "Timestamp", "From Bank", "Account", "To Bank", "Account", "Amount Received",
			"Receiving Currency", "Amount Paid", "Payment Currency", "Payment Format", "Is Laundering" };

	/** Column names for messages (the two "Account" columns told apart). */
	static final String[] COLUMNS = { "Timestamp", "From Bank", "Account (from)", "To Bank", "Account (to)",
			"Amount Received", "Receiving Currency", "Amount Paid", "Payment Currency", "Payment Format",
			"Is Laundering" };

	private final Channels channels = new Channels();

	private final KeyIndex currencies = new KeyIndex();

	private long[] currencyRows = new long[16];

	// last parsed date, cached: rows come in time order, so most rows share the previous
	// row's day
	private int lastYear = -1;

	private int lastMonth;

	private int lastDay;

	private long lastEpochDay;

	private int p; // parse position in the record

	AmlWorldImporter(ImportRun run) {
		super(run);
	}

	@Override
	void read(List<Path> inputs) throws IOException {
		for (Path input : inputs) {
			eachRow(open(transFile(input), null, HEADER), this::row);
		}
	}

	/** The input file, or the single *_Trans.csv in an input folder. */
	private static Path transFile(Path input) throws IOException {
		if (!Files.isDirectory(input)) {
			return file(input, null);
		}
		List<Path> found = new ArrayList<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(input, "*_Trans.csv")) {
			ds.forEach(found::add);
		}
		if (found.size() != 1) {
			throw new ImportException(
					"input folder " + input + " has " + found.size() + " *_Trans.csv files; name the file to import");
		}
		return found.get(0);
	}

	private int account(CsvReader r, int bankField, int accountField) {
		byte[] b = r.bytes();
		int bs = r.start(bankField);
		int bl = r.length(bankField);
		// a numeric bank id loses its leading zeros ("010" is bank 10), as in AMLworld's
		// own tooling
		if (b[bs] == '0' && bl > 1 && allDigits(b, bs, bl)) {
			while (bl > 1 && b[bs] == '0') {
				bs++;
				bl--;
			}
		}
		int al = r.length(accountField);
		int n = bl + 1 + al;
		if (n > key.length) {
			key = new byte[Math.max(n, key.length * 2)];
		}
		System.arraycopy(b, bs, key, 0, bl);
		key[bl] = '-';
		System.arraycopy(b, r.start(accountField), key, bl + 1, al);
		int a = run.accounts.getOrAdd(key, 0, n);
		if (run.accounts.added()) {
			run.accounts.setInstitution(a, run.institution(b, bs, bl, "AMLworld bank ", "BANK"));
		}
		return a;
	}

	private static boolean allDigits(byte[] b, int off, int len) {
		for (int i = off, e = off + len; i < e; i++) {
			if (b[i] < '0' || b[i] > '9') {
				return false;
			}
		}
		return true;
	}

	private void row(CsvReader r, long index) throws RowException {
		r.requireFields(COLUMNS);
		long time = timestamp(r);
		if (r.isEmpty(1)) {
			throw new RowException(COLUMNS[1], "empty bank id");
		}
		requireId(r, 2, COLUMNS[2]);
		if (r.isEmpty(3)) {
			throw new RowException(COLUMNS[3], "empty bank id");
		}
		requireId(r, 4, COLUMNS[4]);
		long fen = r.amount(7, COLUMNS[7]);
		if (r.isEmpty(9)) {
			throw new RowException(COLUMNS[9], "empty");
		}
		String channel = channels.of(r, 9);
		boolean laundering = r.flag(10, COLUMNS[10]);

		int from = account(r, 1, 2);
		int to = account(r, 3, 4);
		int c = currencies.getOrAdd(r.bytes(), r.start(8), r.length(8));
		if (c == currencyRows.length) {
			currencyRows = Arrays.copyOf(currencyRows, c * 2);
		}
		currencyRows[c]++;
		long no = run.transfer(time, from, to, fen, channel);
		if (laundering) {
			run.laundering(no, -1);
			run.accounts.markMule(from, -1);
			run.accounts.markMule(to, -1);
		}
	}

	private int digits(byte[] b, int end, int min, int max) {
		int v = 0;
		int n = 0;
		while (p < end && n < max) {
			int d = b[p] - '0';
			if (d < 0 || d > 9) {
				break;
			}
			v = v * 10 + d;
			n++;
			p++;
		}
		return n < min ? -1 : v;
	}

	/**
	 * "yyyy/MM/dd HH:mm[:ss]" (or '-' between date parts) as +08:00 local time, in epoch
	 * seconds.
	 */
	private long timestamp(CsvReader r) throws RowException {
		byte[] b = r.bytes();
		int e = r.end(0);
		p = r.start(0);
		int year = digits(b, e, 4, 4);
		byte sep = p < e ? b[p] : 0;
		boolean ok = year >= 0 && (sep == '/' || sep == '-');
		int month = -1;
		int day = -1;
		int hour = -1;
		int minute = -1;
		int second = 0;
		if (ok) {
			p++;
			month = digits(b, e, 1, 2);
			ok = month >= 0 && p < e && b[p] == sep;
		}
		if (ok) {
			p++;
			day = digits(b, e, 1, 2);
			ok = day >= 0 && p < e && (b[p] == ' ' || b[p] == 'T');
		}
		if (ok) {
			p++;
			hour = digits(b, e, 1, 2);
			ok = hour >= 0 && p < e && b[p] == ':';
		}
		if (ok) {
			p++;
			minute = digits(b, e, 2, 2);
			ok = minute >= 0;
		}
		if (ok && p < e && b[p] == ':') {
			p++;
			second = digits(b, e, 2, 2);
			ok = second >= 0;
		}
		if (!ok || p != e) {
			throw new RowException(COLUMNS[0], "not a time like 2022/09/01 00:20: " + r.shown(0));
		}
		if (hour > 23 || minute > 59 || second > 59 || year < 1900) {
			throw new RowException(COLUMNS[0], "time out of range: " + r.shown(0));
		}
		long epochDay;
		if (year == lastYear && month == lastMonth && day == lastDay) {
			epochDay = lastEpochDay;
		}
		else {
			try {
				epochDay = LocalDate.of(year, month, day).toEpochDay();
			}
			catch (DateTimeException ex) {
				throw new RowException(COLUMNS[0], "no such date: " + r.shown(0));
			}
			lastYear = year;
			lastMonth = month;
			lastDay = day;
			lastEpochDay = epochDay;
		}
		return epochDay * 86400 + hour * 3600 + minute * 60 + second - 8 * 3600;
	}

	@Override
	String notes() {
		StringBuilder cur = new StringBuilder();
		for (int c = 0; c < currencies.size(); c++) {
			if (c > 0) {
				cur.append(", ");
			}
			String name = currencies.name(c);
			cur.append(name.isEmpty() ? "(none)" : name).append(' ').append(currencyRows[c]);
		}
		return """
				Source: IBM AMLworld transactions (*_Trans.csv).
				Times: Timestamp (minute resolution) read as local time at +08:00.
				Amounts: amount_fen is Amount Paid x 100, read exactly, in the row's Payment Currency and NOT \
				converted between currencies (more than two decimals rounded half-up to the fen). Amount \
				Received and Receiving Currency are not imported.
				""" + "Payment currencies (rows): " + cur + "\n" + """
				Accounts: <bank>-<account> (numeric bank ids without leading zeros, so 010 is bank 10, as \
				AMLworld's own tools read them), institution the bank (institutions.csv kind BANK), opening \
				balance 0 (not in the source). Channel: Payment Format upper-cased with spaces as '_'.
				Truth: Is Laundering=1 rows are laundering transfers and both of their accounts are mule \
				accounts (mule_kind LABELLED).
				""";
	}

}
