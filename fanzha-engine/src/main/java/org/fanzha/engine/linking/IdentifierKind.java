package org.fanzha.engine.linking;

/*
 * The kinds of identifier a case report or an investigation yields, each with a weight in [0, 1] and the merge ground
 * that sharing it establishes (null: an investigative lead only). The weight scales the frequency guard of
 * CaseLinker: an identifier of kind k links its cases only while it appears in at most floor(maxCases × weight(k))
 * cases, so a weight of 0 never links (a bank is shared by unrelated cases all the time) and a weaker kind (a phone
 * number, which is recycled, spoofed and sold on) is cut off sooner than a fund account. The weights are assumptions,
 * overridable per run (CaseLinker.Options.withWeight).
 */
/**
 * What an identifier is, how specific it is, and which merge ground sharing it
 * establishes.
 */
public enum IdentifierKind {

	/** Bank card or payment account that received victims' money. */
	FUND_ACCOUNT(1.0, MergeGround.SAME_FUND_ACCOUNT),
	/** Fraud website, URL or domain. */
	WEBSITE(1.0, MergeGround.SAME_WEBSITE),
	/** Chat group the victim was pulled into. */
	CHAT_GROUP(1.0, MergeGround.SAME_CHAT_GROUP),
	/** The gang's den (premises). */
	DEN(1.0, MergeGround.SAME_DEN),
	/** Fixed cash-out point: ATM site, colluding POS merchant, gold shop, OTC desk. */
	CASH_OUT_POINT(1.0, MergeGround.SAME_DEN),
	/** A suspect identified by ID number or name. */
	SUSPECT(1.0, MergeGround.ONE_PERSON_SEVERAL_CRIMES),
	/** Phone number that called or texted the victim. */
	PHONE(0.5, null),
	/** Handset (IMEI), SIM box included. */
	DEVICE(0.5, null),
	/** App the victim was sent to. */
	APP(0.5, null),
	/** IM account (QQ, WeChat) the victim chatted with. */
	IM_ACCOUNT(0.5, null),
	/**
	 * The bank or payment institution of a payee: evidence only, shared far too widely to
	 * link.
	 */
	BANK(0.0, null);

	private final double weight;

	private final MergeGround ground;

	IdentifierKind(double weight, MergeGround ground) {
		this.weight = weight;
		this.ground = ground;
	}

	/** The default weight in [0, 1]. */
	public double weight() {
		return weight;
	}

	/** The merge ground sharing it establishes, or null for a lead. */
	public MergeGround ground() {
		return ground;
	}

	static final IdentifierKind[] VALUES = values();

}
