package org.fanzha.sim.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.fanzha.sim.importers.Importers.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run over ~200k generated AMLworld rows; prints the rate, asserts no time
 * (machines differ).
 */
class AmlWorldThroughputTest {

	static final int ROWS = 200_000;

	/** Distinct accounts (HI-Small has about one account per ten transfers). */
	static final int ACCOUNTS = 20_000;

	static final String[] FORMATS = { "ACH", "Cheque", "Credit Card", "Wire", "Cash", "Reinvestment", "Bitcoin" };

	static final String[] CURRENCIES = { "US Dollar", "Euro", "Yuan", "UK Pound", "Rupee" };

	@TempDir
	Path tmp;

	/**
	 * "From Bank,Account" of account a: bank a mod 300 with leading zeros, account an
	 * AMLworld-like hex id.
	 */
	static String account(int a) {
		return String.format("%03d,8%08X", a % 300, a * 7919);
	}

	@Test
	void importsTwoHundredThousandRows() throws IOException {
		Path file = tmp.resolve("Gen_Trans.csv");
		SplittableRandom random = new SplittableRandom(42);
		long launderingRows = 0;
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(String.join(",", AmlWorldImporter.HEADER));
			w.write('\n');
			for (int i = 0; i < ROWS; i++) {
				int minute = i * 10 / (ROWS / 1440 + 1); // ~10 days, in time order
				int day = 1 + minute / 1440;
				boolean laundering = random.nextInt(1000) == 0;
				launderingRows += laundering ? 1 : 0;
				String amount = random.nextInt(1_000_000) + "." + String.format("%02d", random.nextInt(100));
				String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
				StringBuilder sb = new StringBuilder(128);
				sb.append("2022/09/")
					.append(day < 10 ? "0" : "")
					.append(day)
					.append(' ')
					.append(String.format("%02d:%02d", minute / 60 % 24, minute % 60))
					.append(',')
					.append(account(random.nextInt(ACCOUNTS)))
					.append(',')
					.append(account(random.nextInt(ACCOUNTS)))
					.append(',')
					.append(amount)
					.append(',')
					.append(currency)
					.append(',')
					.append(amount)
					.append(',')
					.append(currency)
					.append(',')
					.append(FORMATS[random.nextInt(FORMATS.length)])
					.append(',')
					.append(laundering ? '1' : '0')
					.append('\n');
				w.write(sb.toString());
			}
		}
		// a first run warms the JIT up; the second is the one measured
		Importers.run(Format.AMLWORLD, List.of(file), tmp.resolve("warm-up"));
		Path out = tmp.resolve("out");
		long start = System.nanoTime();
		ImportSummary s = Importers.run(Format.AMLWORLD, List.of(file), out);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("AMLworld import: %d rows in %.3f s = %.0f rows/s (%d accounts, %d laundering)%n",
				s.rowsRead(), seconds, s.rowsRead() / seconds, s.accounts(), s.launderingTransfers());
		assertThat(s.rowsRead()).isEqualTo(ROWS);
		assertThat(s.rowsRejected()).isZero();
		assertThat(s.transfers()).isEqualTo(ROWS);
		assertThat(s.accounts()).isLessThanOrEqualTo(ACCOUNTS);
		assertThat(s.launderingTransfers()).isEqualTo(launderingRows);
		assertThat(Files.size(out.resolve("transfers.csv"))).isPositive();
	}

}
