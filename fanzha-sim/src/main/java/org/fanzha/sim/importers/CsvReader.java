package org.fanzha.sim.importers;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A fast CSV reader over UTF-8 bytes (RFC 4180): quoted fields (with "" for a quote and
 * line breaks inside), CRLF or LF line ends, a UTF-8 byte order mark, blank lines
 * (skipped). It reads through its own 64 KiB buffer and unescapes each record into a
 * reused byte array, so reading allocates nothing per row; the parsers below read numbers
 * straight from those bytes. A record's line number is the physical line it starts on
 * (the header is line 1).
 */
final class CsvReader implements Closeable {

	private static final int CAPACITY = 1 << 16;

	/**
	 * Amounts of this many units or more are refused (fen must fit a long with room to
	 * add).
	 */
	private static final long MAX_WHOLE = 1_000_000_000_000_000L;

	private final InputStream in;

	private final String fileName;

	private final byte[] buf = new byte[CAPACITY];

	private int pos;

	private int lim;

	private boolean eof;

	private byte[] rec = new byte[256];

	private int recLen;

	private int[] starts = new int[16];

	private int[] ends = new int[16];

	private int count;

	private long line;

	private long nextLine = 1;

	private boolean unterminatedQuote;

	CsvReader(Path file) throws IOException {
		this.in = Files.newInputStream(file);
		this.fileName = file.getFileName().toString();
		fill();
		if (lim - pos >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
			pos = 3;
		}
	}

	String fileName() {
		return fileName;
	}

	/** The line the current record starts on. */
	long line() {
		return line;
	}

	int fields() {
		return count;
	}

	/** Whether the last field ran to the end of the file inside quotes. */
	boolean unterminatedQuote() {
		return unterminatedQuote;
	}

	private void fill() throws IOException {
		if (eof) {
			return;
		}
		pos = 0;
		lim = 0;
		while (lim == 0) {
			int n = in.read(buf, 0, CAPACITY);
			if (n < 0) {
				eof = true;
				return;
			}
			lim = n;
		}
	}

	private int read() throws IOException {
		if (pos == lim) {
			fill();
			if (pos == lim) {
				return -1;
			}
		}
		return buf[pos++] & 0xff;
	}

	private int peek() throws IOException {
		if (pos == lim) {
			fill();
			if (pos == lim) {
				return -1;
			}
		}
		return buf[pos] & 0xff;
	}

	private void append(int b) {
		if (recLen == rec.length) {
			rec = Arrays.copyOf(rec, rec.length * 2);
		}
		rec[recLen++] = (byte) b;
	}

	private void endField(int start) {
		if (count == starts.length) {
			starts = Arrays.copyOf(starts, count * 2);
			ends = Arrays.copyOf(ends, count * 2);
		}
		starts[count] = start;
		ends[count] = recLen;
		count++;
	}

	/** Reads the next record; false at the end of the file. Blank lines are skipped. */
	boolean next() throws IOException {
		count = 0;
		recLen = 0;
		unterminatedQuote = false;
		int b;
		while (true) {
			line = nextLine;
			b = read();
			if (b < 0) {
				return false;
			}
			if (b == '\n') {
				nextLine++;
			}
			else if (b == '\r') {
				if (peek() == '\n') {
					read();
				}
				nextLine++;
			}
			else {
				break;
			}
		}
		int fieldStart = 0;
		boolean atFieldStart = true;
		while (true) {
			if (b < 0) {
				endField(fieldStart);
				return true;
			}
			if (b == ',') {
				endField(fieldStart);
				fieldStart = recLen;
				atFieldStart = true;
			}
			else if (b == '\n') {
				endField(fieldStart);
				nextLine++;
				return true;
			}
			else if (b == '\r') {
				if (peek() == '\n') {
					read();
				}
				endField(fieldStart);
				nextLine++;
				return true;
			}
			else if (b == '"' && atFieldStart) {
				atFieldStart = false;
				while (true) {
					int c = read();
					if (c < 0) {
						unterminatedQuote = true;
						break;
					}
					if (c == '"') {
						if (peek() == '"') {
							read();
							append('"');
						}
						else {
							break;
						}
					}
					else {
						if (c == '\n') {
							nextLine++;
						}
						append(c);
					}
				}
			}
			else {
				append(b);
				atFieldStart = false;
			}
			b = read();
		}
	}

	// ---- field access
	// -------------------------------------------------------------------------------------

	byte[] bytes() {
		return rec;
	}

	int start(int i) {
		return starts[i];
	}

	int end(int i) {
		return ends[i];
	}

	int length(int i) {
		return ends[i] - starts[i];
	}

	boolean isEmpty(int i) {
		return ends[i] == starts[i];
	}

	String text(int i) {
		return new String(rec, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
	}

	/** The field for a message: quoted, and cut short when long. */
	String shown(int i) {
		String s = text(i);
		if (s.length() > 40) {
			s = s.substring(0, 37) + "...";
		}
		return "'" + s + "'";
	}

	/** All fields of the record, joined by commas (for header messages). */
	String joined() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				sb.append(',');
			}
			sb.append(text(i));
		}
		return sb.toString();
	}

	/** Whether the record's fields are exactly these. */
	boolean matches(String[] names) {
		if (count != names.length) {
			return false;
		}
		for (int i = 0; i < count; i++) {
			if (!text(i).equals(names[i])) {
				return false;
			}
		}
		return true;
	}

	/** Whether field i holds exactly this ASCII text. */
	boolean fieldEquals(int i, String ascii) {
		int s = starts[i];
		int n = ends[i] - s;
		if (n != ascii.length()) {
			return false;
		}
		for (int k = 0; k < n; k++) {
			if (rec[s + k] != ascii.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Checks the field count against the header. A short row names the first missing
	 * column, a long one the first extra position.
	 */
	void requireFields(String[] columns) throws RowException {
		if (unterminatedQuote) {
			throw new RowException(columns[Math.min(count, columns.length) - 1], "unterminated quoted field");
		}
		if (count < columns.length) {
			throw new RowException(columns[count],
					"missing (row has " + count + " fields, expected " + columns.length + ")");
		}
		if (count > columns.length) {
			throw new RowException("#" + (columns.length + 1),
					"extra field (row has " + count + " fields, expected " + columns.length + ")");
		}
	}

	/** A whole number, optionally negative. */
	long integer(int i, String column) throws RowException {
		int s = starts[i];
		int e = ends[i];
		if (s == e) {
			throw new RowException(column, "empty, expected a whole number");
		}
		boolean negative = false;
		if (rec[s] == '-') {
			negative = true;
			s++;
		}
		if (s == e || e - s > 18) {
			throw new RowException(column, "not a whole number: " + shown(i));
		}
		long v = 0;
		for (; s < e; s++) {
			int d = rec[s] - '0';
			if (d < 0 || d > 9) {
				throw new RowException(column, "not a whole number: " + shown(i));
			}
			v = v * 10 + d;
		}
		return negative ? -v : v;
	}

	/** A 0/1 flag (true/false is taken as well, in any case). */
	boolean flag(int i, String column) throws RowException {
		int s = starts[i];
		int n = ends[i] - s;
		if (n == 1) {
			if (rec[s] == '1') {
				return true;
			}
			if (rec[s] == '0') {
				return false;
			}
		}
		else if (n == 4 || n == 5) {
			String t = text(i);
			if (t.equalsIgnoreCase("true")) {
				return true;
			}
			if (t.equalsIgnoreCase("false")) {
				return false;
			}
		}
		throw new RowException(column, "not a flag (0 or 1): " + shown(i));
	}

	/**
	 * A non-negative decimal amount of money, in fen (hundredths). See
	 * {@link #fen(int, String, boolean)}.
	 */
	long amount(int i, String column) throws RowException {
		return fen(i, column, false);
	}

	/**
	 * A decimal amount as fen, read exactly from its digits: "163.3" is 16330, "12" is
	 * 1200. With more than two decimals it is rounded half-up to the fen ("0.125" is 13,
	 * "0.1249" is 12); an exponent ("1.5E3") is read with BigDecimal and rounded the same
	 * way. A negative amount is refused unless {@code signed}.
	 */
	long fen(int i, String column, boolean signed) throws RowException {
		int s = starts[i];
		int e = ends[i];
		if (s == e) {
			throw new RowException(column, "empty, expected an amount");
		}
		boolean negative = false;
		if (rec[s] == '-') {
			negative = true;
			s++;
		}
		else if (rec[s] == '+') {
			s++;
		}
		long whole = 0;
		int wholeDigits = 0;
		while (s < e) {
			int d = rec[s] - '0';
			if (d < 0 || d > 9) {
				break;
			}
			wholeDigits++;
			whole = whole * 10 + d;
			if (whole >= MAX_WHOLE) {
				throw new RowException(column, "amount too large: " + shown(i));
			}
			s++;
		}
		int fracDigits = 0;
		long cents = 0;
		boolean roundUp = false;
		if (s < e && rec[s] == '.') {
			s++;
			while (s < e) {
				int d = rec[s] - '0';
				if (d < 0 || d > 9) {
					break;
				}
				if (fracDigits < 2) {
					cents = cents * 10 + d;
				}
				else if (fracDigits == 2) {
					roundUp = d >= 5;
				}
				fracDigits++;
				s++;
			}
		}
		if (s < e) {
			if ((rec[s] == 'e' || rec[s] == 'E') && wholeDigits + fracDigits > 0) {
				return exponent(i, column, signed);
			}
			throw new RowException(column, "not an amount: " + shown(i));
		}
		if (wholeDigits + fracDigits == 0) {
			throw new RowException(column, "not an amount: " + shown(i));
		}
		if (fracDigits == 1) {
			cents *= 10;
		}
		long fen = whole * 100 + cents + (roundUp ? 1 : 0);
		if (negative && fen != 0) {
			if (!signed) {
				throw new RowException(column, "negative amount: " + shown(i));
			}
			return -fen;
		}
		return fen;
	}

	private long exponent(int i, String column, boolean signed) throws RowException {
		BigDecimal v;
		try {
			v = new BigDecimal(text(i));
		}
		catch (NumberFormatException e) {
			throw new RowException(column, "not an amount: " + shown(i));
		}
		if (v.precision() - v.scale() > 16) {
			throw new RowException(column, "amount too large: " + shown(i));
		}
		if (v.precision() - v.scale() <= -3) {
			return 0; // below 0.001: rounds to 0 fen (and keeps setScale away from huge
						// exponents)
		}
		long fen = v.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValue();
		if (Math.abs(fen) >= MAX_WHOLE * 100) {
			throw new RowException(column, "amount too large: " + shown(i));
		}
		if (fen < 0 && !signed) {
			throw new RowException(column, "negative amount: " + shown(i));
		}
		return fen;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
