package org.fanzha.sim.importers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dataset CSV written by the importers, independently of the importers' own
 * reader.
 */
final class TestCsv {

	private TestCsv() {
	}

	/** The data rows of a file, each as column name -> value. */
	static List<Map<String, String>> rows(Path file) {
		List<List<String>> records = records(file);
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> rec : records.subList(1, records.size())) {
			if (rec.size() != header.size()) {
				throw new AssertionError(file + ": row " + rec + " does not match header " + header);
			}
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), rec.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

	static String header(Path file) {
		return String.join(",", records(file).get(0));
	}

	static List<List<String>> records(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<List<String>> out = new ArrayList<>();
		List<String> rec = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				rec.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				rec.add(field.toString());
				field.setLength(0);
				out.add(rec);
				rec = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		if (field.length() > 0 || !rec.isEmpty()) {
			throw new AssertionError(file + " does not end with a line break");
		}
		return out;
	}

}
