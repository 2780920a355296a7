package org.fanzha.sim.importers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * PaySim's {@code rawLog.csv}
 * ({@code step,action,amount,nameOrig,oldBalanceOrig,newBalanceOrig,nameDest,oldBalanceDest,newBalanceDest,isFraud,isFlaggedFraud,isUnauthorizedOverdraft})
 * or the Kaggle "PaySim1" file
 * ({@code step,type,amount,nameOrig,oldbalanceOrg,newbalanceOrig,nameDest,oldbalanceDest,newbalanceDest,isFraud,isFlaggedFraud}),
 * told apart by the header.
 * <ul>
 * <li>step is one hour: 2026-01-01T00:00+08:00 + step hours + a deterministic spread
 * within the hour.
 * <li>Channel the action/type (CASH_IN, CASH_OUT, DEBIT, PAYMENT, TRANSFER; others are
 * malformed rows). CASH_OUT has no to_account (the cash leaves the system), CASH_IN no
 * from_account; the account a CASH_IN credits is nameOrig (in PaySim newBalanceOrig =
 * oldBalanceOrig + amount for CASH_IN).
 * <li>Accounts as named (C... customers, M... merchants), in order of first appearance,
 * opening balance the old balance of that first row, institution PAYSIM.
 * <li>isFraud=1: a laundering transfer; the destination of a fraudulent TRANSFER is a
 * mule account.
 * </ul>
 */
final class PaySimImporter extends SourceImporter {

	static final String FILE = "rawLog.csv";

	static final String[] RAW = { "step", "action", "amount", "nameOrig", "oldBalanceOrig", "newBalanceOrig",
			"nameDest", "oldBalanceDest", "newBalanceDest", "isFraud", "isFlaggedFraud", "isUnauthorizedOverdraft" };

	static final String[] KAGGLE = { "step", "type", "amount", "nameOrig", "oldbalanceOrg", "newbalanceOrig",
			"nameDest", "oldbalanceDest", "newbalanceDest", "isFraud", "isFlaggedFraud" };

	static final Set<String> TYPES = Set.of("CASH_IN", "CASH_OUT", "DEBIT", "PAYMENT", "TRANSFER");

	/** Hour steps beyond this are refused. */
	static final long MAX_HOUR_STEP = ImportRun.MAX_DAY_STEP * 24;

	private final Channels channels = new Channels();

	private int institution;

	private String[] columns;

	private boolean kaggle;

	private int rawFiles;

	private int kaggleFiles;

	PaySimImporter(ImportRun run) {
		super(run);
	}

	@Override
	void read(List<Path> inputs) throws IOException {
		institution = run.institution("PAYSIM", "PaySim (synthetic mobile money)", "SOURCE");
		int[] matched = new int[1];
		for (Path input : inputs) {
			CsvReader r = open(file(input, FILE), matched, RAW, KAGGLE);
			kaggle = matched[0] == 1;
			columns = kaggle ? KAGGLE : RAW;
			if (kaggle) {
				kaggleFiles++;
			}
			else {
				rawFiles++;
			}
			eachRow(r, this::row);
		}
	}

	@Override
	int account(CsvReader r, int i, long balance) {
		int a = run.accounts.getOrAdd(r.bytes(), r.start(i), r.length(i));
		if (run.accounts.added()) {
			run.accounts.setOpening(a, balance);
			run.accounts.setInstitution(a, institution);
		}
		return a;
	}

	private void row(CsvReader r, long index) throws RowException {
		String[] c = columns;
		r.requireFields(c);
		long step = step(r, 0, c[0], MAX_HOUR_STEP);
		String channel = channels.of(r, 1);
		if (!TYPES.contains(channel)) {
			throw new RowException(c[1],
					"unknown " + c[1] + " " + r.shown(1) + " (expected CASH_IN, CASH_OUT, DEBIT, PAYMENT or TRANSFER)");
		}
		long fen = r.amount(2, c[2]);
		boolean cashIn = channel.equals("CASH_IN");
		boolean cashOut = channel.equals("CASH_OUT");
		requireId(r, 3, c[3]);
		long origBalance = r.fen(4, c[4], true);
		long destBalance = 0;
		if (!cashIn && !cashOut) {
			requireId(r, 6, c[6]);
			destBalance = r.fen(7, c[7], true);
		}
		boolean fraud = r.flag(9, c[9]);
		r.flag(10, c[10]);
		if (!kaggle) {
			r.flag(11, c[11]);
		}

		long no = bookPaySimShaped(r, channel, fen, origBalance, destBalance,
				ImportRun.BASE_EPOCH_SECOND + step * 3600 + ImportRun.spread(index, 3600));
		int from = ends[0];
		int to = ends[1];
		if (fraud) {
			run.laundering(no, -1);
			if (to >= 0 && channel.equals("TRANSFER")) {
				run.accounts.markMule(to, -1);
			}
		}
	}

	@Override
	String notes() {
		return "Source: PaySim mobile money simulation ("
				+ (rawFiles > 0 && kaggleFiles > 0 ? "rawLog.csv and Kaggle PaySim1 headers"
						: kaggleFiles > 0 ? "Kaggle PaySim1 header" : "rawLog.csv header")
				+ ").\n" + """
						Times: step is one hour; step s was mapped to 2026-01-01T00:00+08:00 plus s hours plus \
						(row index * 2654435761 mod 3600) seconds, the row index being the 0-based data row of its \
						file, so times within an hour are spread deterministically and files are byte-identical \
						between runs.
						Amounts: amount and balances read exactly as yuan and written as fen (more than two \
						decimals rounded half-up to the fen).
						Accounts: nameOrig/nameDest as named, opening balance the old balance of the account's \
						first row, institution PAYSIM. Channel: the action/type. CASH_OUT has no to_account (cash \
						leaves the system), CASH_IN has no from_account and credits nameOrig; nameDest of cash \
						rows (the agent) is not imported.
						Truth: isFraud=1 rows are laundering transfers; the destination of a fraudulent TRANSFER is \
						a mule account (mule_kind LABELLED). isFlaggedFraud is not used.
						""";
	}

}
