package org.fanzha.stream;

/**
 * The job's answer to one transfer, written to {@code decisions} (schema
 * decisions.v1.json) keyed by the payer. {@link #matched} and {@link #acted} are the rule
 * bits of {@link org.fanzha.engine.monitor.RuleEngine.Verdict} (rule index order of the
 * rule set), kept for comparisons. A Flink POJO.
 */
public class DecisionMessage {

	public String bank;

	public String fromAccount;

	public String transferId;

	/** The payee; null for cash. */
	public String toAccount;

	/** The transfer's time, epoch seconds. */
	public long time;

	public String action;

	/** Epoch seconds until which the payment is held; 0 when not held. */
	public long holdUntil;

	public long matched;

	public long acted;

	public int ruleVersion;

	public long producedAt;

	/** The {@code decisions} message. */
	public String json;

	public DecisionMessage() {
	}

}
