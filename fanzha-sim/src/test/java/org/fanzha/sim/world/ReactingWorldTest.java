package org.fanzha.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The reacting world against a platform whose decisions the test fixes: a gang stops
 * using a restricted SIM once its delay has passed and takes a spare, a stopped account
 * gets no more laundering money, a probing gang stays under the amount it saw held; and
 * the static world still streams what it streamed before reactions existed.
 */
class ReactingWorldTest {

	/**
	 * Digests of the tiny world (seeds 42 and 7) taken before the reacting world was
	 * written.
	 */
	static final String TINY_42 = "0fa60c434c60513ded1e4aa0fc365761e33dd429264bebaf25e272648d4d175e";

	static final String TINY_7 = "593e97a4299a1f860d73807466f76a664a2074e4592ea6966a7905835bf4eb9d";

	/**
	 * Reaction delays pinned to 10 minutes (no spread) so that the tests know when a gang
	 * must have reacted.
	 */
	static final Reactions PINNED = Reactions.REACTING.withDelays(10, 10, 0);

	static final long DELAY = 600;

	static String digest(SimConfig config, Countermeasures platform) {
		WorldDigest d = new WorldDigest();
		new Simulator(new World(config), platform).run(d);
		return d.hex();
	}

	@Test
	void theStaticWorldIsTheWorldOfBefore() {
		assertThat(digest(SimConfig.preset("tiny", 42), Countermeasures.NONE)).isEqualTo(TINY_42);
		assertThat(digest(SimConfig.preset("tiny", 7), Countermeasures.NONE)).isEqualTo(TINY_7);
		// a static world ignores whatever the platform decided
		assertThat(digest(SimConfig.preset("tiny", 42), everythingStoppedAt(0))).isEqualTo(TINY_42);
	}

	@Test
	void aReactingWorldIsTheSameForTheSameSeed() {
		SimConfig c = SimConfig.preset("tiny", 42).withWorld("reacting");
		World w = new World(c);
		Countermeasures platform = restrictAll(w, c.startEpochSecond() + 6 * 3_600);
		assertThat(digest(c, platform)).isEqualTo(digest(c, platform));
		assertThat(digest(c, platform)).isNotEqualTo(TINY_42);
		assertThat(digest(c.withReactions(Reactions.REACTING).withEvasive(false), platform))
			.isNotEqualTo(digest(SimConfig.preset("tiny", 7).withWorld("reacting"), platform));
	}

	@Test
	void aGangDoesNotCallFromARestrictedSimAfterItsDelay() {
		SimConfig c = SimConfig.preset("tiny", 42).withReactions(PINNED);
		World w = new World(c);
		long restricted = c.startEpochSecond() + 6 * 3_600;
		Set<Long> original = new HashSet<>();
		Set<Long> spares = new HashSet<>();
		for (Gangs.Gang g : w.gangs.all()) {
			for (int s : g.sims) {
				original.add(w.gangs.fraudPhone(s));
			}
			for (int s : g.spareSims) {
				spares.add(w.gangs.fraudPhone(s));
			}
		}
		List<long[]> late = new ArrayList<>();
		int[] fromSpares = new int[1];
		new Simulator(w, restrictAll(w, restricted)).run(new Listening() {

			void contact(long time, long from) {
				if (original.contains(from) && time >= restricted + DELAY) {
					late.add(new long[] { time, from });
				}
				if (spares.contains(from)) {
					fromSpares[0]++;
					assertThat(time).isGreaterThanOrEqualTo(restricted + DELAY);
				}
			}

			@Override
			public void call(long id, long time, long caller, long callee, int duration, boolean answered, int county,
					long imei) {
				contact(time, caller);
			}

			@Override
			public void sms(long id, long time, long sender, long receiver, int county) {
				contact(time, sender);
			}
		});
		assertThat(late).isEmpty();
		assertThat(fromSpares[0]).as("the gangs moved to their spare SIMs").isPositive();
	}

	@Test
	void aStoppedAccountReceivesNoMoreMuleTransfers() {
		SimConfig c = SimConfig.preset("tiny", 42).withReactions(PINNED);
		World w = new World(c);
		long stopped = c.startEpochSecond() + 12 * 3_600;
		Set<Integer> level1 = new HashSet<>();
		for (Gangs.Gang g : w.gangs.all()) {
			for (int a : g.levels[0]) {
				level1.add(a);
			}
			for (int a : g.levels[1]) {
				level1.add(a);
			}
		}
		long[] last = new long[2];
		int[] lastTo = new int[1];
		List<Long> late = new ArrayList<>();
		int[] before = new int[1];
		new Simulator(w, stopped(level1, stopped, Countermeasures.NEVER)).run(new Listening() {

			@Override
			public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
					int county) {
				last[0] = id;
				last[1] = time;
				lastTo[0] = to;
			}

			@Override
			public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
				if (transferId == last[0] && level1.contains(lastTo[0])) {
					if (last[1] >= stopped + DELAY) {
						late.add(transferId);
					}
					else {
						before[0]++;
					}
				}
			}
		});
		assertThat(before[0]).as("the accounts were in use before the stop").isPositive();
		assertThat(late).isEmpty();
	}

	@Test
	void aProbingGangStaysUnderTheAmountItSawHeld() {
		SimConfig c = SimConfig.preset("tiny", 42).withReactions(PINNED.withProbingShare(1.0));
		World w = new World(c);
		long start = c.startEpochSecond();
		long held = 3_000_00L;
		// one account of each gang had a 3,000 yuan transfer held at the start; the gangs
		// learn of it an hour later
		Set<Integer> probed = new HashSet<>();
		for (Gangs.Gang g : w.gangs.all()) {
			probed.add(g.levels[g.depth() - 1][0]);
		}
		long[] last = new long[3];
		int[] lastTo = new int[1];
		int[] layering = new int[1];
		List<Long> over = new ArrayList<>();
		new Simulator(w, stopped(probed, start, held)).run(new Listening() {

			@Override
			public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
					int county) {
				last[0] = id;
				last[1] = time;
				last[2] = amountFen;
				lastTo[0] = to;
			}

			@Override
			public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
				// mule to mule, after the gang has learnt (the hour after the hold plus
				// its delay)
				if (transferId == last[0] && level >= 2 && lastTo[0] >= 0 && w.isMule(lastTo[0])
						&& last[1] >= start + 2 * 3_600) {
					layering[0]++;
					if (last[2] > held * 0.9) {
						over.add(last[2]);
					}
				}
			}
		});
		assertThat(layering[0]).isPositive();
		assertThat(over).isEmpty();
	}

	@Test
	void aGangWhoseCasesWereLinkedRotatesItsAppsAndSites() {
		SimConfig c = SimConfig.preset("tiny", 42).withReactions(PINNED);
		World w = new World(c);
		Set<String> original = new HashSet<>();
		for (Gangs.Gang g : w.gangs.all()) {
			original.add(g.url);
			original.add(g.app);
			original.addAll(List.of(g.im));
		}
		long linked = c.startEpochSecond();
		List<CaseReport> rotated = new ArrayList<>();
		List<CaseReport> named = new ArrayList<>();
		new Simulator(w, new Countermeasures() {

			@Override
			public long linkedAt(long caseId) {
				return linked;
			}
		}).run(new Listening() {

			@Override
			public void caseReport(CaseReport report) {
				String app = report.suspectAppOrUrl();
				if (app != null) {
					named.add(report);
					if (!original.contains(app)) {
						rotated.add(report);
					}
				}
			}
		});
		assertThat(rotated).as("reports naming a rotated app or website").isNotEmpty();
		// a gang rotates only after one of its cases was reported (and so could be
		// linked) plus its delay
		long earliest = c.startEpochSecond() + 12 * 3_600;
		assertThat(rotated).allSatisfy(r -> assertThat(r.reportTime()).isGreaterThan(earliest));
		assertThat(named.size()).isGreaterThan(rotated.size());
	}

	@Test
	void rotatedAppsAndSitesAreTheGangsOwn() {
		World w = new World(SimConfig.preset("small", 42));
		Map<String, Integer> owner = new HashMap<>();
		for (Gangs.Gang g : w.gangs.all()) {
			for (int generation = 1; generation <= 6; generation++) {
				String[] id = Gangs.rotatedIdentity(42, g, generation);
				for (String name : new String[] { id[0], id[1] }) {
					Integer earlier = owner.putIfAbsent(name, g.id);
					assertThat(earlier == null || earlier == g.id)
						.as("%s named by gangs %s and %s", name, earlier, g.id)
						.isTrue();
				}
			}
			// the same gang and generation always gets the same names (no draw from the
			// world)
			assertThat(Gangs.rotatedIdentity(42, g, 3)).containsExactly(Gangs.rotatedIdentity(42, g, 3));
		}
	}

	/** A platform that restricted every SIM the gangs started with at {@code time}. */
	static Countermeasures restrictAll(World w, long time) {
		Set<Long> phones = new HashSet<>();
		for (Gangs.Gang g : w.gangs.all()) {
			for (int s : g.sims) {
				phones.add(w.gangs.fraudPhone(s));
			}
		}
		return new Countermeasures() {

			@Override
			public long restrictedAt(long phone) {
				return phones.contains(phone) ? time : NEVER;
			}
		};
	}

	/**
	 * A platform that stopped the accounts at {@code time}, having held a transfer of
	 * {@code amount}.
	 */
	static Countermeasures stopped(Set<Integer> accounts, long time, long amount) {
		return new Countermeasures() {

			@Override
			public long stoppedAt(int account) {
				return accounts.contains(account) ? time : NEVER;
			}

			@Override
			public long smallestHeldFen(int account) {
				return accounts.contains(account) ? amount : NEVER;
			}
		};
	}

	static Countermeasures everythingStoppedAt(long time) {
		return new Countermeasures() {

			@Override
			public long restrictedAt(long phone) {
				return time;
			}

			@Override
			public long stoppedAt(int account) {
				return time;
			}

			@Override
			public long smallestHeldFen(int account) {
				return 1;
			}

			@Override
			public long linkedAt(long caseId) {
				return time;
			}
		};
	}

	/** A sink that ignores what a test does not look at. */
	abstract static class Listening implements EventSink {

		@Override
		public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
				int county) {
		}

		@Override
		public void call(long id, long time, long caller, long callee, int duration, boolean answered, int county,
				long imei) {
		}

		@Override
		public void sms(long id, long time, long sender, long receiver, int county) {
		}

	}

}
