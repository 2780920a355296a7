package org.fanzha.stream;

import java.util.List;
import java.util.stream.IntStream;

import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.monitor.RuleEngine;
import org.fanzha.engine.monitor.RuleSet;
import org.fanzha.engine.monitor.TransferMonitor;

/**
 * Scores a transfer once both sides' features are in: merges the payer's and the payee's
 * slots into one vector, adds the transfer's own (amount, hour) and scores it with the
 * monitor's {@link RuleEngine} (the same rules, the same guard settings as
 * {@link TransferMonitor}). The payer's device count is 0 (transfers without a device, as
 * {@link TransferMonitor#decide(int, int, long, long)}); there is no learned model. One
 * per operator instance; the vector and the verdict are reused.
 */
public final class Decider {

	private static final int[] PAYER = slots("payer.");

	private static final int DEVICE = RuleSet.FEATURES.indexOf("payer.accountsOnDevice");

	private static final int MODEL = RuleSet.FEATURES.indexOf("model");

	private final RuleEngine engine;

	private final double[] v = AccountLogic.vector();

	private final RuleEngine.Verdict verdict = new RuleEngine.Verdict();

	public Decider(RuleSet rules) {
		this.engine = new RuleEngine(rules, TransferMonitor.GUARD_CAP, TransferMonitor.GUARD_BLOCK);
	}

	public static Decider withDefaultRules() {
		return new Decider(RuleSet.parse(TransferMonitor.DEFAULT_RULES));
	}

	private static int[] slots(String prefix) {
		List<String> f = RuleSet.FEATURES;
		return IntStream.range(0, f.size()).filter(i -> f.get(i).startsWith(prefix)).toArray();
	}

	/** Decides from the payer's half and the payee's ({@code null}: cash). */
	public DecisionMessage decide(Half payer, Half payee) {
		if (payee != null) {
			System.arraycopy(payee.features, 0, v, 0, v.length);
		}
		else {
			AccountLogic.cashPayee(v);
		}
		for (int i : PAYER) {
			v[i] = payer.features[i];
		}
		TransferMonitor.transferSide(payer.amountFen, payer.time, v);
		v[DEVICE] = 0;
		v[MODEL] = 0;
		engine.score(v, verdict);
		DecisionMessage d = new DecisionMessage();
		d.bank = payer.bank;
		d.fromAccount = payer.fromAccount;
		d.transferId = payer.transferId;
		d.toAccount = payer.toAccount;
		d.time = payer.time;
		d.action = verdict.action.name();
		d.holdUntil = verdict.action == Action.DELAY ? payer.time + verdict.holdSeconds : 0;
		d.matched = verdict.matched;
		d.acted = verdict.acted;
		d.ruleVersion = engine.rules().version();
		d.producedAt = payer.producedAt;
		return d;
	}

	public RuleSet rules() {
		return engine.rules();
	}

}
