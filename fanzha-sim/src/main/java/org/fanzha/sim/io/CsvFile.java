package org.fanzha.sim.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A fast, allocation-light CSV writer: fields go straight into a byte buffer, numbers and
 * times are formatted by hand (no String.format, no java.time objects per row), and the
 * buffer is flushed in 64 KiB blocks. Output is UTF-8 with '\n' line ends, so the same
 * rows give byte-identical files.
 */
public final class CsvFile implements Closeable {

	/** China Standard Time; every time in a dataset is written with this offset. */
	public static final int OFFSET_SECONDS = 8 * 3600;

	private static final int CAPACITY = 1 << 16;

	private final OutputStream out;

	private final byte[] buf = new byte[CAPACITY];

	private int pos;

	private boolean firstField = true;

	private long rows;

	// cache of the date part of the last formatted day: "yyyy-MM-ddT"
	private long cachedDay = Long.MIN_VALUE;

	private final byte[] dayPrefix = new byte[11];

	public CsvFile(Path path, String header) {
		try {
			Files.createDirectories(path.toAbsolutePath().getParent());
			this.out = Files.newOutputStream(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create " + path + ": " + e.getMessage(), e);
		}
		raw(header);
		newline();
	}

	public long rows() {
		return rows;
	}

	private void ensure(int n) {
		if (pos + n > CAPACITY) {
			flushBuffer();
		}
	}

	private void separator() {
		if (!firstField) {
			ensure(1);
			buf[pos++] = ',';
		}
		firstField = false;
	}

	/** A text field; quoted when it holds a comma, quote or line break. */
	public CsvFile text(String s) {
		separator();
		if (s == null || s.isEmpty()) {
			return this;
		}
		boolean quote = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				quote = true;
				break;
			}
		}
		if (quote) {
			raw("\"" + s.replace("\"", "\"\"") + "\"");
		}
		else {
			raw(s);
		}
		return this;
	}

	/**
	 * A field already encoded as UTF-8 (for values repeated on many rows: region codes,
	 * channel names).
	 */
	public CsvFile bytes(byte[] utf8) {
		separator();
		if (utf8.length > CAPACITY) {
			flushBuffer();
			write(utf8, utf8.length);
			return this;
		}
		ensure(utf8.length);
		System.arraycopy(utf8, 0, buf, pos, utf8.length);
		pos += utf8.length;
		return this;
	}

	/**
	 * A field from a slice of UTF-8 bytes (identifiers kept in an arena, never turned
	 * into strings).
	 */
	public CsvFile bytes(byte[] utf8, int off, int len) {
		separator();
		if (len > CAPACITY) {
			flushBuffer();
			try {
				out.write(utf8, off, len);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return this;
		}
		ensure(len);
		System.arraycopy(utf8, off, buf, pos, len);
		pos += len;
		return this;
	}

	public CsvFile number(long v) {
		separator();
		ensure(20);
		if (v < 0) {
			if (v == Long.MIN_VALUE) {
				raw(Long.toString(v));
				return this;
			}
			buf[pos++] = '-';
			v = -v;
		}
		// count the digits, then fill from the right: no reversal, int arithmetic where
		// the value allows
		int len = 1;
		for (long t = v; t >= 10; t /= 10) {
			len++;
		}
		int i = pos + len;
		pos = i;
		while (v > Integer.MAX_VALUE) {
			buf[--i] = (byte) ('0' + v % 10);
			v /= 10;
		}
		int w = (int) v;
		do {
			buf[--i] = (byte) ('0' + w % 10);
			w /= 10;
		}
		while (w != 0);
		return this;
	}

	/**
	 * An identifier written as a one-letter prefix and a number, e.g. {@code A1234},
	 * without building a string.
	 */
	public CsvFile id(char prefix, long n) {
		separator();
		ensure(1);
		buf[pos++] = (byte) prefix;
		firstField = true;
		return number(n);
	}

	public CsvFile bool(boolean b) {
		separator();
		raw(b ? "true" : "false");
		return this;
	}

	public CsvFile empty() {
		separator();
		return this;
	}

	/** An epoch-second instant as {@code 2026-03-01T10:00:00+08:00}. */
	public CsvFile time(long epochSecond) {
		separator();
		long local = epochSecond + OFFSET_SECONDS;
		long day = Math.floorDiv(local, 86400);
		int secOfDay = (int) Math.floorMod(local, 86400);
		if (day != cachedDay) {
			String date = LocalDate.ofEpochDay(day).toString();
			if (date.length() != 10) {
				throw new IllegalArgumentException("Year out of range for " + epochSecond);
			}
			for (int i = 0; i < 10; i++) {
				dayPrefix[i] = (byte) date.charAt(i);
			}
			dayPrefix[10] = 'T';
			cachedDay = day;
		}
		ensure(25);
		System.arraycopy(dayPrefix, 0, buf, pos, 11);
		pos += 11;
		two(secOfDay / 3600);
		buf[pos++] = ':';
		two(secOfDay / 60 % 60);
		buf[pos++] = ':';
		two(secOfDay % 60);
		buf[pos++] = '+';
		buf[pos++] = '0';
		buf[pos++] = '8';
		buf[pos++] = ':';
		buf[pos++] = '0';
		buf[pos++] = '0';
		return this;
	}

	/**
	 * An epoch day as {@code 2026-03-01}, computed without java.time objects
	 * (civil-from-days, H. Hinnant).
	 */
	public CsvFile date(long epochDay) {
		separator();
		long z = epochDay + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long doe = z - era * 146_097;
		long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
		long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		long mp = (5 * doy + 2) / 153;
		int day = (int) (doy - (153 * mp + 2) / 5 + 1);
		int month = (int) (mp < 10 ? mp + 3 : mp - 9);
		long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
		if (year < 1000 || year > 9999) {
			raw(LocalDate.ofEpochDay(epochDay).toString());
			return this;
		}
		ensure(10);
		int y = (int) year;
		buf[pos++] = (byte) ('0' + y / 1000);
		buf[pos++] = (byte) ('0' + y / 100 % 10);
		buf[pos++] = (byte) ('0' + y / 10 % 10);
		buf[pos++] = (byte) ('0' + y % 10);
		buf[pos++] = '-';
		two(month);
		buf[pos++] = '-';
		two(day);
		return this;
	}

	private void two(int v) {
		buf[pos++] = (byte) ('0' + v / 10);
		buf[pos++] = (byte) ('0' + v % 10);
	}

	public void endRow() {
		newline();
		firstField = true;
		rows++;
	}

	private void newline() {
		ensure(1);
		buf[pos++] = '\n';
	}

	private void raw(String s) {
		byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > CAPACITY) {
			flushBuffer();
			write(bytes, bytes.length);
			return;
		}
		ensure(bytes.length);
		System.arraycopy(bytes, 0, buf, pos, bytes.length);
		pos += bytes.length;
	}

	private void flushBuffer() {
		write(buf, pos);
		pos = 0;
	}

	private void write(byte[] b, int n) {
		try {
			out.write(b, 0, n);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		flushBuffer();
		try {
			out.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
