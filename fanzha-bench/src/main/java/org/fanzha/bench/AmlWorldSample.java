package org.fanzha.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fanzha.sim.world.Rng;

/**
 * Writes a synthetic file in the IBM AMLworld {@code *_Trans.csv} format (Altman et al.,
 * NeurIPS 2023): same header, timestamp format, bank and hex account ids, currencies and
 * payment formats, about 0.1 % laundering, heavy-tailed amounts. Used as benchmark input
 * because the real files are not shipped here.
 */
public final class AmlWorldSample {

	static final String HEADER = "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,"
			+ "Amount Paid,Payment Currency,Payment Format,Is Laundering";

	private static final String[] FORMATS = { "ACH", "Cheque", "Credit Card", "Reinvestment", "Wire", "Cash",
			"Bitcoin" };

	private static final String[] CURRENCIES = { "US Dollar", "Euro", "Yuan", "Yen", "UK Pound", "Rupee" };

	private AmlWorldSample() {
	}

	public static void write(Path file, long rows, long seed) throws IOException {
		Rng r = new Rng(seed);
		int accounts = (int) Math.max(1_000, rows / 10);
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(HEADER);
			w.write('\n');
			StringBuilder b = new StringBuilder(160);
			for (long i = 0; i < rows; i++) {
				long minute = i * 14_400 / Math.max(1, rows);
				b.setLength(0);
				b.append("2022/09/")
					.append(two(1 + (int) (minute / 1440)))
					.append(' ')
					.append(two((int) (minute / 60 % 24)))
					.append(':')
					.append(two((int) (minute % 60)))
					.append(',');
				int from = r.nextInt(accounts);
				int to = r.nextInt(accounts);
				long cents = Math.max(1, Math.round(r.logNormal(2_000, 1.6) * 100));
				String amount = cents / 100 + "." + two((int) (cents % 100));
				String currency = CURRENCIES[r.nextInt(10) < 7 ? 0 : r.nextInt(CURRENCIES.length)];
				b.append(from % 300)
					.append(',')
					.append(Long.toHexString(0x80000000L + from).toUpperCase())
					.append(',')
					.append(to % 300)
					.append(',')
					.append(Long.toHexString(0x80000000L + to).toUpperCase())
					.append(',')
					.append(amount)
					.append(',')
					.append(currency)
					.append(',')
					.append(amount)
					.append(',')
					.append(currency)
					.append(',')
					.append(FORMATS[r.nextInt(FORMATS.length)])
					.append(',')
					.append(r.chance(0.001) ? '1' : '0')
					.append('\n');
				w.append(b);
			}
		}
	}

	private static String two(int v) {
		return v < 10 ? "0" + v : Integer.toString(v);
	}

}
