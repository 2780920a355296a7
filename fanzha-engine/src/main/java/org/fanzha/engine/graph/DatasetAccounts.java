package org.fanzha.engine.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fanzha.engine.stop.AccountInfo;

/**
 * Holder names, institutions and card numbers of a dataset's accounts (accounts.csv, and
 * persons.csv for the names where the simulator wrote one), for stop-payment
 * instructions. Columns that a dataset lacks (imports have no holders) simply stay
 * unknown.
 */
public final class DatasetAccounts implements AccountInfo {

	private final String[] holder;

	private final String[] institution;

	private final String[] number;

	private DatasetAccounts(int n) {
		holder = new String[n];
		institution = new String[n];
		number = new String[n];
	}

	public static DatasetAccounts load(Path dir, TransferGraph g) throws IOException {
		DatasetAccounts d = new DatasetAccounts(g.accounts());
		Map<String, String> names = new HashMap<>();
		Path persons = dir.resolve("persons.csv");
		if (Files.isRegularFile(persons)) {
			try (BufferedReader r = Files.newBufferedReader(persons, StandardCharsets.UTF_8)) {
				String[] h = DatasetLoader.split(r.readLine());
				int id = indexOf(h, "person_id");
				int name = indexOf(h, "name");
				String line;
				while (id >= 0 && name >= 0 && (line = r.readLine()) != null) {
					String[] f = DatasetLoader.split(line);
					if (f.length > Math.max(id, name)) {
						names.put(f[id], f[name]);
					}
				}
			}
		}
		try (BufferedReader r = Files.newBufferedReader(dir.resolve("accounts.csv"), StandardCharsets.UTF_8)) {
			String[] h = DatasetLoader.split(r.readLine());
			int id = indexOf(h, "account_id");
			int inst = indexOf(h, "institution");
			int card = indexOf(h, "card_number");
			int holder = indexOf(h, "holder");
			String line;
			while ((line = r.readLine()) != null) {
				String[] f = DatasetLoader.split(line);
				int a = g.accountIndex(f[id]);
				if (a < 0) {
					continue;
				}
				d.institution[a] = blank(get(f, inst));
				d.number[a] = blank(get(f, card));
				String who = blank(get(f, holder));
				d.holder[a] = who == null ? null : names.getOrDefault(who, who);
			}
		}
		return d;
	}

	private static int indexOf(String[] header, String name) {
		for (int i = 0; i < header.length; i++) {
			if (header[i].equals(name)) {
				return i;
			}
		}
		return -1;
	}

	private static String get(String[] f, int i) {
		return i >= 0 && i < f.length ? f[i] : null;
	}

	private static String blank(String s) {
		return s == null || s.isEmpty() ? null : s;
	}

	@Override
	public String holderName(int account) {
		return account < holder.length ? holder[account] : null;
	}

	@Override
	public String institution(int account) {
		return account < institution.length ? institution[account] : null;
	}

	@Override
	public String number(int account) {
		return account < number.length ? number[account] : null;
	}

}
