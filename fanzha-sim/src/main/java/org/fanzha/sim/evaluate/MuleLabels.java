package org.fanzha.sim.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.sim.io.Table;

/**
 * The ground truth of a Fanzha dataset (simulator or importer output) as a set of graph
 * accounts: the {@code account_id} column of {@code truth/mule_accounts.csv}. Used only
 * to label and to score, never as a feature.
 */
public final class MuleLabels {

	private MuleLabels() {
	}

	public static BitSet read(Path dir, TransferGraph g) throws IOException {
		Path file = dir.resolve(Table.TRUTH_MULE_ACCOUNTS.fileName());
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString(), null, "the dataset has no ground truth of mule accounts");
		}
		BitSet mules = new BitSet(g.accounts());
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		int id = lines.isEmpty() ? -1 : Arrays.asList(lines.get(0).split(",", -1)).indexOf("account_id");
		if (id < 0) {
			throw new IllegalArgumentException(file + ":1: no account_id column");
		}
		for (int ln = 1; ln < lines.size(); ln++) {
			String[] fields = lines.get(ln).split(",", -1);
			if (lines.get(ln).isBlank()) {
				continue;
			}
			if (fields.length <= id) {
				throw new IllegalArgumentException(file + ":" + (ln + 1) + ": no account_id field");
			}
			String account = unquote(fields[id].strip());
			int a = g.accountIndex(account);
			if (a >= 0) {
				mules.set(a);
			}
		}
		return mules;
	}

	/** A CSV field without its surrounding quotes (account ids hold no commas). */
	private static String unquote(String field) {
		boolean quoted = field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"");
		return quoted ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
	}

}
