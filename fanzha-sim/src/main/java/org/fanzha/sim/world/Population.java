package org.fanzha.sim.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fanzha.core.Money;
import org.fanzha.core.PhoneNumber;
import org.fanzha.core.RegionCode;

/**
 * The people of the province and what they hold: accounts, SIM cards, and the merchants
 * and employers they pay and are paid by. Columnar primitive arrays (struct of arrays):
 * the medium preset's million persons and their three million accounts fit in a few
 * hundred megabytes and are scanned without pointer chasing. Persons are laid out in
 * blocks by county, so "someone in the same county" is an index range.
 *
 * <p>
 * Names, ID numbers, card and phone numbers are not stored: they are pure functions of
 * the seed and the index ({@link #name}, {@link #idNumber}, {@link #cardNumber},
 * {@link #phone}), so writing them costs nothing until they are written.
 *
 * <p>
 * Calibration: county weights are the 2020-census populations carried by
 * {@link RegionCode#shaanxi()}; ages 18–85 follow {@link #AGE_BANDS} (assumption shaped
 * on the 2020 census pyramid); account and SIM counts per person are assumptions stated
 * where they are drawn.
 */
public final class Population {

	public static final byte KIND_PERSONAL = 0;

	public static final byte KIND_MERCHANT = 1;

	public static final byte KIND_EMPLOYER = 2;

	/** Account flags. */
	public static final byte FLAG_MULE = 1;

	/** The holder sold it and no longer uses it. */
	public static final byte FLAG_ABANDONED = 2;

	/**
	 * 5-year bands from 18 with relative weights (assumption shaped on the 2020 census
	 * pyramid).
	 */
	static final double[] AGE_BANDS = { 6.0, 6.5, 7.5, 9.0, 8.0, 7.5, 8.5, 9.0, 7.5, 5.5, 6.0, 4.5, 3.0, 2.5 };

	private final SimConfig config;

	private final long seed;

	// regions
	final RegionCode[] counties;

	final int[] countyFirstPerson;

	final int[] countyPersons;

	// persons
	public final int persons;

	final short[] county;

	final int[] birthDay;

	final byte[] gender;

	final byte[] occupation;

	final short[] school;

	final int[] firstAccount;

	final byte[] accountCount;

	final int[] firstSim;

	final byte[] simCount;

	// accounts (personal, then merchant, then employer)
	int accounts;

	int[] accountHolder;

	byte[] accountInstitution;

	byte[] accountClass;

	int[] accountOpenDay;

	short[] accountBranch;

	long[] openingBalance;

	byte[] accountKind;

	final byte[] accountFlags;

	// sims
	int sims;

	long[] simPhone;

	int[] simHolder;

	int[] simActivationDay;

	long[] simImei;

	int[] simAgent;

	// merchants: per county a block of merchants
	final int merchantsPerCounty;

	int merchants;

	byte[] merchantCategory;

	short[] merchantCounty;

	int[] merchantAccount;

	// employers: per prefecture
	final int[] employerFirstAccount;

	final int employersPerPrefecture = 40;

	final int[] prefectureOfCounty;

	final List<RegionCode> prefectures = new ArrayList<>();

	final int startDay;

	final short[] schoolCounty = new short[Catalog.SCHOOLS.size()];

	public Population(SimConfig config) {
		this.config = config;
		this.seed = config.seed();
		this.persons = config.persons();
		this.startDay = (int) config.startDate().toEpochDay();

		List<RegionCode> all = RegionCode.shaanxi();
		List<RegionCode> cs = new ArrayList<>();
		for (RegionCode r : all) {
			if (r.isCounty()) {
				cs.add(r);
			}
			else if (r.isPrefecture()) {
				prefectures.add(r);
			}
		}
		counties = cs.toArray(RegionCode[]::new);
		prefectureOfCounty = new int[counties.length];
		for (int c = 0; c < counties.length; c++) {
			prefectureOfCounty[c] = prefectures.indexOf(counties[c].prefecture());
		}
		long[] weights = new long[counties.length];
		for (int c = 0; c < counties.length; c++) {
			weights[c] = counties[c].populationWeight().orElse(100_000);
		}
		long[] counts = Money.allocateLargestRemainder(persons, weights);
		countyFirstPerson = new int[counties.length];
		countyPersons = new int[counties.length];
		int next = 0;
		for (int c = 0; c < counties.length; c++) {
			countyFirstPerson[c] = next;
			countyPersons[c] = (int) counts[c];
			next += (int) counts[c];
		}

		county = new short[persons];
		birthDay = new int[persons];
		gender = new byte[persons];
		occupation = new byte[persons];
		school = new short[persons];
		firstAccount = new int[persons];
		accountCount = new byte[persons];
		firstSim = new int[persons];
		simCount = new byte[persons];

		merchantsPerCounty = Math.max(4, Math.min(200, persons / counties.length / 40));
		int employerAccounts = prefectures.size() * employersPerPrefecture;
		int maxAccounts = persons * 5 + merchantsPerCounty * counties.length + employerAccounts;
		allocateAccounts(maxAccounts);
		accountFlags = new byte[maxAccounts];
		employerFirstAccount = new int[prefectures.size()];

		buildPersons();
		buildMerchantsAndEmployers();
		trimAccounts();
	}

	private void allocateAccounts(int n) {
		accountHolder = new int[n];
		accountInstitution = new byte[n];
		accountClass = new byte[n];
		accountOpenDay = new int[n];
		accountBranch = new short[n];
		openingBalance = new long[n];
		accountKind = new byte[n];
		int maxSims = persons * 2;
		simPhone = new long[maxSims];
		simHolder = new int[maxSims];
		simActivationDay = new int[maxSims];
		simImei = new long[maxSims];
		simAgent = new int[maxSims];
	}

	private void trimAccounts() {
		accountHolder = Arrays.copyOf(accountHolder, accounts);
		accountInstitution = Arrays.copyOf(accountInstitution, accounts);
		accountClass = Arrays.copyOf(accountClass, accounts);
		accountOpenDay = Arrays.copyOf(accountOpenDay, accounts);
		accountBranch = Arrays.copyOf(accountBranch, accounts);
		openingBalance = Arrays.copyOf(openingBalance, accounts);
		accountKind = Arrays.copyOf(accountKind, accounts);
		simPhone = Arrays.copyOf(simPhone, sims);
		simHolder = Arrays.copyOf(simHolder, sims);
		simActivationDay = Arrays.copyOf(simActivationDay, sims);
		simImei = Arrays.copyOf(simImei, sims);
		simAgent = Arrays.copyOf(simAgent, sims);
	}

	private void buildPersons() {
		Rng r = Rng.of(seed, 1);
		double[] ageCum = Rng.cumulative(AGE_BANDS);
		double[] schoolCum = new double[Catalog.SCHOOLS.size()];
		double s = 0;
		for (int i = 0; i < schoolCum.length; i++) {
			s += Catalog.SCHOOLS.get(i).students();
			schoolCum[i] = s;
		}
		for (int i = 0; i < schoolCounty.length; i++) {
			schoolCounty[i] = (short) countyIndex(Catalog.SCHOOLS.get(i).region());
		}
		for (int c = 0; c < counties.length; c++) {
			for (int p = countyFirstPerson[c], end = p + countyPersons[c]; p < end; p++) {
				county[p] = (short) c;
				int band = r.pick(ageCum);
				int age = 18 + band * 5 + r.nextInt(band == AGE_BANDS.length - 1 ? 3 : 5);
				birthDay[p] = startDay - age * 365 - r.nextInt(365);
				gender[p] = (byte) (r.chance(0.512) ? 0 : 1);
				Occupation occ = occupationFor(age, r);
				occupation[p] = (byte) occ.ordinal();
				school[p] = -1;
				if (occ == Occupation.STUDENT) {
					school[p] = (short) r.pick(schoolCum);
				}
				buildAccounts(p, age, r);
				buildSims(p, age, r);
			}
		}
	}

	private static Occupation occupationFor(int age, Rng r) {
		double x = r.nextDouble();
		if (age <= 22) {
			return x < 0.50 ? Occupation.STUDENT
					: x < 0.80 ? Occupation.EMPLOYEE : x < 0.90 ? Occupation.UNEMPLOYED : Occupation.FARMER;
		}
		if (age < 60) {
			return x < 0.45 ? Occupation.EMPLOYEE
					: x < 0.60 ? Occupation.SELF_EMPLOYED : x < 0.80 ? Occupation.FARMER : x < 0.86
							? Occupation.CIVIL_SERVANT
							: x < 0.94 ? Occupation.UNEMPLOYED : age < 30 ? Occupation.STUDENT : Occupation.EMPLOYEE;
		}
		return x < 0.70 ? Occupation.RETIRED : x < 0.95 ? Occupation.FARMER : Occupation.SELF_EMPLOYED;
	}

	/**
	 * Accounts per person (assumption): one class I card at a main bank; 35 % a second
	 * bank's class I card; 15 % a class II e-account; Alipay and WeChat Pay balances for
	 * most people under 60.
	 */
	private void buildAccounts(int p, int age, Rng r) {
		firstAccount[p] = accounts;
		int main = r.pick(Catalog.BANK_CUMULATIVE);
		int adultDays = (age - 18) * 365;
		addPersonal(p, main, 1, r.nextInt(Math.max(1, adultDays)), r.logNormal(15_000, 1.3), r);
		if (r.chance(0.35)) {
			int second = r.pick(Catalog.BANK_CUMULATIVE);
			addPersonal(p, second, 1, r.nextInt(Math.max(1, adultDays)), r.logNormal(6_000, 1.3), r);
		}
		if (r.chance(0.15)) {
			addPersonal(p, main, 2, r.nextInt(Math.max(1, Math.min(adultDays, 3_000))), r.logNormal(2_000, 1.0), r);
		}
		double mobile = age < 60 ? 0.85 : 0.40;
		if (r.chance(mobile)) {
			addPersonal(p, Catalog.ALIPAY, 3, r.nextInt(Math.max(1, Math.min(adultDays, 4_000))),
					r.logNormal(1_500, 1.2), r);
		}
		if (r.chance(mobile)) {
			addPersonal(p, Catalog.TENPAY, 3, r.nextInt(Math.max(1, Math.min(adultDays, 4_000))), r.logNormal(800, 1.2),
					r);
		}
		accountCount[p] = (byte) (accounts - firstAccount[p]);
	}

	private void addPersonal(int p, int institution, int cls, int daysAgo, double balanceYuan, Rng r) {
		int a = accounts++;
		accountHolder[a] = p;
		accountInstitution[a] = (byte) institution;
		accountClass[a] = (byte) cls;
		accountOpenDay[a] = startDay - 1 - daysAgo;
		accountBranch[a] = county[p];
		openingBalance[a] = Math.round(balanceYuan * 100);
		accountKind[a] = KIND_PERSONAL;
	}

	/**
	 * SIMs per person (assumption): one, 15 % two; operator shares about 57/24/19 % (MIIT
	 * 2023, recalled).
	 */
	private void buildSims(int p, int age, Rng r) {
		firstSim[p] = sims;
		int n = r.chance(0.15) ? 2 : 1;
		for (int k = 0; k < n; k++) {
			int sim = sims++;
			simHolder[sim] = p;
			simPhone[sim] = phoneFor(sim, r);
			simActivationDay[sim] = startDay - 1 - r.nextInt(Math.max(1, Math.min((age - 16) * 365, 6_000)));
			simImei[sim] = imeiFor(sim);
			simAgent[sim] = county[p] * AGENTS_PER_COUNTY + r.nextInt(AGENTS_PER_COUNTY);
		}
		simCount[p] = (byte) n;
	}

	public static final int AGENTS_PER_COUNTY = 6;

	static final int[] MOBILE = { 134, 135, 136, 137, 138, 139, 150, 151, 152, 157, 158, 159, 182, 183, 184, 187, 188,
			198 };

	static final int[] UNICOM = { 130, 131, 132, 155, 156, 166, 175, 176, 185, 186 };

	static final int[] TELECOM = { 133, 153, 173, 177, 180, 181, 189, 191, 199 };

	/**
	 * 170/171 are left to the fraud SIMs (SIM boxes, MVNO cards), so their numbers never
	 * collide with people's.
	 */
	static final int[] MVNO = { 162, 165, 167 };

	private long phoneFor(int sim, Rng r) {
		double x = r.nextDouble();
		int[] segs = x < 0.57 ? MOBILE : x < 0.76 ? UNICOM : x < 0.99 ? TELECOM : MVNO;
		int seg = segs[r.nextInt(segs.length)];
		return uniqueNumber(seg, sim);
	}

	/**
	 * Distinct SIM indices give distinct subscriber numbers within a segment (an odd
	 * multiplier is a bijection mod 10^8).
	 */
	static long uniqueNumber(int segment, long index) {
		long suffix = Math.floorMod(index * 48_271L + 12_345_678L, 100_000_000L);
		return segment * 100_000_000L + suffix;
	}

	/** 15-digit IMEI: a Chinese-market TAC, a serial, and the Luhn digit. */
	static long imeiFor(long device) {
		long tac = 86_000_000L + Math.floorMod(Rng.mix(device), 1_000_000L);
		long serial = Math.floorMod(device * 7_919L + 104_729L, 1_000_000L);
		long first14 = tac * 1_000_000L + serial;
		return first14 * 10 + luhnDigit(first14);
	}

	/**
	 * The Luhn check digit of a number, computed without strings (IMEIs are Luhn-checked
	 * like cards).
	 */
	static int luhnDigit(long digits) {
		int sum = 0;
		boolean doubleIt = true;
		while (digits > 0) {
			int d = (int) (digits % 10);
			digits /= 10;
			if (doubleIt) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubleIt = !doubleIt;
		}
		return (10 - sum % 10) % 10;
	}

	private void buildMerchantsAndEmployers() {
		Rng r = Rng.of(seed, 2);
		Catalog.MerchantCategory[] cats = Catalog.MerchantCategory.values();
		double[] catCum = Rng.cumulative(30, 25, 0, 8, 6, 8, 8, 3, 1);
		merchants = merchantsPerCounty * counties.length + 40;
		merchantCategory = new byte[merchants];
		merchantCounty = new short[merchants];
		merchantAccount = new int[merchants];
		int m = 0;
		for (int c = 0; c < counties.length; c++) {
			for (int k = 0; k < merchantsPerCounty; k++, m++) {
				merchantCategory[m] = (byte) (k < 2 ? Catalog.MerchantCategory.UTILITY.ordinal()
						: k < 3 ? Catalog.MerchantCategory.GOLD_SHOP.ordinal() : r.pick(catCum));
				merchantCounty[m] = (short) c;
				merchantAccount[m] = addBusiness(m, r.pick(Catalog.BANK_CUMULATIVE), c, KIND_MERCHANT, 200_000, r);
			}
		}
		// online shops hold payment-institution merchant accounts, province-wide
		for (int k = 0; k < 40; k++, m++) {
			merchantCategory[m] = (byte) Catalog.MerchantCategory.ONLINE_SHOP.ordinal();
			merchantCounty[m] = 0;
			merchantAccount[m] = addBusiness(m, k % 2 == 0 ? Catalog.ALIPAY : Catalog.TENPAY, 0, KIND_MERCHANT, 500_000,
					r);
		}
		for (int pf = 0; pf < prefectures.size(); pf++) {
			employerFirstAccount[pf] = accounts;
			int c = firstCountyOf(pf);
			for (int k = 0; k < employersPerPrefecture; k++) {
				addBusiness(k, r.pick(Catalog.BANK_CUMULATIVE), c, KIND_EMPLOYER, 50_000_000, r);
			}
		}
		if (cats.length == 0) {
			throw new IllegalStateException();
		}
	}

	private int addBusiness(int owner, int institution, int countyIdx, byte kind, double balanceYuan, Rng r) {
		int a = accounts++;
		accountHolder[a] = owner;
		accountInstitution[a] = (byte) institution;
		accountClass[a] = 1;
		accountOpenDay[a] = startDay - 30 - r.nextInt(5_000);
		accountBranch[a] = (short) countyIdx;
		openingBalance[a] = Math.round(r.logNormal(balanceYuan, 0.5) * 100);
		accountKind[a] = kind;
		return a;
	}

	private int firstCountyOf(int prefecture) {
		for (int c = 0; c < counties.length; c++) {
			if (prefectureOfCounty[c] == prefecture) {
				return c;
			}
		}
		return 0;
	}

	int countyIndex(RegionCode code) {
		for (int c = 0; c < counties.length; c++) {
			if (counties[c].equals(code)) {
				return c;
			}
		}
		throw new IllegalArgumentException("Not a Shaanxi county in the data: " + code);
	}

	// ---- derived identity, pure functions of seed and index ----

	public String name(int p) {
		return Catalog.name(Rng.hash(seed, p, 11));
	}

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = "10X98765432".toCharArray();

	/**
	 * The person's GB 11643 ID number: county, birth date, sequence with the sex digit,
	 * MOD 11-2 check.
	 */
	public String idNumber(int p) {
		LocalDate birth = LocalDate.ofEpochDay(birthDay[p]);
		long h = Rng.hash(seed, p, 12);
		int seq = (int) Math.floorMod(h, 500) * 2 + (gender[p] == 0 ? 1 : 0);
		char[] c = new char[18];
		String region = counties[county[p]].value();
		region.getChars(0, 6, c, 0);
		digits(c, 6, birth.getYear(), 4);
		digits(c, 10, birth.getMonthValue(), 2);
		digits(c, 12, birth.getDayOfMonth(), 2);
		digits(c, 14, seq, 3);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (c[i] - '0') * ID_WEIGHTS[i];
		}
		c[17] = ID_CHECK[sum % 11];
		return new String(c);
	}

	private static void digits(char[] c, int at, int v, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			c[i] = (char) ('0' + v % 10);
			v /= 10;
		}
	}

	/**
	 * The 19-digit Luhn-valid card number of a bank account as a number (it fits a long),
	 * or -1 for others.
	 */
	public long cardNumberValue(int a) {
		Catalog.Institution inst = Catalog.INSTITUTIONS.get(accountInstitution[a]);
		if (!inst.bank()) {
			return -1;
		}
		long bin = Long.parseLong(inst.bins()[(int) Math.floorMod(Rng.hash(seed, a, 13), inst.bins().length)]);
		long body = Math.floorMod(a * 2_654_435_761L + Rng.hash(seed, 0, 14) % 1_000_000_000_000L, 1_000_000_000_000L);
		long first18 = bin * 1_000_000_000_000L + body;
		return first18 * 10 + luhnDigit(first18);
	}

	public String cardNumber(int a) {
		long v = cardNumberValue(a);
		return v < 0 ? "" : Long.toString(v);
	}

	public String phone(int sim) {
		return Long.toString(simPhone[sim]);
	}

	public String operatorOf(int sim) {
		return PhoneNumber.parse(phone(sim)).operator().name();
	}

	public SimConfig config() {
		return config;
	}

	public int ageOf(int p) {
		return (startDay - birthDay[p]) / 365;
	}

	public Occupation occupationOf(int p) {
		return Occupation.values()[occupation[p]];
	}

	public RegionCode countyOf(int p) {
		return counties[county[p]];
	}

	/**
	 * Where the person spends the day: the school's district for students, else the home
	 * county.
	 */
	int activityCounty(int p) {
		return school[p] >= 0 ? schoolCounty[school[p]] : county[p];
	}

	public int accounts() {
		return accounts;
	}

	/**
	 * The name the bank has for the account's holder (merchants and employers by their
	 * business name).
	 */
	public String holderName(int account) {
		return switch (accountKind[account]) {
			case KIND_PERSONAL -> name(accountHolder[account]);
			case KIND_MERCHANT -> Catalog.MerchantCategory.values()[merchantCategory[accountHolder[account]]].name()
					+ "-" + accountHolder[account];
			default -> "EMPLOYER-" + account;
		};
	}

	public String institutionCode(int account) {
		return Catalog.INSTITUTIONS.get(accountInstitution[account]).code();
	}

	/** The holder (person index) of a personal account, or -1. */
	public int holderPerson(int account) {
		return accountKind[account] == KIND_PERSONAL ? accountHolder[account] : -1;
	}

	public long phoneOf(int person) {
		return simPhone[firstSim[person]];
	}

	public long openingBalance(int account) {
		return openingBalance[account];
	}

	public int sims() {
		return sims;
	}

	/** The person holding SIM {@code sim} (index into the persons). */
	public int simHolder(int sim) {
		return simHolder[sim];
	}

	/** The SIM's phone number as a number. */
	public long simPhone(int sim) {
		return simPhone[sim];
	}

	/** The SIM's activation day (days since 1970-01-01). */
	public int simActivationDay(int sim) {
		return simActivationDay[sim];
	}

	/** The IMEI of the handset the SIM is in. */
	public long simImei(int sim) {
		return simImei[sim];
	}

	/** The selling agent of the SIM ({@link #agentId}). */
	public int simAgent(int sim) {
		return simAgent[sim];
	}

	/** An agent's id as in sims.csv: {@code AG<county code>-<n>}. */
	public String agentId(int agent) {
		return "AG" + counties[agent / AGENTS_PER_COUNTY].value() + "-" + agent % AGENTS_PER_COUNTY;
	}

	public int counties() {
		return counties.length;
	}

}
