package org.fanzha.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

import net.datafaker.Faker;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fanzha.core.Beijing;

/**
 * The peer a user would pick to make synthetic transfer data without Fanzha: Datafaker
 * for the values and Apache Commons CSV for the file, writing the same transfers.csv
 * columns. It makes random rows with no population, no fraud and no ground truth, so it
 * does strictly less work per row than the simulator.
 */
public final class PeerGenerator {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private static final String[] CHANNELS = { "SALARY", "POS", "ONLINE", "BILL", "MOBILE", "ATM" };

	private PeerGenerator() {
	}

	/**
	 * Writes {@code rows} transfers; returns a checksum so the work cannot be skipped.
	 */
	public static long write(Writer out, long rows, long seed, int accounts) throws IOException {
		Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, new Random(seed));
		long start = Instant.parse("2026-02-28T16:00:00Z").getEpochSecond();
		long sum = 0;
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("transfer_id", "time", "from_account", "to_account", "amount_fen", "channel", "region")
					.setRecordSeparator('\n')
					.get())) {
			for (long i = 1; i <= rows; i++) {
				long t = start + faker.number().numberBetween(0, 86_400L);
				long amount = faker.number().numberBetween(100L, 1_000_000L);
				String channel = CHANNELS[faker.number().numberBetween(0, CHANNELS.length)];
				csv.printRecord("T" + i, ISO.format(Instant.ofEpochSecond(t).atOffset(Beijing.ZONE)),
						"A" + faker.number().numberBetween(0, accounts),
						"ATM".equals(channel) ? "" : "A" + faker.number().numberBetween(0, accounts), amount, channel,
						faker.regexify("61[0-1][0-9]{3}"));
				sum += amount;
			}
		}
		return sum;
	}

}
