package org.fanzha.sim.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fanzha.engine.linking.CaseLinker;
import org.fanzha.engine.linking.IdentifierKind;
import org.fanzha.engine.linking.Linking;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.Population;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.VictimRecord;
import org.fanzha.sim.world.World;

/**
 * Case linking (串并案) measured on a simulated province: every victim's report becomes a case naming what the victim
 * can name — the payee accounts of the reported payments (fund accounts, taken from the transfers as the bank reports
 * them), the numbers that called or texted, the app or website, the IM account — plus the payee's bank as a weak
 * identifier, so that the guard has something common to hold back. {@link CaseLinker} links the cases; the groups are
 * compared with the truth, the gang behind each case's victim ({@link VictimRecord#gang()}).
 *
 * <p>Figures: adjusted Rand index (Hubert and Arabie 1985) between linked groups and gangs; pairwise precision (of
 * the case pairs put in one group, the share with one gang) and recall (of the pairs with one gang, the share put in one
 * group); groups; and the time to intern and link all cases. The same with merge grounds only (leads unlinked), and
 * with no guard at all (every kind, the bank included, links whatever its frequency) to show what the guard is for.
 *
 * <p>Only the victims' payments' payees are remembered from the transfer stream (the laundering callback marks a
 * victim's payment); the reports name exactly those transfers, so this saves memory without telling the linker anything
 * a bank would not.
 */
public final class LinkingEvaluation {

	/** Agreement of a partition with the truth. */
	public record Agreement(int groups, int linkedGroups, double adjustedRandIndex, double pairPrecision,
			double pairRecall) {
	}

	/** A guarded identifier shown in the text output: kind, value, cases naming it. */
	public record Guarded(IdentifierKind kind, String identifier, int cases) {
	}

	public record Report(String preset, long seed, boolean evasive, int cases, int gangs, int identifiers,
			int incidences, Agreement linked, int guardedIdentifiers, List<Guarded> topGuarded, double linkMillis,
			Agreement mergeGroundsOnly, Agreement noGuard) {
	}

	private LinkingEvaluation() {
	}

	public static Report run(SimConfig config) {
		return run(config, CaseLinker.Options.DEFAULTS);
	}

	/** With the linker's options of one's own (the merge-grounds-only and no-guard runs keep their meaning). */
	public static Report run(SimConfig config, CaseLinker.Options options) {
		if (options == null) {
			throw new IllegalArgumentException("options are required");
		}
		World world = new World(config);
		Collector c = new Collector(world.population);
		new Simulator(world).run(c);
		return c.report(config, options);
	}

	/** Agreement of predicted labels with true labels over the same items (both dense or not; any ints). */
	public static Agreement agreement(int[] predicted, int[] truth) {
		if (predicted.length != truth.length) {
			throw new IllegalArgumentException("labels of different lengths");
		}
		int n = predicted.length;
		Map<Integer, Integer> a = new HashMap<>();
		Map<Integer, Integer> b = new HashMap<>();
		Map<Long, Integer> cell = new HashMap<>();
		for (int i = 0; i < n; i++) {
			a.merge(predicted[i], 1, Integer::sum);
			b.merge(truth[i], 1, Integer::sum);
			cell.merge(((long) predicted[i] << 32) | (truth[i] & 0xFFFFFFFFL), 1, Integer::sum);
		}
		double sumA = pairs(a.values());
		double sumB = pairs(b.values());
		double both = pairs(cell.values());
		double all = n * (n - 1) / 2.0;
		double expected = all == 0 ? 0 : sumA * sumB / all;
		double max = (sumA + sumB) / 2;
		double ari = max == expected ? (sumA == sumB && both == sumA ? 1.0 : 0.0) : (both - expected) / (max - expected);
		int linked = 0;
		for (int s : a.values()) {
			linked += s > 1 ? 1 : 0;
		}
		return new Agreement(a.size(), linked, ari, sumA == 0 ? 1.0 : both / sumA, sumB == 0 ? 1.0 : both / sumB);
	}

	private static double pairs(Iterable<Integer> sizes) {
		double s = 0;
		for (int x : sizes) {
			s += x * (x - 1) / 2.0;
		}
		return s;
	}

	/** Payees of victims' payments, the reports, and the victims' gangs. */
	private static final class Collector implements EventSink {

		private final Population pop;

		private long lastTransfer = -1;

		private int lastPayee = -1;

		private final Map<Long, Integer> payee = new HashMap<>();

		private final List<CaseReport> reports = new ArrayList<>();

		private final Map<Long, Integer> gangOfCase = new HashMap<>();

		Collector(Population pop) {
			this.pop = pop;
		}

		@Override
		public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel, int county) {
			lastTransfer = id;
			lastPayee = to;
		}

		@Override
		public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
			if (transferId == victimTransferId && transferId == lastTransfer && lastPayee >= 0) {
				payee.put(transferId, lastPayee);
			}
		}

		@Override
		public void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered, int county,
				long imei) {
		}

		@Override
		public void sms(long id, long time, long sender, long receiver, int county) {
		}

		@Override
		public void caseReport(CaseReport report) {
			reports.add(report);
		}

		@Override
		public void victim(VictimRecord victim) {
			if (victim.caseId() >= 0) {
				gangOfCase.put(victim.caseId(), victim.gang());
			}
		}

		Report report(SimConfig config, CaseLinker.Options options) {
			int n = reports.size();
			int[] truth = new int[n];
			Set<Integer> gangs = new HashSet<>();
			for (int i = 0; i < n; i++) {
				Integer g = gangOfCase.get(reports.get(i).caseId());
				if (g == null) {
					throw new IllegalStateException("no victim record for case " + reports.get(i).caseId());
				}
				truth[i] = g;
				gangs.add(g);
			}
			// warm-up on the same input so that the timed run measures the linker, not class loading and the JIT
			build(options).link();
			long t0 = System.nanoTime();
			CaseLinker linker = build(options);
			Linking linking = linker.link();
			double millis = (System.nanoTime() - t0) / 1e6;
			Agreement linked = agreement(groups(linking), truth);
			List<Guarded> top = new ArrayList<>();
			for (Linking.Evidence e : linking.guarded(5)) {
				top.add(new Guarded(e.kind(), e.identifier(), e.cases().length));
			}
			Agreement strict = agreement(groups(build(options.withMergeGroundsOnly(true)).link()), truth);
			CaseLinker.Options none = CaseLinker.Options.DEFAULTS.withMaxCases(Integer.MAX_VALUE / 2);
			for (IdentifierKind k : IdentifierKind.values()) {
				none = none.withWeight(k, 1.0);
			}
			Agreement unguarded = agreement(groups(build(none).link()), truth);
			return new Report(config.preset(), config.seed(), config.evasive(), n, gangs.size(), linker.identifiers(),
					linker.incidences(), linked, linking.guardedIdentifiers(), List.copyOf(top), millis, strict, unguarded);
		}

		private CaseLinker build(CaseLinker.Options options) {
			CaseLinker l = new CaseLinker(options);
			for (int i = 0; i < reports.size(); i++) {
				CaseReport r = reports.get(i);
				l.addCase(i);
				for (long t : r.reportedTransfers()) {
					Integer a = payee.get(t);
					if (a == null) {
						continue;
					}
					String card = pop.cardNumber(a);
					l.add(i, IdentifierKind.FUND_ACCOUNT, card.isEmpty() ? pop.institutionCode(a) + ":" + a : card);
					l.add(i, IdentifierKind.BANK, pop.institutionCode(a));
				}
				for (long p : r.suspectPhones()) {
					l.add(i, IdentifierKind.PHONE, Long.toString(p));
				}
				String site = r.suspectAppOrUrl();
				if (site != null) {
					l.add(i, site.startsWith("http") ? IdentifierKind.WEBSITE : IdentifierKind.APP, site);
				}
				if (r.suspectIm() != null) {
					l.add(i, IdentifierKind.IM_ACCOUNT, r.suspectIm());
				}
			}
			return l;
		}

		private static int[] groups(Linking linking) {
			int[] g = new int[linking.cases()];
			for (int c = 0; c < g.length; c++) {
				g[c] = linking.groupOf(c);
			}
			return g;
		}
	}
}
