package org.fanzha.engine.monitor;

/**
 * Decides on each transfer as it happens: updates both accounts' {@link AccountFeatures}, builds the feature
 * vector of {@link RuleSet#FEATURES} and scores it with the {@link RuleEngine}. Accounts are dense int indices
 * (the caller interns ids, e.g. with {@link org.fanzha.core.KeyIndex}); the vector and the verdict are reused,
 * so a decision allocates nothing.
 */
public final class TransferMonitor {

	/** The rules shipped by default (docs/monitoring.md explains each). */
	public static final String DEFAULT_RULES = """
			version 1
			rule FAN_IN: payee.newPayersToday >= 3 and payee.countIn1h >= 2 and payee.passThrough24h >= 0.5 -> DELAY 24h "多名新付款人集中转入且资金随即转出"
			rule QUICK_OUT: payee.passThrough24h >= 0.8 and payee.dwellMinutes <= 60 and payee.sumIn24h >= 1000000 -> REVIEW "资金快进快出"
			rule DORMANT_WAKES: payee.idleDays >= 30 and amount >= 500000 -> REVIEW "久未使用账户突然大额入账"
			shadow rule NIGHT_LARGE: hour < 6 and amount >= 500000 -> WARN_PAYER "夜间大额转账"
			""";

	private static final double NEVER = 1e12;

	private final AccountFeatures features;

	private final RuleEngine engine;

	private final double[] f = new double[RuleSet.FEATURES.size()];

	private final RuleEngine.Verdict verdict = new RuleEngine.Verdict();

	public TransferMonitor(RuleSet rules, int expectedAccounts) {
		this.features = new AccountFeatures(expectedAccounts);
		this.engine = new RuleEngine(rules, 0.02, 10_000);
	}

	public static TransferMonitor withDefaultRules(int expectedAccounts) {
		return new TransferMonitor(RuleSet.parse(DEFAULT_RULES), expectedAccounts);
	}

	/**
	 * Scores a transfer and books it. {@code to} is -1 for cash. The returned verdict is reused by the next call:
	 * copy what you keep.
	 */
	public RuleEngine.Verdict decide(int from, int to, long amountFen, long epochSecond) {
		final double[] v = f;
		double idleDays = to < 0 ? 0 : features.idleSeconds(to, epochSecond);
		features.record(from, to, amountFen, epochSecond);
		v[0] = amountFen;
		v[1] = Math.floorMod(epochSecond + 8 * 3_600, 86_400) / 3_600;
		if (to >= 0) {
			v[2] = features.countIn(to, AccountFeatures.W10M, epochSecond);
			v[3] = features.countIn(to, AccountFeatures.W1H, epochSecond);
			v[4] = features.sumIn(to, AccountFeatures.W24H, epochSecond);
			v[5] = features.passThrough(to, AccountFeatures.W24H, epochSecond);
			double dwell = features.dwellSeconds(to);
			v[6] = dwell < 0 ? NEVER : dwell / 60;
			v[7] = features.newCounterpartiesToday(to, epochSecond);
			long age = features.ageSeconds(to, epochSecond);
			v[8] = age < 0 ? 0 : age / 86_400.0;
			v[9] = idleDays < 0 ? 0 : idleDays / 86_400.0;
		}
		else {
			for (int i = 2; i <= 9; i++) {
				v[i] = 0;
			}
			v[6] = NEVER;
		}
		v[10] = features.countOut(from, AccountFeatures.W1H, epochSecond);
		v[11] = features.sumOut(from, AccountFeatures.W24H, epochSecond);
		engine.score(v, verdict);
		return verdict;
	}

	/** The feature vector of the latest decision, named by {@link RuleSet#FEATURES}; overwritten by the next. */
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
