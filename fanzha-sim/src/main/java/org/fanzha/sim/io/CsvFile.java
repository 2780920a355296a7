package org.fanzha.sim.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fast, allocation-light CSV writer: fields go straight into a byte buffer, numbers and times are
 * formatted by hand (no String.format, no java.time objects per row), and the buffer is flushed in 64 KiB
 * blocks. Output is UTF-8 with '\n' line ends, so the same rows give byte-identical files.
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

	/** A field already encoded as UTF-8 (for values repeated on many rows: region codes, channel names). */
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

	public CsvFile number(long v) {
		separator();
		ensure(20);
		if (v == Long.MIN_VALUE) {
			raw(Long.toString(v));
			return this;
		}
		if (v < 0) {
			buf[pos++] = '-';
			v = -v;
		}
		int start = pos;
		do {
			buf[pos++] = (byte) ('0' + (v % 10));
			v /= 10;
		}
		while (v != 0);
		for (int i = start, j = pos - 1; i < j; i++, j--) {
			byte t = buf[i];
			buf[i] = buf[j];
			buf[j] = t;
		}
		return this;
	}

	/** An identifier written as a one-letter prefix and a number, e.g. {@code A1234}, without building a string. */
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
			String date = java.time.LocalDate.ofEpochDay(day).toString();
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

	/** An epoch day as {@code 2026-03-01}. */
	public CsvFile date(long epochDay) {
		separator();
		raw(java.time.LocalDate.ofEpochDay(epochDay).toString());
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
