package org.fanzha.engine.monitor;

import java.util.function.ToDoubleFunction;

/**
 * Decides on each transfer as it happens: updates both accounts' {@link AccountFeatures},
 * the {@link RiskSignals} (proximity to confirmed fraud accounts, payer contacted by
 * flagged numbers) and the {@link SharedDevices} table, builds the feature vector of
 * {@link RuleSet#FEATURES}, adds the learned model's score when one is loaded, and scores
 * the vector with the {@link RuleEngine}. Accounts are dense int indices (the caller
 * interns ids, e.g. with {@link org.fanzha.core.KeyIndex}); the vector and the verdict
 * are reused, so a decision allocates nothing.
 *
 * <p>
 * The model sees the vector with its own slot ({@code model}) set to 0, as it did in
 * training, so rules and model combine by rules naming {@code model}: the model proposes,
 * the rule set (which analysts control) decides.
 */
public final class TransferMonitor {

	/** The rules shipped by default (docs/monitoring.md explains each). */
	public static final String DEFAULT_RULES = """
			version 2
			rule TO_CONFIRMED: payee.hopsFromConfirmed == 0 -> PROTECTIVE_FREEZE "收款账户已被确认涉诈（受害人报案指认或已冻结）"
			rule FROM_CONFIRMED: payer.hopsFromConfirmed == 0 and amount >= 100000 -> DELAY 24h "资金从已确认涉诈账户转出"
			rule NEAR_CONFIRMED: payer.hopsFromConfirmed == 1 and amount >= 100000 and payee.newPayersToday >= 1 -> DELAY 24h "付款账户近期收到涉诈账户资金，收款方为新交易对手"
			rule FAN_IN: payee.newPayersToday >= 3 and payee.countIn1h >= 2 and payee.passThrough24h >= 0.5 -> DELAY 24h "多名新付款人集中转入且资金随即转出"
			rule QUICK_OUT: payee.passThrough24h >= 0.8 and payee.dwellMinutes <= 120 and payee.sumIn24h >= 300000 -> DELAY 24h "资金快进快出"
			rule FLAGGED_OUT: payer.flagged == 1 and amount >= 50000 -> DELAY 24h "付款账户近期被监测标记，资金转出暂缓到账"
			rule FLAGGED_IN: payee.flagged == 1 and payee.passThrough24h >= 0.5 and amount >= 50000 -> DELAY 24h "收款账户近期被监测标记且资金快进快出"
			rule VICTIM_CONTACTED: payer.minutesSinceFlaggedContact >= 0 and payer.minutesSinceFlaggedContact <= 4320 and amount >= 50000 -> WARN_PAYER "您近期接到涉诈号码来电或短信，对方要求转账的极可能是诈骗，请先拨打96110核实"
			rule DORMANT_WAKES: payee.idleDays >= 30 and amount >= 500000 -> REVIEW "久未使用账户突然大额入账"
			rule SHARED_DEVICE: payer.accountsOnDevice >= 5 -> REVIEW "同一设备操作多个账户"
			rule MODEL_HIGH: model >= 0.9 -> REVIEW "模型评分高：与已知涉诈账户行为相似"
			shadow rule NIGHT_LARGE: hour < 6 and amount >= 500000 -> WARN_PAYER "夜间大额转账"
			""";

	private static final double NEVER = 1e12;

	/**
	 * The guard: a rule acting on more than this share of a block of {@link #GUARD_BLOCK}
	 * transfers is shadowed. Mule transfers are far below 1 % of a bank's traffic; the
	 * long block spans day and night, so a night-time burst of laundering (when ordinary
	 * traffic is thin) does not trip it, while a runaway rule is caught within
	 * {@link RuleEngine#RUNAWAY_BLOCK} transfers.
	 */
	public static final double GUARD_CAP = 0.05;

	public static final int GUARD_BLOCK = 100_000;

	private static final int MODEL = RuleSet.FEATURES.indexOf("model");

	private final AccountFeatures features;

	private final RiskSignals risk;

	private final SharedDevices devices;

	private final RuleEngine engine;

	private final ToDoubleFunction<double[]> model;

	private final double[] f = new double[RuleSet.FEATURES.size()];

	private final RuleEngine.Verdict verdict = new RuleEngine.Verdict();

	public TransferMonitor(RuleSet rules, int expectedAccounts) {
		this(rules, expectedAccounts, null);
	}

	/**
	 * With a learned model whose score fills the {@code model} feature ({@code null}:
	 * none, the feature is 0).
	 */
	public TransferMonitor(RuleSet rules, int expectedAccounts, ToDoubleFunction<double[]> model) {
		this(rules, new AccountFeatures(expectedAccounts), new RiskSignals(expectedAccounts),
				new SharedDevices(expectedAccounts / 2), model);
	}

	private TransferMonitor(RuleSet rules, AccountFeatures features, RiskSignals risk, SharedDevices devices,
			ToDoubleFunction<double[]> model) {
		this.features = features;
		this.risk = risk;
		this.devices = devices;
		this.engine = new RuleEngine(rules, GUARD_CAP, GUARD_BLOCK);
		this.model = model;
	}

	public static TransferMonitor withDefaultRules(int expectedAccounts) {
		return new TransferMonitor(RuleSet.parse(DEFAULT_RULES), expectedAccounts);
	}

	/**
	 * The same accounts' state under a new rule set (an analyst loads a new version):
	 * windows, risk and devices carry over, the guard starts afresh.
	 */
	public TransferMonitor withRules(RuleSet rules) {
		return new TransferMonitor(rules, features, risk, devices, model);
	}

	/** As {@link #withRules}, with another model (or none). */
	public TransferMonitor withModel(ToDoubleFunction<double[]> newModel) {
		return new TransferMonitor(engine.rules(), features, risk, devices, newModel);
	}

	/** Scores a transfer with no device known. */
	public RuleEngine.Verdict decide(int from, int to, long amountFen, long epochSecond) {
		return decide(from, to, amountFen, epochSecond, 0);
	}

	/**
	 * Scores a transfer and books it. {@code to} is -1 for cash; {@code device} is a
	 * {@link SharedDevices#key} of the payer's device or IP, 0 if unknown. The returned
	 * verdict is reused by the next call: copy what you keep.
	 */
	public RuleEngine.Verdict decide(int from, int to, long amountFen, long epochSecond, long device) {
		return decide(from, to, amountFen, epochSecond, device, 0);
	}

	/**
	 * As {@link #decide(int, int, long, long, long)}, counted toward the guard of
	 * {@code scope} (e.g. the bank).
	 */
	public RuleEngine.Verdict decide(int from, int to, long amountFen, long epochSecond, long device, int scope) {
		final double[] v = f;
		long idle = to < 0 ? 0 : features.idleSeconds(to, epochSecond);
		features.record(from, to, amountFen, epochSecond);
		transferSide(amountFen, epochSecond, v);
		payeeSide(features, risk, to, epochSecond, idle, v);
		payerSide(features, risk, from, epochSecond, v);
		v[15] = devices.record(device, from);
		risk.onTransfer(from, to, epochSecond);
		v[MODEL] = 0;
		if (model != null) {
			v[MODEL] = model.applyAsDouble(v);
		}
		engine.score(v, verdict, scope);
		if (to >= 0 && verdict.action.compareTo(Action.REVIEW) >= 0) {
			risk.flagged(to, epochSecond);
		}
		return verdict;
	}

	/** The transfer's own features (amount, Beijing hour) into {@code v}. */
	public static void transferSide(long amountFen, long epochSecond, double[] v) {
		v[0] = amountFen;
		v[1] = Math.floorMod(epochSecond + 8 * 3_600, 86_400) / 3_600;
	}

	/**
	 * The payee's features into {@code v} (slots 2-9, 12, 16), read after the transfer
	 * was booked on it; {@code idleSeconds} is {@link AccountFeatures#idleSeconds} read
	 * before booking. {@code to} &lt; 0 (cash) gives the cash defaults. Static over
	 * explicit state so that a stream processor holding each account's state in its own
	 * keyed store computes the same vector from a one-account instance (fanzha-stream).
	 */
	public static void payeeSide(AccountFeatures features, RiskSignals risk, int to, long epochSecond, long idleSeconds,
			double[] v) {
		if (to >= 0) {
			v[2] = features.countIn(to, AccountFeatures.W10M, epochSecond);
			v[3] = features.countIn(to, AccountFeatures.W1H, epochSecond);
			long in24h = features.sumIn(to, AccountFeatures.W24H, epochSecond);
			v[4] = in24h;
			v[5] = features.passThrough(to, AccountFeatures.W24H, epochSecond, in24h);
			double dwell = features.dwellSeconds(to);
			v[6] = dwell < 0 ? NEVER : dwell / 60;
			v[7] = features.newCounterpartiesToday(to, epochSecond);
			long age = features.ageSeconds(to, epochSecond);
			v[8] = age < 0 ? 0 : age / 86_400.0;
			v[9] = idleSeconds < 0 ? 0 : idleSeconds / 86_400.0;
			v[12] = risk.hops(to, epochSecond);
			v[16] = risk.flaggedRecently(to, epochSecond) ? 1 : 0;
		}
		else {
			for (int i = 2; i <= 9; i++) {
				v[i] = 0;
			}
			v[6] = NEVER;
			v[12] = RiskSignals.FAR;
			v[16] = 0;
		}
	}

	/**
	 * The payer's features into {@code v} (slots 10, 11, 13, 14, 17), read after the
	 * transfer was booked on it.
	 */
	public static void payerSide(AccountFeatures features, RiskSignals risk, int from, long epochSecond, double[] v) {
		v[10] = features.countOut(from, AccountFeatures.W1H, epochSecond);
		v[11] = features.sumOut(from, AccountFeatures.W24H, epochSecond);
		v[13] = risk.hops(from, epochSecond);
		v[14] = risk.minutesSinceFlaggedContact(from, epochSecond);
		v[17] = risk.flaggedRecently(from, epochSecond) ? 1 : 0;
	}

	/** A victim's report or a freeze confirms the account as a fraud account. */
	public void confirm(int account, long epochSecond) {
		risk.confirm(account, epochSecond);
	}

	/**
	 * The payer's holder was contacted by a flagged number (from telecom monitoring or a
	 * report).
	 */
	public void contactedByFlagged(int account, long epochSecond) {
		risk.contactedByFlagged(account, epochSecond);
	}

	/** Lifts a confirmation (verified appeal, mistaken report). */
	public void lift(int account) {
		risk.lift(account);
	}

	public RiskSignals risk() {
		return risk;
	}

	/**
	 * The feature vector of the latest decision, named by {@link RuleSet#FEATURES};
	 * overwritten by the next.
	 */
	public double[] lastFeatures() {
		return f;
	}

	public RuleEngine engine() {
		return engine;
	}

	public AccountFeatures features() {
		return features;
	}

}
