package org.fanzha.sim.world;

/**
 * The fraud types of DOMAIN.md §5 with the script parameters the simulator uses.
 *
 * <p>
 * Calibration (DOMAIN.md §5, MPS statements 2022–2023, secondary, used as targets with
 * tolerance): task/rebate scams are about one third of cases; fake investment causes
 * about one third of the money lost; the five types task/rebate, investment, loans,
 * customer service and fake police are close to 90 % of cases. {@code caseShare} below
 * sums to 1 with those five at 0.88; {@code medianLossYuan} (log-normal, sigma
 * {@code lossSigma}) is chosen so that investment's expected share of money is about
 * 0.34. The other figures (payments per victim, con duration, contact channel, calls per
 * victim) are assumptions from public case descriptions, stated here so they can be
 * challenged.
 */
public enum FraudType {

	// share median¥ σ payMin payMax conMinMin conMaxMin channel noisePerVictim
	TASK_REBATE(0.33, 8_000, 1.0, 1, 8, 60, 2_880, Channel.IM_APP, 80),
	INVESTMENT(0.16, 50_000, 1.0, 1, 5, 1_440, 20_160, Channel.IM_APP, 60),
	LOAN(0.14, 5_000, 1.0, 1, 3, 60, 1_440, Channel.SMS, 300),
	CUSTOMER_SERVICE(0.14, 15_000, 1.0, 1, 3, 20, 90, Channel.PHONE, 400),
	FAKE_POLICE(0.11, 40_000, 1.0, 1, 3, 60, 240, Channel.PHONE, 600),
	ROMANCE_INVESTMENT(0.04, 100_000, 1.0, 2, 10, 10_080, 86_400, Channel.IM_APP, 40),
	FAKE_BOSS(0.04, 30_000, 1.0, 1, 2, 10, 60, Channel.IM_APP, 50),
	FAKE_CREDIT(0.02, 10_000, 1.0, 1, 2, 60, 360, Channel.PHONE, 300),
	GAME_TRADING(0.02, 3_000, 1.0, 1, 2, 30, 180, Channel.IM_APP, 30);

	/**
	 * How the gang reaches the victim. PHONE types call from fraud SIMs; SMS types text
	 * first.
	 */
	public enum Channel {

		PHONE, SMS, IM_APP

	}

	private final double caseShare;

	private final long medianLossYuan;

	private final double lossSigma;

	private final int minPayments;

	private final int maxPayments;

	private final int conMinMinutes;

	private final int conMaxMinutes;

	private final Channel channel;

	private final int noiseContactsPerVictim;

	FraudType(double caseShare, long medianLossYuan, double lossSigma, int minPayments, int maxPayments,
			int conMinMinutes, int conMaxMinutes, Channel channel, int noiseContactsPerVictim) {
		this.caseShare = caseShare;
		this.medianLossYuan = medianLossYuan;
		this.lossSigma = lossSigma;
		this.minPayments = minPayments;
		this.maxPayments = maxPayments;
		this.conMinMinutes = conMinMinutes;
		this.conMaxMinutes = conMaxMinutes;
		this.channel = channel;
		this.noiseContactsPerVictim = noiseContactsPerVictim;
	}

	public double caseShare() {
		return caseShare;
	}

	public long medianLossYuan() {
		return medianLossYuan;
	}

	public double lossSigma() {
		return lossSigma;
	}

	public int minPayments() {
		return minPayments;
	}

	public int maxPayments() {
		return maxPayments;
	}

	/** Minutes from first contact to first payment, drawn log-uniformly in this range. */
	public int conMinMinutes() {
		return conMinMinutes;
	}

	public int conMaxMinutes() {
		return conMaxMinutes;
	}

	public Channel channel() {
		return channel;
	}

	/**
	 * Unsuccessful contacts (calls or texts to people who do not pay) per victim: the
	 * inverse of the conversion rate. Assumption: phone scripts convert about 1 in a few
	 * hundred answered calls.
	 */
	public int noiseContactsPerVictim() {
		return noiseContactsPerVictim;
	}

	static final double[] CUMULATIVE_SHARE;

	static {
		double[] w = new double[values().length];
		for (FraudType t : values()) {
			w[t.ordinal()] = t.caseShare;
		}
		CUMULATIVE_SHARE = Rng.cumulative(w);
	}

	/**
	 * Relative susceptibility of a person to this script (age, occupation); 1 = average.
	 */
	public double susceptibility(int age, Occupation occupation) {
		return switch (this) {
			// students and young adults: task/rebate, game trading, loans (DOMAIN §5:
			// victims 18–40 the majority)
			case TASK_REBATE -> age < 40 ? 2.0 : age < 55 ? 0.8 : 0.3;
			case GAME_TRADING -> occupation == Occupation.STUDENT ? 5.0 : age < 30 ? 1.5 : 0.2;
			case LOAN -> age >= 20 && age < 45 ? 1.6 : 0.4;
			case FAKE_CREDIT -> age >= 22 && age < 45 ? 1.5 : 0.4;
			case INVESTMENT, ROMANCE_INVESTMENT -> age >= 25 && age < 60 ? 1.4 : 0.5;
			case FAKE_POLICE -> age >= 50 ? 1.8 : occupation == Occupation.STUDENT ? 1.3 : 0.8;
			case CUSTOMER_SERVICE -> age >= 20 && age < 50 ? 1.3 : 0.6;
			case FAKE_BOSS -> occupation == Occupation.EMPLOYEE || occupation == Occupation.CIVIL_SERVANT ? 1.8 : 0.4;
		};
	}

	/**
	 * The same type as the platform records it on a case
	 * ({@link org.fanzha.core.FraudType}); the calibration stays here.
	 */
	public org.fanzha.core.FraudType domainType() { // style:fqn
		return switch (this) {
			case TASK_REBATE -> org.fanzha.core.FraudType.TASK_REBATE; // style:fqn
			case INVESTMENT -> org.fanzha.core.FraudType.INVESTMENT; // style:fqn
			case LOAN -> org.fanzha.core.FraudType.LOAN; // style:fqn
			case CUSTOMER_SERVICE -> org.fanzha.core.FraudType.CUSTOMER_SERVICE; // style:fqn
			case FAKE_POLICE -> org.fanzha.core.FraudType.FAKE_POLICE; // style:fqn
			case ROMANCE_INVESTMENT -> org.fanzha.core.FraudType.ROMANCE_INVESTMENT; // style:fqn
			case FAKE_BOSS -> org.fanzha.core.FraudType.FAKE_BOSS; // style:fqn
			case FAKE_CREDIT -> org.fanzha.core.FraudType.FAKE_CREDIT; // style:fqn
			case GAME_TRADING -> org.fanzha.core.FraudType.GAME_TRADING; // style:fqn
		};
	}

	/**
	 * The same type as early warning names it (the engine's
	 * {@link org.fanzha.engine.warnings.FraudType}).
	 */
	public org.fanzha.engine.warnings.FraudType warningType() { // style:fqn
		return switch (this) {
			case TASK_REBATE -> org.fanzha.engine.warnings.FraudType.TASK_REBATE; // style:fqn
			case INVESTMENT -> org.fanzha.engine.warnings.FraudType.FAKE_INVESTMENT; // style:fqn
			case LOAN -> org.fanzha.engine.warnings.FraudType.FAKE_LOAN; // style:fqn
			case CUSTOMER_SERVICE -> org.fanzha.engine.warnings.FraudType.FAKE_CUSTOMER_SERVICE; // style:fqn
			case FAKE_POLICE -> org.fanzha.engine.warnings.FraudType.FAKE_POLICE; // style:fqn
			case ROMANCE_INVESTMENT -> org.fanzha.engine.warnings.FraudType.ROMANCE; // style:fqn
			case FAKE_BOSS -> org.fanzha.engine.warnings.FraudType.FAKE_BOSS; // style:fqn
			case FAKE_CREDIT -> org.fanzha.engine.warnings.FraudType.FAKE_CREDIT; // style:fqn
			case GAME_TRADING -> org.fanzha.engine.warnings.FraudType.GAME_TRADING; // style:fqn
		};
	}

}
