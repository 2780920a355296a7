package org.fanzha.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.fanzha.core.Beijing;

/**
 * The converter a user would write without Fanzha's importer: Apache Commons CSV to read
 * an AMLworld transaction file, BigDecimal for amounts, java.time for timestamps, a
 * HashMap for account ids, Commons CSV to write the same transfers.csv columns. No
 * validation report, no ground truth, no atomic output.
 */
public final class PeerImporter {

	private static final DateTimeFormatter IN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

	private PeerImporter() {
	}

	public static long convert(Reader in, Writer out) throws IOException {
		Map<String, Integer> accounts = new HashMap<>();
		long rows = 0;
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("transfer_id", "time", "from_account", "to_account", "amount_fen", "channel", "region")
					.setRecordSeparator('\n')
					.get())) {
			boolean header = true;
			for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
				if (header) {
					header = false;
					continue;
				}
				String from = r.get(1) + "-" + r.get(2);
				String to = r.get(3) + "-" + r.get(4);
				accounts.putIfAbsent(from, accounts.size());
				accounts.putIfAbsent(to, accounts.size());
				long fen = new BigDecimal(r.get(7)).movePointRight(2).longValueExact();
				String time = LocalDateTime.parse(r.get(0), IN).atOffset(Beijing.ZONE).toString();
				rows++;
				csv.printRecord("T" + rows, time, from, to, fen, r.get(9).toUpperCase().replace(' ', '_'), "");
			}
		}
		return rows;
	}

}
