package org.fanzha.sim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The world's statistics against its calibration (docs/simulator.md), with the tolerances
 * stated here. A world of 60,000 persons over 4 days with the fraud rate raised gives
 * about 1,500 victims, enough for shares to be meaningful.
 */
class CalibrationTest {

	static final class Stats implements EventSink {

		World world;

		long ordinaryTransfers;

		final Map<Long, Long> paymentTime = new HashMap<>();

		final Map<Long, Integer> chainDepth = new HashMap<>();

		final List<Long> reportDelays = new ArrayList<>();

		final List<VictimRecord> victims = new ArrayList<>();

		long calls;

		long launderingTransfers;

		final Set<Long> fraudPhones = new HashSet<>();

		long fraudCalls;

		@Override
		public void begin(World w) {
			world = w;
			for (int s = 0; s < w.gangs.fraudSims(); s++) {
				fraudPhones.add(w.gangs.fraudPhone[s]);
			}
		}

		@Override
		public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
				int county) {
			paymentTime.put(id, time);
			boolean fraudAccount = world.isMule(from) || (to >= 0 && world.isMule(to));
			if (!fraudAccount) {
				ordinaryTransfers++;
			}
		}

		@Override
		public void call(long id, long time, long caller, long callee, int d, boolean answered, int county, long imei) {
			if (fraudPhones.contains(caller)) {
				fraudCalls++;
			}
			else {
				calls++;
			}
		}

		@Override
		public void sms(long id, long time, long sender, long receiver, int county) {
		}

		@Override
		public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
			launderingTransfers++;
			chainDepth.merge(chainId, level, Math::max);
			if (level > 1) {
				paymentTime.remove(transferId);
			}
		}

		@Override
		public void caseReport(CaseReport report) {
			long last = Arrays.stream(report.reportedTransfers()).map(paymentTime::get).max().orElseThrow();
			reportDelays.add(report.reportTime() - last);
		}

		@Override
		public void victim(VictimRecord v) {
			victims.add(v);
		}

	}

	static Stats normal;

	static Stats evasive;

	static SimConfig config(boolean evasive) {
		return SimConfig.preset("small", 7).withSize(60_000, 4).withFraud(20, 6_000).withEvasive(evasive);
	}

	@BeforeAll
	static void simulate() {
		normal = new Stats();
		new Simulator(new World(config(false))).run(normal);
		evasive = new Stats();
		new Simulator(new World(config(true))).run(evasive);
	}

	@Test
	void fraudTypeSharesFollowTheMpsFigures() {
		Map<FraudType, Integer> count = new EnumMap<>(FraudType.class);
		normal.victims.forEach(v -> count.merge(v.type(), 1, Integer::sum));
		double n = normal.victims.size();
		assertThat(n).isGreaterThan(800);
		// task/rebate about one third of cases (DOMAIN §5): ±0.05
		assertThat(count.get(FraudType.TASK_REBATE) / n).isCloseTo(0.33, within(0.05));
		// the five main types close to 90 %: ±0.04
		double five = (count.get(FraudType.TASK_REBATE) + count.get(FraudType.INVESTMENT) + count.get(FraudType.LOAN)
				+ count.get(FraudType.CUSTOMER_SERVICE) + count.get(FraudType.FAKE_POLICE)) / n;
		assertThat(five).isCloseTo(0.88, within(0.04));
		// victims aged 18-40 are the majority
		long young = normal.victims.stream().filter(v -> normal.world.population.ageOf(v.person()) <= 40).count();
		assertThat(young / n).isGreaterThan(0.5);
	}

	@Test
	void investmentCausesTheLargestLosses() {
		Map<FraudType, Long> money = new EnumMap<>(FraudType.class);
		normal.victims.forEach(v -> money.merge(v.type(), v.lossFen(), Long::sum));
		long total = money.values().stream().mapToLong(Long::longValue).sum();
		FraudType largest = money.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		// about one third of the money in the calibration; within a 4-day window
		// multi-day cons are cut short
		assertThat(largest).isIn(FraudType.INVESTMENT, FraudType.FAKE_POLICE);
		assertThat(money.get(FraudType.INVESTMENT) / (double) total).isBetween(0.15, 0.5);
	}

	@Test
	void reportDelaysHaveALongTailAndSomeVictimsNeverReport() {
		long[] d = normal.reportDelays.stream().mapToLong(Long::longValue).sorted().toArray();
		assertThat(d.length).isGreaterThan(300);
		double median = d[d.length / 2] / 60.0;
		double p90 = d[d.length * 9 / 10] / 60.0;
		// log-normal, median 180 min, sigma 1.4: p90/median = e^(1.28*1.4) = 6.0;
		// tolerance ±30 %
		assertThat(median).isCloseTo(180, within(55.0));
		assertThat(p90 / median).isBetween(4.0, 8.5);
		double reporting = normal.victims.stream().filter(VictimRecord::reports).count()
				/ (double) normal.victims.size();
		assertThat(reporting).isCloseTo(0.7, within(0.05));
	}

	@Test
	void launderingGoesTwoToSixLevelsDeepAndDeeperWhenEvasive() {
		double normalDepth = normal.chainDepth.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
		double evasiveDepth = evasive.chainDepth.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
		// level = mule level reached, depth+1 for the cash-out step; chains still in
		// flight at the end are shorter
		assertThat(normal.chainDepth.values()).allSatisfy(l -> assertThat(l).isBetween(1, 7));
		assertThat(normal.chainDepth.values().stream().filter(l -> l >= 3).count())
			.isGreaterThan(normal.chainDepth.size() / 2);
		assertThat(evasiveDepth).isGreaterThan(normalDepth + 0.5);
	}

	@Test
	void muleShareOfAccountsIsSmallButPresent() {
		int mules = normal.world.gangs.mules();
		double share = mules / (double) normal.world.population.accounts();
		// 20 gangs of 20-90 mule accounts among ~180,000 accounts: 0.2 %-1.0 %
		// (assumption, scaled like the fraud rate)
		assertThat(share).isBetween(0.002, 0.01);
	}

	@Test
	void ordinaryTrafficPerPersonMatchesTheAssumedRates() {
		double perPersonDay = normal.ordinaryTransfers / 60_000.0 / 4;
		// 0.8 POS + 0.7 online + 0.05 bills + 0.15 to contacts + 0.04 ATM + about 0.02
		// salaries = 1.76 ±5 %
		assertThat(perPersonDay).isCloseTo(1.76, within(0.09));
		assertThat(normal.calls / 60_000.0 / 4).isCloseTo(2.0, within(0.1));
		// fraud SIMs call far more people than they convert: at least 30 contacts per
		// victim on average
		assertThat(normal.fraudCalls).isGreaterThan(30L * normal.victims.size());
	}

}
