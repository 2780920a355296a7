package org.fanzha.sim.importers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * IBM AMLSim's raw transaction log {@code tx_log.csv}:
 * {@code step,type,amount,nameOrig,oldbalanceOrig,newbalanceOrig,nameDest,oldbalanceDest,newbalanceDest,isSAR,alertID}.
 * <ul>
 * <li>Accounts "AMLSIM-&lt;name&gt;" (the same ids as the nodes.csv import of the same
 * simulation), in order of first appearance, opening balance the old balance of that
 * first row, institution AMLSIM.
 * <li>Channel the type; CASH_OUT has no to_account and CASH_IN no from_account, the
 * account credited by a CASH_IN being nameOrig (AMLSim keeps PaySim's convention:
 * newbalanceOrig = oldbalanceOrig + amount).
 * <li>isSAR=1: a laundering transfer (chain_id "ALERT-&lt;alertID&gt;" when alertID is
 * set) and both ends mule accounts.
 * <li>step (one day) mapped as for {@code amlsim}.
 * </ul>
 */
final class AmlSimTxLogImporter extends SourceImporter {

	static final String FILE = "tx_log.csv";

	static final String[] HEADER = { "step", "type", "amount", "nameOrig", "oldbalanceOrig", "newbalanceOrig",
			"nameDest", "oldbalanceDest", "newbalanceDest", "isSAR", "alertID" };

	private final Channels channels = new Channels();

	private int institution;

	AmlSimTxLogImporter(ImportRun run) {
		super(run);
	}

	@Override
	void read(List<Path> inputs) throws IOException {
		institution = run.institution("AMLSIM", "IBM AMLSim (synthetic bank)", "SOURCE");
		for (Path input : inputs) {
			eachRow(open(file(input, FILE), null, HEADER), this::row);
		}
	}

	@Override
	int account(CsvReader r, int i, long balance) {
		int n = key(AmlSimImporter.PREFIX, r, i);
		int a = run.accounts.getOrAdd(key, 0, n);
		if (run.accounts.added()) {
			run.accounts.setOpening(a, balance);
			run.accounts.setInstitution(a, institution);
		}
		return a;
	}

	private void row(CsvReader r, long index) throws RowException {
		r.requireFields(HEADER);
		long step = step(r, 0, "step", ImportRun.MAX_DAY_STEP);
		if (r.isEmpty(1)) {
			throw new RowException("type", "empty");
		}
		String channel = channels.of(r, 1);
		long fen = r.amount(2, "amount");
		boolean cashIn = channel.equals("CASH_IN");
		boolean cashOut = channel.equals("CASH_OUT");
		requireId(r, 3, "nameOrig");
		long origBalance = r.fen(4, "oldbalanceOrig", true);
		if (!cashIn && !cashOut) {
			requireId(r, 6, "nameDest");
		}
		long destBalance = r.isEmpty(7) && (cashIn || cashOut) ? 0 : r.fen(7, "oldbalanceDest", true);
		boolean sar = r.flag(9, "isSAR");

		long no = bookPaySimShaped(r, channel, fen, origBalance, destBalance,
				ImportRun.BASE_EPOCH_SECOND + step * 86400 + ImportRun.spread(index, 86400));
		int from = ends[0];
		int to = ends[1];
		if (sar) {
			int chain = -1;
			if (!r.isEmpty(10) && !r.fieldEquals(10, "-1")) {
				int n = key("ALERT-", r, 10);
				chain = run.chains.getOrAdd(key, 0, n);
			}
			run.laundering(no, chain);
			if (from >= 0) {
				run.accounts.markMule(from, chain);
			}
			if (to >= 0) {
				run.accounts.markMule(to, chain);
			}
		}
	}

	@Override
	String notes() {
		return """
				Source: IBM AMLSim transaction log (tx_log.csv).
				Times: step is a simulation step of one day; step s was mapped to 2026-01-01T00:00+08:00 \
				plus s days plus (row index * 2654435761 mod 86400) seconds, the row index being the 0-based \
				data row of its file, so times within a day are spread deterministically and files are \
				byte-identical between runs.
				Amounts: amount and balances read exactly as yuan and written as fen (more than two decimals \
				rounded half-up to the fen).
				Accounts: AMLSIM-<nameOrig/nameDest>, opening balance the old balance of the account's first \
				row, institution AMLSIM. Channel: the type. CASH_OUT has no to_account (cash leaves the \
				banking system) and CASH_IN no from_account; the account a CASH_IN credits is nameOrig.
				Truth: isSAR=1 rows are laundering transfers (chain_id ALERT-<alertID>) and both of their \
				accounts are mule accounts (mule_kind LABELLED).
				""";
	}

}
