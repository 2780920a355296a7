package org.fanzha.stream;

import org.fanzha.engine.monitor.AccountFeatures;
import org.fanzha.engine.monitor.RiskSignals;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;

/**
 * The transfer monitor's per-account work on state held outside the engine (a stream
 * processor's keyed state), one account at a time. An account's whole state is one
 * {@code long[]}: the {@link AccountFeatures} slab of one account (windows, dwell, recent
 * counterparties) followed by its {@link RiskSignals} (distance from a confirmed account,
 * flagged contact, monitor flag). Each call loads it into a one-account engine instance,
 * books the payer's or the payee's side of a transfer exactly as
 * {@link TransferMonitor#decide} does, fills that side's slots of the feature vector
 * through the monitor's own
 * {@link TransferMonitor#payerSide}/{@link TransferMonitor#payeeSide}, and stores the
 * state back: two copies of {@value #LONGS} longs per leg, nothing else allocated. Not
 * thread-safe (one per operator instance).
 *
 * <p>
 * What one account's state cannot give: the payee's distance learned from the payer's
 * (hops propagated along money flow) and the monitor's flag on a payee it acted on need
 * the other account's state or the decision, i.e. a feedback edge; the job leaves them
 * out (docs/stream.md, "Differences").
 */
public final class AccountLogic {

	public static final int LONGS = AccountFeatures.ACCOUNT_LONGS + RiskSignals.ACCOUNT_LONGS;

	private static final int RISK_AT = AccountFeatures.ACCOUNT_LONGS;

	private final AccountFeatures features = new AccountFeatures(1);

	private final RiskSignals risk = new RiskSignals(1);

	private final long[] empty = new long[LONGS];

	public AccountLogic() {
		// a fresh instance's account 0 is the state of an account never seen
		features.copyOut(0, empty, 0);
		risk.copyOut(0, empty, RISK_AT);
	}

	/** The state of an account never seen. */
	public long[] newState() {
		return empty.clone();
	}

	private void load(long[] state) {
		features.copyIn(0, state, 0);
		risk.copyIn(0, state, RISK_AT);
	}

	private void store(long[] state) {
		features.copyOut(0, state, 0);
		risk.copyOut(0, state, RISK_AT);
	}

	/** A report names the account: confirmed at {@code epochSecond}. */
	public void confirm(long[] state, long epochSecond) {
		load(state);
		risk.confirm(0, epochSecond);
		store(state);
	}

	/**
	 * The payer's side: books the transfer out of the account and fills the payer's slots
	 * of {@code v}. {@code counterparty} identifies the payee ({@link #identity}), -1 for
	 * cash.
	 */
	public void out(long[] state, int counterparty, long amountFen, long epochSecond, double[] v) {
		load(state);
		features.recordSide(0, false, counterparty, amountFen, epochSecond);
		TransferMonitor.payerSide(features, risk, 0, epochSecond, v);
		store(state);
	}

	/**
	 * The payee's side: books the transfer into the account and fills the payee's slots
	 * of {@code v}.
	 */
	public void in(long[] state, int counterparty, long amountFen, long epochSecond, double[] v) {
		load(state);
		long idle = features.idleSeconds(0, epochSecond);
		features.recordSide(0, true, counterparty, amountFen, epochSecond);
		TransferMonitor.payeeSide(features, risk, 0, epochSecond, idle, v);
		store(state);
	}

	/**
	 * A cash withdrawal has no payee: the payee's slots as the monitor sets them for
	 * cash.
	 */
	public static void cashPayee(double[] v) {
		TransferMonitor.payeeSide(null, null, -1, 0, 0, v);
	}

	/**
	 * The int the engine compares for "a counterparty not seen recently": any stable
	 * identity of the other account serves (the engine only tests equality), here its
	 * id's hash; -1 for cash.
	 */
	public static int identity(String account) {
		return account == null || account.isEmpty() ? -1 : account.hashCode() & 0x7fff_ffff;
	}

	/** A zeroed vector of {@link RuleSet#FEATURES}' length. */
	public static double[] vector() {
		return new double[RuleSet.FEATURES.size()];
	}

}
