package org.fanzha.sim.importers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.fanzha.core.KeyIndex;

/**
 * One source format. Subclasses read their files row by row ({@link #eachRow}) and write
 * through the {@link ImportRun}; a row that throws {@link RowException} is counted and
 * skipped. A row must be fully checked before it changes anything (adds an account,
 * writes a transfer).
 */
abstract class SourceImporter {

	/**
	 * A row handler: the reader is on the row, index is its 0-based number among the
	 * file's data rows.
	 */
	interface RowHandler {

		void row(CsvReader r, long index) throws RowException;

	}

	final ImportRun run;

	/** File names of the inputs read, for SOURCE.txt. */
	final List<String> inputNames = new ArrayList<>();

	/**
	 * Reused buffer for building account ids ("AMLSIM-" + node, bank + "-" + account).
	 */
	byte[] key = new byte[64];

	SourceImporter(ImportRun run) {
		this.run = run;
	}

	/** Reads all inputs. */
	abstract void read(List<Path> inputs) throws IOException;

	/**
	 * Format-specific lines for SOURCE.txt: how times, amounts, channels and truth were
	 * mapped.
	 */
	abstract String notes();

	/**
	 * The single file an input names: the input itself, or the file of this name inside a
	 * folder.
	 */
	static Path file(Path input, String nameInFolder) {
		Path f = Files.isDirectory(input) && nameInFolder != null ? input.resolve(nameInFolder) : input;
		if (!Files.isRegularFile(f)) {
			throw new ImportException("input file not found: " + f);
		}
		return f;
	}

	/**
	 * Opens a file and checks its header against the accepted ones; returns the reader
	 * (on the header) and the index of the header that matched in {@code matched[0]}.
	 */
	CsvReader open(Path file, int[] matched, String[]... headers) throws IOException {
		CsvReader r = new CsvReader(file);
		boolean ok = false;
		try {
			if (!r.next()) {
				throw new ImportException(r.fileName() + ": empty file, expected the header line " + expected(headers));
			}
			for (int h = 0; h < headers.length; h++) {
				if (r.matches(headers[h])) {
					if (matched != null) {
						matched[0] = h;
					}
					ok = true;
					inputNames.add(r.fileName());
					return r;
				}
			}
			String found = r.joined();
			if (found.length() > 200) {
				found = found.substring(0, 197) + "...";
			}
			throw new ImportException(r.fileName() + ": header line is '" + found + "', expected " + expected(headers));
		}
		finally {
			if (!ok) {
				r.close();
			}
		}
	}

	private static String expected(String[][] headers) {
		StringBuilder sb = new StringBuilder();
		for (int h = 0; h < headers.length; h++) {
			if (h > 0) {
				sb.append(" or ");
			}
			sb.append('\'').append(String.join(",", headers[h])).append('\'');
		}
		return sb.toString();
	}

	/**
	 * Reads the data rows of an open reader (closing it), counting them and rejections.
	 */
	void eachRow(CsvReader r, RowHandler handler) throws IOException {
		try (r) {
			long index = 0;
			while (r.next()) {
				run.rowsRead++;
				try {
					handler.row(r, index);
				}
				catch (RowException e) {
					run.reject(r, e);
				}
				index++;
			}
		}
	}

	/** Puts prefix + field i into {@link #key} and returns the length. */
	int key(String asciiPrefix, CsvReader r, int i) {
		int p = asciiPrefix.length();
		int n = p + r.length(i);
		if (n > key.length) {
			key = new byte[Math.max(n, key.length * 2)];
		}
		for (int k = 0; k < p; k++) {
			key[k] = (byte) asciiPrefix.charAt(k);
		}
		System.arraycopy(r.bytes(), r.start(i), key, p, r.length(i));
		return n;
	}

	/**
	 * The account of field {@code i}, with its opening balance when first seen; sources
	 * that book movements name it.
	 */
	int account(CsvReader r, int i, long balance) throws RowException {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " books no PaySim-shaped movements");
	}

	/**
	 * The payer and the payee of the last {@link #bookPaySimShaped} (-1: none), reused so
	 * a row allocates nothing.
	 */
	final int[] ends = new int[2];

	/**
	 * A movement in PaySim's columns (AMLSim's transaction log has them too): CASH_IN
	 * credits the account of field 3 (money from outside), CASH_OUT debits it (cash
	 * leaves the banking system), anything else moves from field 3 to field 6. Books the
	 * transfer at {@code time}; returns its number, the accounts in {@link #ends}.
	 */
	final long bookPaySimShaped(CsvReader r, String channel, long fen, long origBalance, long destBalance, long time)
			throws RowException {
		int from = -1;
		int to = -1;
		if (channel.equals("CASH_IN")) {
			to = account(r, 3, origBalance);
		}
		else {
			from = account(r, 3, origBalance);
			if (!channel.equals("CASH_OUT")) {
				to = account(r, 6, destBalance);
			}
		}
		ends[0] = from;
		ends[1] = to;
		return run.transfer(time, from, to, fen, channel);
	}

	/** A non-empty field (an account id). */
	static void requireId(CsvReader r, int i, String column) throws RowException {
		if (r.isEmpty(i)) {
			throw new RowException(column, "empty account id");
		}
	}

	/** A step number in 0..max. */
	static long step(CsvReader r, int i, String column, long max) throws RowException {
		long s = r.integer(i, column);
		if (s < 0 || s > max) {
			throw new RowException(column, "step out of range 0.." + max + ": " + r.shown(i));
		}
		return s;
	}

	/** A channel name from a source's type: upper case, spaces and hyphens as '_'. */
	static String channelName(String raw) {
		return raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
	}

	/**
	 * Channel names by the raw bytes of a type field, so a row's type costs a lookup, not
	 * a String.
	 */
	static final class Channels {

		private final KeyIndex raw = new KeyIndex();

		private String[] names = new String[16];

		String of(CsvReader r, int i) {
			int c = raw.getOrAdd(r.bytes(), r.start(i), r.length(i));
			if (raw.added()) {
				if (c == names.length) {
					names = Arrays.copyOf(names, c * 2);
				}
				names[c] = channelName(raw.name(c));
			}
			return names[c];
		}

	}

}
