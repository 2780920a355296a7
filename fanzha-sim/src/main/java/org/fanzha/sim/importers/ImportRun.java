package org.fanzha.sim.importers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fanzha.core.Beijing;
import org.fanzha.core.KeyIndex;
import org.fanzha.sim.io.CsvFile;
import org.fanzha.sim.io.DatasetWriter;
import org.fanzha.sim.io.Table;

/**
 * The state of one import: the dataset being written (transfers and laundering truth as
 * rows arrive, institutions, accounts and mule truth at the end), the account table, and
 * the row and rejection counts.
 */
final class ImportRun {

	/** 2026-01-01T00:00+08:00: step 0 of a stepped source (AMLSim, PaySim). */
	static final long BASE_EPOCH_SECOND = LocalDateTime.of(2026, 1, 1, 0, 0).toEpochSecond(Beijing.ZONE);

	/**
	 * Steps beyond this are refused (it keeps times within the years a dataset can hold).
	 */
	static final long MAX_DAY_STEP = 100_000;

	static final String MULE_KIND = "LABELLED";

	static final String ACCOUNT_KIND = "IMPORTED";

	final DatasetWriter out;

	final Accounts accounts = new Accounts();

	/** Laundering chains (alerts) by id; chain_id in the truth files. */
	final KeyIndex chains = new KeyIndex();

	private final KeyIndex institutions = new KeyIndex();

	private final List<String> institutionNames = new ArrayList<>();

	private final List<String> institutionKinds = new ArrayList<>();

	private final CsvFile transfers;

	private CsvFile laundering;

	long rowsRead;

	long rowsRejected;

	private long transferCount;

	private long launderingCount;

	private long muleCount;

	private final List<String> rejections = new ArrayList<>();

	ImportRun(Path dir) {
		this.out = new DatasetWriter(dir);
		this.transfers = out.file(Table.TRANSFERS);
	}

	/**
	 * A deterministic time within a step: {@code (index * 2654435761) mod period} seconds
	 * (Knuth's multiplicative hash of the row's index in its file), so rows of one step
	 * spread over it the same way in every run.
	 */
	static long spread(long index, int period) {
		return Math.floorMod(index, period) * 2654435761L % period;
	}

	/** Counts and records a malformed row. */
	void reject(CsvReader r, RowException e) {
		rowsRejected++;
		if (rejections.size() < ImportSummary.MAX_REJECTIONS) {
			rejections.add(r.fileName() + ":" + r.line() + ": column " + e.column + ": " + e.reason);
		}
	}

	List<String> rejections() {
		return rejections;
	}

	/**
	 * An institution (institutions.csv row) by code, added with this name and kind when
	 * new.
	 */
	int institution(byte[] code, int off, int len, String namePrefix, String kind) {
		int i = institutions.getOrAdd(code, off, len);
		if (institutions.added()) {
			institutionNames.add(namePrefix + institutions.name(i));
			institutionKinds.add(kind);
		}
		return i;
	}

	int institution(String code, String name, String kind) {
		int i = institutions.getOrAdd(code);
		if (institutions.added()) {
			institutionNames.add(name);
			institutionKinds.add(kind);
		}
		return i;
	}

	int institutionCount() {
		return institutions.size();
	}

	/**
	 * Writes a transfer; from or to is -1 where money enters or leaves the banking system
	 * (cash). Returns its number (transfer_id is "T" + number, from 1 in input order).
	 */
	long transfer(long epochSecond, int from, int to, long fen, String channel) {
		long no = ++transferCount;
		transfers.id('T', no).time(epochSecond);
		if (from >= 0) {
			accounts.writeId(transfers, from);
		}
		else {
			transfers.empty();
		}
		if (to >= 0) {
			accounts.writeId(transfers, to);
		}
		else {
			transfers.empty();
		}
		transfers.number(fen).bytes(channelBytes(channel)).empty();
		transfers.endRow();
		return no;
	}

	/**
	 * Marks transfer {@code no} as laundering (truth/laundering.csv); chainIndex is -1
	 * for none.
	 */
	void laundering(long no, int chainIndex) {
		if (laundering == null) {
			laundering = out.file(Table.TRUTH_LAUNDERING);
		}
		laundering.id('T', no).text(chainIndex < 0 ? null : chains.name(chainIndex)).empty().empty().empty();
		laundering.endRow();
		launderingCount++;
	}

	private String lastChannel;

	private byte[] lastChannelBytes;

	/** Channels repeat row after row; encode each only when it changes. */
	private byte[] channelBytes(String channel) {
		if (channel != lastChannel) {
			lastChannel = channel;
			lastChannelBytes = channel.getBytes(StandardCharsets.UTF_8);
		}
		return lastChannelBytes;
	}

	long transfers() {
		return transferCount;
	}

	long launderingTransfers() {
		return launderingCount;
	}

	long muleAccounts() {
		return muleCount;
	}

	/** Typology of an account by index (AMLSim's alert_type), or null. */
	private String[] typologies;

	/** Records an account's typology; the first one given is kept. */
	void typology(int a, String typology) {
		if (typologies == null || typologies.length <= a) {
			typologies = typologies == null ? new String[Math.max(16, a + 1)]
					: Arrays.copyOf(typologies, Math.max(a + 1, typologies.length * 2));
		}
		if (typologies[a] == null) {
			typologies[a] = typology;
		}
	}

	/** Writes institutions, accounts (in order of first appearance) and mule accounts. */
	void finish() {
		CsvFile inst = out.file(Table.INSTITUTIONS);
		for (int i = 0; i < institutions.size(); i++) {
			inst.text(institutions.name(i)).text(institutionNames.get(i)).text(institutionKinds.get(i));
			inst.endRow();
		}
		CsvFile acc = out.file(Table.ACCOUNTS);
		CsvFile mules = out.file(Table.TRUTH_MULE_ACCOUNTS);
		for (int a = 0; a < accounts.size(); a++) {
			int i = accounts.institution(a);
			// account_id,opening_balance_fen,institution,card_number,holder,account_class,open_date,
			// branch_region,kind
			acc.text(accounts.id(a))
				.number(accounts.opening(a))
				.text(i < 0 ? null : institutions.name(i))
				.empty()
				.empty()
				.empty()
				.empty()
				.empty()
				.text(ACCOUNT_KIND);
			acc.endRow();
			if (accounts.isMule(a)) {
				int c = accounts.chain(a);
				// account_id,gang_id,level,mule_kind,first_chain_id
				mules.text(accounts.id(a)).empty().empty().text(MULE_KIND).text(c < 0 ? null : chains.name(c));
				mules.endRow();
				muleCount++;
				if (typologies != null && a < typologies.length && typologies[a] != null) {
					out.file(Table.TRUTH_MULE_TYPOLOGIES).text(accounts.id(a)).text(typologies[a]).endRow();
				}
			}
		}
	}

	void close() {
		out.close();
	}

	static void writeText(Path file, String text) throws IOException {
		Files.write(file, text.getBytes(StandardCharsets.UTF_8));
	}

}
