package org.fanzha.sim.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The fraud side of the world: gangs, the SIM cards they call from, and the mule accounts
 * they launder through, recruited from the population's own accounts (so mules keep their
 * holders' ordinary traffic).
 *
 * <p>
 * Assumptions (docs/simulator.md): a gang buys 10–30 real-name SIMs from one or two
 * complicit sales agents (2–4 SIMs share a handset); 30 % of gangs (60 % when evasive)
 * also run a SIM box: 16–64 SIMs with sequential 170/171 numbers on one device in one
 * cell. Mule levels hold 6–20 accounts at level 1, fewer deeper; depth is 2–4 levels (4–6
 * when evasive) before cash-out. Mules are students' accounts (30 %), accounts sold
 * months ago and no longer used by the holder, rented accounts still in daily use, aged
 * accounts (opened years ago), and freshly opened accounts made for sale.
 */
public final class Gangs {

	public enum SimSource {

		BOUGHT, SIM_BOX

	}

	public enum MuleKind {

		STUDENT, SOLD, RENTED, AGED, FRESH

	}

	public enum CashOut {

		ATM, POS, CRYPTO_OTC, GOLD

	}

	public static final class Gang {

		public final int id;

		public final FraudType type;

		public final int baseCounty;

		public final boolean simBox;

		/** Indices into the fraud-SIM arrays. */
		public final int[] sims;

		/** Mule account indices per level; level 1 receives victims' money. */
		public final int[][] levels;

		public final CashOut[] cashOut;

		public final int[] colludingMerchants;

		public final String url;

		public final String app;

		public final String[] im;

		/** Sequential SIMs on one device dial at a fixed interval (seconds). */
		public final int simBoxInterval;

		/**
		 * Reacting world: bought SIMs held in reserve, taken into use as restricted ones
		 * are dropped.
		 */
		public int[] spareSims = new int[0];

		/** Reacting world: mule accounts held in reserve per level. */
		public int[][] spareLevels = new int[0][];

		/** Reacting world: keeps its transfers under the amounts it saw held. */
		public boolean probing;

		Gang(int id, FraudType type, int baseCounty, boolean simBox, int[] sims, int[][] levels, CashOut[] cashOut,
				int[] colludingMerchants, String url, String app, String[] im, int simBoxInterval) {
			this.id = id;
			this.type = type;
			this.baseCounty = baseCounty;
			this.simBox = simBox;
			this.sims = sims;
			this.levels = levels;
			this.cashOut = cashOut;
			this.colludingMerchants = colludingMerchants;
			this.url = url;
			this.app = app;
			this.im = im;
			this.simBoxInterval = simBoxInterval;
		}

		public int depth() {
			return levels.length;
		}

	}

	final List<Gang> gangs = new ArrayList<>();

	// fraud SIMs
	int fraudSims;

	long[] fraudPhone = new long[256];

	int[] fraudGang = new int[256];

	byte[] fraudSource = new byte[256];

	long[] fraudImei = new long[256];

	int[] fraudHolder = new int[256];

	int[] fraudAgent = new int[256];

	int[] fraudActivationDay = new int[256];

	short[] fraudCounty = new short[256];

	// mules: per account (sparse, by account index)
	final int[] muleGang;

	final byte[] muleLevel;

	final byte[] muleKind;

	int mules;

	/** Reacting world: the mule accounts held in reserve (a gang may never need them). */
	final BitSet reserveMules = new BitSet();

	private int simBoxDevices;

	public Gangs(Population pop, SimConfig config) {
		muleGang = new int[pop.accounts()];
		muleLevel = new byte[pop.accounts()];
		muleKind = new byte[pop.accounts()];
		Arrays.fill(muleGang, -1);
		Rng r = Rng.of(config.seed(), 3);
		FraudType[] types = FraudType.values();
		for (int g = 0; g < config.gangs(); g++) {
			// the first gangs cover the types in order of frequency, the rest by case
			// share
			FraudType type = g < types.length ? types[g] : types[r.pick(FraudType.CUMULATIVE_SHARE)];
			gangs.add(build(g, type, pop, config, r));
		}
		if (config.reactions().on()) {
			reserves(pop, config);
		}
	}

	private Gang build(int g, FraudType type, Population pop, SimConfig config, Rng r) {
		boolean evasive = config.evasive();
		int baseCounty = r.nextInt(pop.counties());
		int agentA = baseCounty * Population.AGENTS_PER_COUNTY + r.nextInt(Population.AGENTS_PER_COUNTY);
		int agentB = r.nextInt(pop.counties()) * Population.AGENTS_PER_COUNTY + r.nextInt(Population.AGENTS_PER_COUNTY);
		List<Integer> sims = new ArrayList<>();
		int bought = r.between(10, 30);
		buySims(g, 0, bought, agentA, agentB, baseCounty, pop, r, sims);
		boolean simBox = r.chance(evasive ? 0.6 : 0.3);
		int interval = 0;
		if (simBox) {
			int n = r.between(16, 64);
			int device = simBoxDevices++;
			long imei = Population.imeiFor(2_000_000_000L + device);
			int seg = r.chance(0.5) ? 170 : 171;
			long base = seg * 100_000_000L + (device + 1) * 10_000L;
			int boxCounty = r.nextInt(pop.counties());
			interval = r.between(45, 75);
			for (int k = 0; k < n; k++) {
				sims.add(addSim(base + k, g, SimSource.SIM_BOX, imei, youngPerson(pop, r), agentA,
						pop.startDay - 1 - r.nextInt(20), (short) boxCounty));
			}
		}
		int depth = evasive ? r.between(4, 6) : r.between(2, 4);
		int[][] levels = new int[depth][];
		for (int l = 0; l < depth; l++) {
			int size = l == 0 ? r.between(6, 20) : Math.max(2, r.between(3, 12) - l);
			levels[l] = new int[size];
			for (int k = 0; k < size; k++) {
				levels[l][k] = recruitMule(pop, g, l + 1, evasive, r);
			}
		}
		CashOut[] cashOut = r.chance(0.5) ? new CashOut[] { CashOut.ATM, CashOut.CRYPTO_OTC }
				: new CashOut[] { CashOut.ATM, CashOut.POS, CashOut.GOLD };
		int[] colluding = new int[2];
		for (int k = 0; k < colluding.length; k++) {
			int c = r.nextInt(pop.counties());
			// merchant 2 of each county block is a gold shop; others are electronics or
			// general POS
			colluding[k] = c * pop.merchantsPerCounty
					+ (k == 0 ? 2 : 3 + r.nextInt(Math.max(1, pop.merchantsPerCounty - 3)));
		}
		String[] im = new String[3];
		for (int k = 0; k < im.length; k++) {
			im[k] = r.chance(0.5) ? "QQ:" + (100_000_000L + r.nextLong(3_899_999_999L))
					: "WX:wxid_" + Long.toString(r.nextLong(Long.MAX_VALUE), 36);
		}
		String url = "https://" + SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)]
				+ r.between(10, 999) + TLDS[r.nextInt(TLDS.length)];
		String app = APP_NAMES[r.nextInt(APP_NAMES.length)] + appSuffix(type);
		return new Gang(g, type, baseCounty, simBox, sims.stream().mapToInt(Integer::intValue).toArray(), levels,
				cashOut, colluding, url, app, im, interval);
	}

	/**
	 * Real-name SIMs bought from the gang's agents, 2–4 to a handset; {@code first}
	 * numbers them within the gang so that a reacting world's spare SIMs get numbers of
	 * their own.
	 */
	private void buySims(int g, int first, int count, int agentA, int agentB, int baseCounty, Population pop, Rng r,
			List<Integer> sims) {
		long handset = 0;
		for (int k = first; k < first + count; k++) {
			if (k % r.between(2, 4) == 0 || handset == 0) {
				handset = Population.imeiFor(1_000_000_000L + g * 1_000L + k);
			}
			int seller = youngPerson(pop, r);
			int[] segs = r.chance(0.4) ? new int[] { 170, 171 } : Population.MOBILE;
			int seg = segs[r.nextInt(segs.length)];
			long phone = seg == 170 || seg == 171 ? seg * 100_000_000L + 50_000_000L + g * 10_000L + k
					: Population.uniqueNumber(seg, (long) pop.persons * 2 + g * 1_000L + k);
			sims.add(addSim(phone, g, SimSource.BOUGHT, handset, seller, r.chance(0.8) ? agentA : agentB,
					pop.startDay - 1 - r.nextInt(60), (short) baseCounty));
		}
	}

	/**
	 * A reacting world's reserves, bought and recruited before the window like the rest:
	 * per simulated day, as many spare SIMs as the gang bought and as many spare mule
	 * accounts per level as the level holds (assumption: a gang can replace its whole
	 * batch of cards once a day, docs/simulator.md). Drawn from a stream of their own
	 * after every gang is built, so the static world's gangs are the same with or without
	 * them. Also decides which gangs probe the monitor.
	 */
	private void reserves(Population pop, SimConfig config) {
		Rng r = Rng.of(config.seed(), 4);
		for (Gang gang : gangs) {
			int g = gang.id;
			int bought = 0;
			for (int s : gang.sims) {
				bought += fraudSource[s] == SimSource.BOUGHT.ordinal() ? 1 : 0;
			}
			int agentA = fraudAgent[gang.sims[0]];
			List<Integer> spares = new ArrayList<>();
			int batches = config.days();
			buySims(g, 100, bought * batches, agentA, agentA, gang.baseCounty, pop, r, spares);
			gang.spareSims = spares.stream().mapToInt(Integer::intValue).toArray();
			gang.spareLevels = new int[gang.levels.length][];
			for (int l = 0; l < gang.levels.length; l++) {
				gang.spareLevels[l] = new int[gang.levels[l].length * batches];
				for (int k = 0; k < gang.spareLevels[l].length; k++) {
					gang.spareLevels[l][k] = recruitMule(pop, g, l + 1, config.evasive(), r);
					reserveMules.set(gang.spareLevels[l][k]);
				}
			}
			gang.probing = r.chance(config.reactions().probingShare());
		}
	}

	/**
	 * The gang's website, app and chat groups after its {@code generation}-th rotation
	 * (reacting world): new names of the same kinds, fixed by a hash of the seed so that
	 * a rotation draws nothing from the world's streams. A rotated app is repackaged, as
	 * renamed scam apps are (assumption): a new two-character brand, a variant mark and a
	 * version, downloaded from a site of the gang's own; the report names it with that
	 * download site, which is what tells two gangs' apps apart (display names alone
	 * collide: the first generation's eight brands made different gangs share names).
	 */
	static String[] rotatedIdentity(long seed, Gang g, int generation) {
		long h = Rng.hash(seed, g.id * 1_000L + generation, 73);
		long h2 = Rng.mix(h);
		long h3 = Rng.mix(h2);
		String url = site(h);
		String app = BRAND_FIRST[(int) Math.floorMod(h2, BRAND_FIRST.length)]
				+ BRAND_SECOND[(int) Math.floorMod(h2 >>> 8, BRAND_SECOND.length)] + appSuffix(g.type)
				+ VARIANTS[(int) Math.floorMod(h2 >>> 16, VARIANTS.length)] + " V" + (generation + 1) + " (下载 "
				+ site(h3).replace("https://", "https://dl.") + ")";
		String[] id = new String[2 + g.im.length];
		id[0] = url;
		id[1] = app;
		for (int k = 0; k < g.im.length; k++) {
			long x = Rng.hash(seed, g.id * 1_000L + generation, 74 + k);
			id[2 + k] = (x & 1) == 0 ? "QQ:" + (100_000_000L + Math.floorMod(x >>> 1, 3_899_999_999L))
					: "WX:wxid_" + Long.toString(x >>> 1, 36);
		}
		return id;
	}

	/**
	 * A website name of the simulator's style from a hash: two syllables, a number, a
	 * TLD.
	 */
	private static String site(long h) {
		return "https://" + SYLLABLES[(int) Math.floorMod(h, SYLLABLES.length)]
				+ SYLLABLES[(int) Math.floorMod(h >>> 8, SYLLABLES.length)] + (10 + Math.floorMod(h >>> 16, 990))
				+ TLDS[(int) Math.floorMod(h >>> 32, TLDS.length)];
	}

	static final String[] BRAND_FIRST = { "鑫", "聚", "淘", "云", "安", "优", "恒", "盛", "汇", "金", "富", "通", "嘉", "瑞", "博",
			"鼎" };

	static final String[] BRAND_SECOND = { "汇", "财", "金", "通", "盈", "米", "达", "世", "诚", "信", "源", "丰", "泰", "隆", "邦",
			"享" };

	static final String[] VARIANTS = { "极速版", "Pro", "Plus", "尊享版", "国际版", "HD", "Lite", "2代" };

	static final String[] SYLLABLES = { "xin", "hui", "jin", "fu", "tong", "da", "bao", "li", "cai", "rong", "an",
			"yun" };

	static final String[] TLDS = { ".top", ".vip", ".xyz", ".cc", ".shop" };

	static final String[] APP_NAMES = { "鑫汇", "聚财", "淘金", "云通", "安盈", "优米", "恒达", "盛世" };

	/** The kind of app a script sends the victim to. */
	static String appSuffix(FraudType type) {
		return switch (type) {
			case TASK_REBATE -> "任务平台";
			case INVESTMENT, ROMANCE_INVESTMENT -> "理财";
			case LOAN, FAKE_CREDIT -> "贷";
			case GAME_TRADING -> "游戏交易";
			case CUSTOMER_SERVICE -> "商城";
			default -> "会议";
		};
	}

	private int addSim(long phone, int gang, SimSource source, long imei, int holder, int agent, int day,
			short county) {
		if (fraudSims == fraudPhone.length) {
			int n = fraudSims * 2;
			fraudPhone = Arrays.copyOf(fraudPhone, n);
			fraudGang = Arrays.copyOf(fraudGang, n);
			fraudSource = Arrays.copyOf(fraudSource, n);
			fraudImei = Arrays.copyOf(fraudImei, n);
			fraudHolder = Arrays.copyOf(fraudHolder, n);
			fraudAgent = Arrays.copyOf(fraudAgent, n);
			fraudActivationDay = Arrays.copyOf(fraudActivationDay, n);
			fraudCounty = Arrays.copyOf(fraudCounty, n);
		}
		int s = fraudSims++;
		fraudPhone[s] = phone;
		fraudGang[s] = gang;
		fraudSource[s] = (byte) source.ordinal();
		fraudImei[s] = imei;
		fraudHolder[s] = holder;
		fraudAgent[s] = agent;
		fraudActivationDay[s] = day;
		fraudCounty[s] = county;
		return s;
	}

	/** Card renters and sellers are mostly young; students are over-represented. */
	private static int youngPerson(Population pop, Rng r) {
		for (int tries = 0; tries < 1_000; tries++) {
			int p = r.nextInt(pop.persons);
			int age = pop.ageOf(p);
			if (age <= 35 && (pop.occupation[p] == Occupation.STUDENT.ordinal() || r.chance(0.5))) {
				return p;
			}
		}
		return r.nextInt(pop.persons);
	}

	private int recruitMule(Population pop, int gang, int level, boolean evasive, Rng r) {
		for (int tries = 0; tries < 10_000; tries++) {
			int p = youngPerson(pop, r);
			int a = pop.firstAccount[p] + r.nextInt(pop.accountCount[p]);
			if (!Catalog.INSTITUTIONS.get(pop.accountInstitution[a]).bank() || muleGang[a] >= 0) {
				continue;
			}
			MuleKind kind;
			if (pop.occupation[p] == Occupation.STUDENT.ordinal()) {
				kind = MuleKind.STUDENT;
			}
			else {
				double x = r.nextDouble();
				kind = evasive
						? (x < 0.15 ? MuleKind.SOLD
								: x < 0.45 ? MuleKind.RENTED : x < 0.95 ? MuleKind.AGED : MuleKind.FRESH)
						: (x < 0.35 ? MuleKind.SOLD
								: x < 0.70 ? MuleKind.RENTED : x < 0.85 ? MuleKind.AGED : MuleKind.FRESH);
			}
			if (kind == MuleKind.AGED && pop.accountOpenDay[a] > pop.startDay - 730) {
				pop.accountOpenDay[a] = pop.startDay - 730 - r.nextInt(2_000);
			}
			if (kind == MuleKind.FRESH) {
				pop.accountOpenDay[a] = pop.startDay - 1 - r.nextInt(30);
				pop.openingBalance[a] = r.nextInt(5_000);
			}
			if (kind == MuleKind.SOLD || kind == MuleKind.FRESH) {
				pop.accountFlags[a] |= Population.FLAG_ABANDONED;
				pop.openingBalance[a] = Math.min(pop.openingBalance[a], 20_000);
			}
			else {
				// renters hand over a secondary card with little of their own money on it
				// (assumption)
				double median = kind == MuleKind.RENTED ? 800 : kind == MuleKind.STUDENT ? 1_500 : 3_000;
				pop.openingBalance[a] = Math.min(pop.openingBalance[a], Math.round(r.logNormal(median, 0.8) * 100));
			}
			pop.accountFlags[a] |= Population.FLAG_MULE;
			muleGang[a] = gang;
			muleLevel[a] = (byte) level;
			muleKind[a] = (byte) kind.ordinal();
			mules++;
			return a;
		}
		throw new IllegalStateException("Could not recruit a mule account: population too small");
	}

	public List<Gang> all() {
		return gangs;
	}

	public int fraudSims() {
		return fraudSims;
	}

	/**
	 * Fraud SIM {@code s}'s phone number (s from 0 to {@link #fraudSims()} - 1; a gang's
	 * {@code sims} index them).
	 */
	public long fraudPhone(int s) {
		return fraudPhone[s];
	}

	public int fraudGang(int s) {
		return fraudGang[s];
	}

	/** Bought real-name SIM or SIM-box SIM (truth/fraud_sims.csv's source). */
	public SimSource fraudSource(int s) {
		return SimSource.values()[fraudSource[s]];
	}

	public long fraudImei(int s) {
		return fraudImei[s];
	}

	/** The agent that sold it (as {@link Population#simAgent}). */
	public int fraudAgent(int s) {
		return fraudAgent[s];
	}

	/** Activation day (days since 1970-01-01). */
	public int fraudActivationDay(int s) {
		return fraudActivationDay[s];
	}

	public int mules() {
		return mules;
	}

}
