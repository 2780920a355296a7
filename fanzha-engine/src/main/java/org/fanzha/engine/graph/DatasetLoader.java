package org.fanzha.engine.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads {@code accounts.csv} and {@code transfers.csv} of a Fanzha dataset (simulator or
 * importer output) into a {@link TransferGraph}, finding columns by header name.
 * Transfers are read into primitive arrays, sorted by (time, file order) when the file is
 * not already in time order, and appended. Malformed rows are errors naming file, line
 * and column: the engine does not guess.
 */
public final class DatasetLoader {

	private DatasetLoader() {
	}

	public static TransferGraph load(Path dir) throws IOException {
		TransferGraph g = new TransferGraph();
		Path accounts = dir.resolve("accounts.csv");
		Path transfers = dir.resolve("transfers.csv");
		for (Path p : List.of(accounts, transfers)) {
			if (!Files.isRegularFile(p)) {
				throw new NoSuchFileException(p.toString(), null,
						"a Fanzha dataset needs accounts.csv and transfers.csv");
			}
		}
		try (BufferedReader r = Files.newBufferedReader(accounts, StandardCharsets.UTF_8)) {
			String[] header = header(r, accounts);
			int id = column(header, "account_id", accounts);
			int opening = column(header, "opening_balance_fen", accounts);
			String line;
			int n = 1;
			while ((line = r.readLine()) != null) {
				n++;
				if (line.isEmpty()) {
					continue;
				}
				String[] f = split(line);
				g.addAccount(field(f, id, accounts, n, "account_id"), parseLong(
						field(f, opening, accounts, n, "opening_balance_fen"), accounts, n, "opening_balance_fen"));
			}
		}
		Rows rows = new Rows();
		boolean sorted = true;
		try (BufferedReader r = Files.newBufferedReader(transfers, StandardCharsets.UTF_8)) {
			String[] header = header(r, transfers);
			int cId = column(header, "transfer_id", transfers);
			int cTime = column(header, "time", transfers);
			int cFrom = column(header, "from_account", transfers);
			int cTo = column(header, "to_account", transfers);
			int cAmount = column(header, "amount_fen", transfers);
			int cChannel = column(header, "channel", transfers);
			String line;
			int n = 1;
			long last = Long.MIN_VALUE;
			while ((line = r.readLine()) != null) {
				n++;
				if (line.isEmpty()) {
					continue;
				}
				String[] f = split(line);
				String tid = field(f, cId, transfers, n, "transfer_id");
				long time = parseTime(field(f, cTime, transfers, n, "time"), transfers, n);
				String fromId = field(f, cFrom, transfers, n, "from_account");
				String toId = cTo < f.length ? f[cTo] : "";
				long amount = parseLong(field(f, cAmount, transfers, n, "amount_fen"), transfers, n, "amount_fen");
				if (amount <= 0) {
					throw new IllegalArgumentException(
							transfers + ":" + n + ": column amount_fen: must be > 0, got " + amount);
				}
				String ch = cChannel < f.length ? f[cChannel] : "";
				if (sorted && time < last) {
					sorted = false;
				}
				last = Math.max(last, time);
				rows.add(tid, time, g.accountFor(fromId), toId.isEmpty() ? TransferGraph.NONE : g.accountFor(toId),
						amount, g.channelCode(ch));
			}
		}
		rows.appendTo(g, !sorted);
		return g;
	}

	/** Rows held as primitives until they can be appended in time order. */
	private static final class Rows {

		String[] ids = new String[1 << 12];

		long[] time = new long[1 << 12];

		int[] from = new int[1 << 12];

		int[] to = new int[1 << 12];

		long[] amount = new long[1 << 12];

		byte[] channel = new byte[1 << 12];

		int n;

		void add(String id, long t, int f, int tt, long a, byte c) {
			if (n == time.length) {
				int m = n * 2;
				ids = Arrays.copyOf(ids, m);
				time = Arrays.copyOf(time, m);
				from = Arrays.copyOf(from, m);
				to = Arrays.copyOf(to, m);
				amount = Arrays.copyOf(amount, m);
				channel = Arrays.copyOf(channel, m);
			}
			ids[n] = id;
			time[n] = t;
			from[n] = f;
			to[n] = tt;
			amount[n] = a;
			channel[n] = c;
			n++;
		}

		void appendTo(TransferGraph g, boolean sort) {
			int[] order = new int[n];
			for (int i = 0; i < n; i++) {
				order[i] = i;
			}
			if (sort) {
				// stable by file order within a second: sort (time, row) packed in a long
				// when it fits
				long[] keys = new long[n];
				long min = Long.MAX_VALUE;
				for (int i = 0; i < n; i++) {
					min = Math.min(min, time[i]);
				}
				for (int i = 0; i < n; i++) {
					keys[i] = ((time[i] - min) << 27) | i;
				}
				if (n >= (1 << 27)) {
					throw new IllegalArgumentException(
							"too many unsorted transfers to sort in memory; sort the file by time");
				}
				Arrays.sort(keys);
				for (int i = 0; i < n; i++) {
					order[i] = (int) (keys[i] & ((1 << 27) - 1));
				}
			}
			for (int k = 0; k < n; k++) {
				int i = order[k];
				g.append(ids[i], time[i], from[i], to[i], amount[i], channel[i]);
			}
		}

	}

	private static String[] header(BufferedReader r, Path file) throws IOException {
		String line = r.readLine();
		if (line == null) {
			throw new IllegalArgumentException(file + ": empty file, expected a header line");
		}
		if (line.startsWith("\uFEFF")) {
			line = line.substring(1);
		}
		return split(line);
	}

	private static int column(String[] header, String name, Path file) {
		for (int i = 0; i < header.length; i++) {
			if (header[i].equals(name)) {
				return i;
			}
		}
		throw new IllegalArgumentException(file + ": no column '" + name + "' in header " + String.join(",", header));
	}

	private static String field(String[] f, int i, Path file, int line, String column) {
		if (i >= f.length || f[i].isEmpty()) {
			throw new IllegalArgumentException(file + ":" + line + ": column " + column + ": missing");
		}
		return f[i];
	}

	private static long parseLong(String s, Path file, int line, String column) {
		try {
			return Long.parseLong(s);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(file + ":" + line + ": column " + column + ": not a whole number: " + s);
		}
	}

	private static long parseTime(String s, Path file, int line) {
		try {
			return OffsetDateTime.parse(s).toEpochSecond();
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(
					file + ":" + line + ": column time: not an ISO-8601 time with offset: " + s);
		}
	}

	/** Splits a CSV line; quoted fields may hold commas and doubled quotes. */
	static String[] split(String line) {
		List<String> out = new ArrayList<>(10);
		StringBuilder b = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
						b.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					b.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				out.add(b.toString());
				b.setLength(0);
			}
			else if (c != '\r') {
				b.append(c);
			}
		}
		out.add(b.toString());
		return out.toArray(String[]::new);
	}

}
