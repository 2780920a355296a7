package org.fanzha.sim.importers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * IBM AMLSim's account/transaction export: a folder with {@code nodes.csv}
 * ({@code nodeid,isFraud,init_balance,fraudStep}) and {@code transactions.csv}
 * ({@code sourceNodeId,targetNodeId,value,time}).
 * <ul>
 * <li>Accounts "AMLSIM-&lt;nodeid&gt;" in nodes.csv order, opening balance init_balance,
 * institution AMLSIM.
 * <li>isFraud=1: a mule account (mule_kind LABELLED).
 * <li>A transfer is laundering when both ends are fraud accounts and its step is at or
 * after both accounts' fraudStep.
 * <li>time (a step, one day): 2026-01-01T00:00+08:00 + step days + a deterministic spread
 * within the day.
 * <li>Channel TRANSFER (the source has no type).
 * <li>An optional {@code alert_accounts.csv} ({@code alert_id,alert_type,acct_id,is_sar},
 * as AMLSim writes and {@code ./fanzha simulate --format amlsim} generates): each
 * account's typology, written to truth/mule_typologies.csv (the first one when an account
 * is in several alerts); a transfer is then laundering only between members of the same
 * (first) alert, so that normal payments between two mules are not counted.
 * </ul>
 */
final class AmlSimImporter extends SourceImporter {

	static final String[] NODES = { "nodeid", "isFraud", "init_balance", "fraudStep" };

	static final String[] TRANSACTIONS = { "sourceNodeId", "targetNodeId", "value", "time" };

	/** AMLSim's alert members (optional): the typology of each mule account. */
	static final String[] ALERTS = { "alert_id", "alert_type", "acct_id", "is_sar" };

	static final String PREFIX = "AMLSIM-";

	private int institution;

	/** With alert_accounts.csv: each account's first alert id + 1 (0: none). */
	private long[] alertOf;

	AmlSimImporter(ImportRun run) {
		super(run);
	}

	@Override
	void read(List<Path> inputs) throws IOException {
		if (inputs.size() != 1) {
			throw new ImportException("amlsim takes one input, the folder with nodes.csv and transactions.csv (got "
					+ inputs.size() + ")");
		}
		Path dir = inputs.get(0);
		if (Files.isRegularFile(dir) && dir.getParent() != null) {
			dir = dir.getParent(); // nodes.csv or transactions.csv named directly: use
									// their folder
		}
		if (!Files.isDirectory(dir)) {
			throw new ImportException("input folder not found: " + dir);
		}
		Path nodes = file(dir.resolve("nodes.csv"), null);
		Path transactions = file(dir.resolve("transactions.csv"), null);
		institution = run.institution("AMLSIM", "IBM AMLSim (synthetic bank)", "SOURCE");
		eachRow(open(nodes, null, NODES), this::node);
		Path alerts = dir.resolve("alert_accounts.csv");
		if (Files.isRegularFile(alerts)) {
			alertOf = new long[run.accounts.size()];
			eachRow(open(alerts, null, ALERTS), this::alert);
		}
		eachRow(open(transactions, null, TRANSACTIONS), this::transaction);
	}

	private void alert(CsvReader r, long index) throws RowException {
		r.requireFields(ALERTS);
		int a = known(r, 2, "acct_id");
		if (r.isEmpty(1)) {
			throw new RowException("alert_type", "empty typology");
		}
		run.typology(a, r.text(1));
		if (alertOf[a] == 0) {
			alertOf[a] = r.integer(0, "alert_id") + 1;
		}
	}

	private void node(CsvReader r, long index) throws RowException {
		r.requireFields(NODES);
		requireId(r, 0, "nodeid");
		boolean fraud = r.flag(1, "isFraud");
		long balance = r.fen(2, "init_balance", true);
		long fraudStep = r.integer(3, "fraudStep");
		int n = key(PREFIX, r, 0);
		if (run.accounts.get(key, 0, n) >= 0) {
			throw new RowException("nodeid", "duplicate account " + r.shown(0));
		}
		int a = run.accounts.getOrAdd(key, 0, n);
		run.accounts.setOpening(a, balance);
		run.accounts.setInstitution(a, institution);
		run.accounts.setAux(a, fraudStep);
		if (fraud) {
			run.accounts.markMule(a, -1);
		}
	}

	private int known(CsvReader r, int i, String column) throws RowException {
		requireId(r, i, column);
		int n = key(PREFIX, r, i);
		int a = run.accounts.get(key, 0, n);
		if (a < 0) {
			throw new RowException(column, "unknown account " + r.shown(i) + " (not in nodes.csv)");
		}
		return a;
	}

	private void transaction(CsvReader r, long index) throws RowException {
		r.requireFields(TRANSACTIONS);
		int from = known(r, 0, "sourceNodeId");
		int to = known(r, 1, "targetNodeId");
		long fen = r.amount(2, "value");
		long step = step(r, 3, "time", ImportRun.MAX_DAY_STEP);
		long time = ImportRun.BASE_EPOCH_SECOND + step * 86400 + ImportRun.spread(index, 86400);
		long no = run.transfer(time, from, to, fen, "TRANSFER");
		Accounts acc = run.accounts;
		boolean sameAlert = alertOf == null || (alertOf[from] != 0 && alertOf[from] == alertOf[to]);
		if (acc.isMule(from) && acc.isMule(to) && sameAlert && step >= acc.aux(from) && step >= acc.aux(to)) {
			run.laundering(no, -1);
		}
	}

	@Override
	String notes() {
		return """
				Source: IBM AMLSim account/transaction export (nodes.csv, transactions.csv).
				Times: the source's time column is a simulation step of one day; step s was mapped to \
				2026-01-01T00:00+08:00 plus s days plus (row index * 2654435761 mod 86400) seconds, \
				the row index being the 0-based data row of transactions.csv, so times within a day are \
				spread deterministically and files are byte-identical between runs.
				Amounts: value and init_balance read exactly as yuan with two decimals and written as fen \
				(more decimals would be rounded half-up to the fen).
				Accounts: AMLSIM-<nodeid>, opening balance init_balance, institution AMLSIM; channel TRANSFER.
				Truth: isFraud=1 accounts are mule accounts (mule_kind LABELLED); a transfer between two \
				such accounts at a step at or after both accounts' fraudStep is a laundering transfer. \
				Gang, level and chain are not known. With alert_accounts.csv, truth/mule_typologies.csv \
				holds each alert member's alert_type (its first), and a \
				laundering transfer must also join two members of the same alert.
				""";
	}

}
