package org.fanzha.sim.evaluate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fanzha.engine.linking.CaseLinker;
import org.fanzha.engine.linking.IdentifierKind;
import org.fanzha.engine.linking.Linking;
import org.fanzha.engine.linking.WholeChain;
import org.fanzha.sim.world.CaseReport;
import org.fanzha.sim.world.EventSink;
import org.fanzha.sim.world.Gangs;
import org.fanzha.sim.world.Population;
import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.TransferChannel;
import org.fanzha.sim.world.VictimRecord;
import org.fanzha.sim.world.World;

/**
 * Case linking (串并案) measured on a simulated province: every victim's report becomes a
 * case naming what the victim can name — the payee accounts of the reported payments
 * (fund accounts, taken from the transfers as the bank reports them), the numbers that
 * called or texted, the app or website, the IM account — plus the payee's bank as a weak
 * identifier, so that the guard has something common to hold back. {@link CaseLinker}
 * links the cases; the groups are compared with the truth, the gang behind each case's
 * victim ({@link VictimRecord#gang()}).
 *
 * <p>
 * Figures: adjusted Rand index (Hubert and Arabie 1985) between linked groups and gangs;
 * pairwise precision (of the case pairs put in one group, the share with one gang) and
 * recall (of the pairs with one gang, the share put in one group); groups; and the time
 * to intern and link all cases. The same with merge grounds only (leads unlinked), and
 * with no guard at all (every kind, the bank included, links whatever its frequency) to
 * show what the guard is for.
 *
 * <p>
 * The largest linked group is also shown as a {@link WholeChain}, built from the ground
 * truth as an investigation would find it: the numbers that called (callers, named by
 * number), the complicit sales agents that sold the gang's real-name SIMs (one act per
 * SIM), the holders of the mule accounts that received the group's money by level (and,
 * for sold or freshly opened accounts, as card sellers), and the withdrawals and merchant
 * payments that left the mule chain (cash-out), each with its amount.
 *
 * <p>
 * Only the victims' payments' payees are remembered from the transfer stream (the
 * laundering callback marks a victim's payment); the reports name exactly those
 * transfers, so this saves memory without telling the linker anything a bank would not.
 */
public final class LinkingEvaluation {

	/** Agreement of a partition with the truth. */
	public record Agreement(int groups, int linkedGroups, double adjustedRandIndex, double pairPrecision,
			double pairRecall) {
	}

	/** A guarded identifier shown in the text output: kind, value, cases naming it. */
	public record Guarded(IdentifierKind kind, String identifier, int cases) {
	}

	/** One role line of the largest group's whole chain. */
	public record RoleSummary(String role, int level, int suspects, int acts, long amountFen) {
	}

	/**
	 * The whole chain of the largest linked group: its cases and loss, the merge grounds,
	 * the role lines, the suspects, how many reach a fraud-amount threshold and how many
	 * helpers reach the 帮信 "serious" thresholds.
	 */
	public record Chain(int cases, int gangs, long lossFen, List<String> grounds, boolean mergeableAsWhole,
			List<RoleSummary> roles, int suspects, int overFraudThreshold, int helpersSerious) {
	}

	public record Report(String preset, long seed, boolean evasive, int cases, int gangs, int identifiers,
			int incidences, Agreement linked, int guardedIdentifiers, List<Guarded> topGuarded, double linkMillis,
			Agreement mergeGroundsOnly, Agreement noGuard, Chain largestGroup) {
	}

	private LinkingEvaluation() {
	}

	public static Report run(SimConfig config) {
		return run(config, CaseLinker.Options.DEFAULTS);
	}

	/**
	 * With the linker's options of one's own (the merge-grounds-only and no-guard runs
	 * keep their meaning).
	 */
	public static Report run(SimConfig config, CaseLinker.Options options) {
		if (options == null) {
			throw new IllegalArgumentException("options are required");
		}
		World world = new World(config);
		Collector c = new Collector(world);
		PlatformLoop.simulate(world, c);
		return c.report(config, options);
	}

	/**
	 * Agreement of predicted labels with true labels over the same items (both dense or
	 * not; any ints).
	 */
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
		double ari = max == expected ? (sumA == sumB && both == sumA ? 1.0 : 0.0)
				: (both - expected) / (max - expected);
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

		private final World world;

		private long lastTransfer = -1;

		private int lastPayee = -1;

		private int lastPayer = -1;

		private long lastAmount;

		private long lastTime;

		private TransferChannel lastChannel;

		// laundering transfers: payer, payee (-1: left the banks), amount, time, the
		// victim's payment they carry
		private int ln;

		private int[] lFrom = new int[1_024];

		private int[] lTo = new int[1_024];

		private long[] lAmount = new long[1_024];

		private long[] lTime = new long[1_024];

		private long[] lVictimTransfer = new long[1_024];

		private long[] lId = new long[1_024];

		private byte[] lChannel = new byte[1_024];

		private final Map<Long, Integer> payee = new HashMap<>();

		private final List<CaseReport> reports = new ArrayList<>();

		private final Map<Long, Integer> gangOfCase = new HashMap<>();

		Collector(World world) {
			this.world = world;
			this.pop = world.population;
		}

		@Override
		public void transfer(long id, long time, int from, int to, long amountFen, TransferChannel channel,
				int county) {
			lastTransfer = id;
			lastPayee = to;
			lastPayer = from;
			lastAmount = amountFen;
			lastTime = time;
			lastChannel = channel;
		}

		@Override
		public void laundering(long transferId, long chainId, int gang, int level, long victimTransferId) {
			if (transferId != lastTransfer) {
				return;
			}
			if (transferId == victimTransferId && lastPayee >= 0) {
				payee.put(transferId, lastPayee);
			}
			if (ln == lFrom.length) {
				int m = ln * 2;
				lFrom = Arrays.copyOf(lFrom, m);
				lTo = Arrays.copyOf(lTo, m);
				lAmount = Arrays.copyOf(lAmount, m);
				lTime = Arrays.copyOf(lTime, m);
				lVictimTransfer = Arrays.copyOf(lVictimTransfer, m);
				lId = Arrays.copyOf(lId, m);
				lChannel = Arrays.copyOf(lChannel, m);
			}
			lFrom[ln] = lastPayer;
			lTo[ln] = lastPayee;
			lAmount[ln] = lastAmount;
			lTime[ln] = lastTime;
			lVictimTransfer[ln] = victimTransferId;
			lId[ln] = transferId;
			lChannel[ln++] = (byte) lastChannel.ordinal();
		}

		@Override
		public void call(long id, long time, long caller, long callee, int durationSeconds, boolean answered,
				int county, long imei) {
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
			// warm-up on the same input so that the timed run measures the linker, not
			// class loading and the JIT
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
					linker.incidences(), linked, linking.guardedIdentifiers(), List.copyOf(top), millis, strict,
					unguarded, chain(linking, truth));
		}

		/**
		 * The whole chain of the largest group of several cases, or null when no case is
		 * linked.
		 */
		private Chain chain(Linking linking, int[] truth) {
			int best = -1;
			for (int g = 0; g < linking.groupCount(); g++) {
				if (linking.size(g) > 1 && (best < 0 || linking.size(g) > linking.size(best))) {
					best = g;
				}
			}
			if (best < 0) {
				return null;
			}
			int[] members = linking.cases(best);
			List<WholeChain.CaseLoss> cases = new ArrayList<>();
			List<WholeChain.Act> acts = new ArrayList<>();
			Map<Long, Long> caseOfPayment = new HashMap<>();
			Set<Integer> gangs = new HashSet<>();
			Map<Long, Integer> fraudSim = new HashMap<>();
			for (int s = 0; s < world.gangs.fraudSims(); s++) {
				fraudSim.put(world.gangs.fraudPhone(s), s);
			}
			Set<Long> phonesSeen = new HashSet<>();
			for (int c : members) {
				CaseReport r = reports.get(c);
				gangs.add(truth[c]);
				Instant when = Instant.ofEpochSecond(r.reportTime());
				cases.add(new WholeChain.CaseLoss(r.caseId(), r.lossFen(), when));
				for (long t : r.reportedTransfers()) {
					caseOfPayment.put(t, r.caseId());
				}
				// the caller as the victim knows them: by number, else by IM account or
				// platform
				if (r.suspectPhones().length > 0) {
					for (long p : r.suspectPhones()) {
						acts.add(new WholeChain.Act("主叫 " + p, WholeChain.Role.CALLER, 0, r.caseId(), 0, when,
								"报案所述来电/短信号码 " + p));
						Integer sim = fraudSim.get(p);
						if (sim != null && phonesSeen.add(p)
								&& world.gangs.fraudSource(sim) == Gangs.SimSource.BOUGHT) {
							acts.add(new WholeChain.Act("代理商 " + pop.agentId(world.gangs.fraudAgent(sim)),
									WholeChain.Role.SIM_SELLER, 0, -1, 0,
									Instant.ofEpochSecond(world.gangs.fraudActivationDay(sim) * 86_400L), "实名登记 " + p));
						}
					}
				}
				else {
					String who = r.suspectIm() != null ? r.suspectIm()
							: r.suspectAppOrUrl() != null ? r.suspectAppOrUrl() : "未知";
					acts.add(new WholeChain.Act("聊天/平台 " + who, WholeChain.Role.CALLER, 0, r.caseId(), 0, when,
							"报案所述 " + who));
				}
			}
			Set<Integer> cardSold = new HashSet<>();
			TransferChannel[] channels = TransferChannel.values();
			for (int i = 0; i < ln; i++) {
				Long caseId = caseOfPayment.get(lVictimTransfer[i]);
				if (caseId == null) {
					continue;
				}
				Instant when = Instant.ofEpochSecond(lTime[i]);
				int to = lTo[i];
				if (to >= 0 && world.isMule(to)) {
					String holder = holder(to);
					acts.add(new WholeChain.Act(holder, WholeChain.Role.MULE, world.muleLevel(to), caseId, lAmount[i],
							when, "流水 " + lId[i] + " 入账 " + masked(to)));
					Gangs.MuleKind kind = world.muleKind(to);
					if ((kind == Gangs.MuleKind.SOLD || kind == Gangs.MuleKind.FRESH) && cardSold.add(to)) {
						acts.add(new WholeChain.Act(holder, WholeChain.Role.CARD_SELLER, 0, -1, 0, when,
								"出售银行卡 " + masked(to)));
					}
				}
				else if (lFrom[i] >= 0 && world.isMule(lFrom[i])) {
					acts.add(new WholeChain.Act(holder(lFrom[i]), WholeChain.Role.CASH_OUT, 0, caseId, lAmount[i], when,
							channels[lChannel[i]] + (to >= 0 ? " → " + pop.holderName(to) : "") + "，流水 " + lId[i]));
				}
			}
			WholeChain.View v = new WholeChain().of(cases, acts, Map.of());
			List<RoleSummary> roles = new ArrayList<>();
			for (WholeChain.RoleLine l : v.roles()) {
				roles
					.add(new RoleSummary(l.role().name(), l.muleLevel(), l.suspects().size(), l.acts(), l.amountFen()));
			}
			int over = 0;
			int serious = 0;
			for (WholeChain.Suspect s : v.suspects()) {
				over += s.fraud().criminal() ? 1 : 0;
				serious += s.helping() != null && s.helping().serious() ? 1 : 0;
			}
			List<String> grounds = new ArrayList<>();
			linking.grounds(best).forEach(g -> grounds.add(g.name()));
			return new Chain(members.length, gangs.size(), v.lossFen(), List.copyOf(grounds),
					linking.mergeableAsWhole(best), List.copyOf(roles), v.suspects().size(), over, serious);
		}

		/**
		 * A mule account's holder as a suspect: name and the card's last four digits
		 * (names repeat).
		 */
		private String holder(int account) {
			return pop.holderName(account) + "·" + masked(account);
		}

		private String masked(int account) {
			String card = pop.cardNumber(account);
			return card.isEmpty() ? pop.institutionCode(account) + "-" + account
					: "****" + card.substring(card.length() - 4);
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
