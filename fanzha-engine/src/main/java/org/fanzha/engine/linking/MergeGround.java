package org.fanzha.engine.linking;

/*
 * The grounds on which linked cases may be merged for handling (并案处理), DOMAIN.md §3 "Criminal law": one person
 * committing several crimes, joint crimes, and crimes directly linked — including use of the same website, chat group,
 * fund account or den (Opinion (II) 2021 art. 2, recalled in DOMAIN.md, not verified against the text). An identifier
 * shared by cases that is not one of these (a phone, a handset, an app, an IM account) is an investigative lead only.
 */
/** Why linked cases may be merged (Opinion (II) art. 2, as recalled in DOMAIN.md §3). */
public enum MergeGround {

	/** 同一网站: the cases used the same fraud website (URL or domain). */
	SAME_WEBSITE("使用同一网站"),
	/** 同一聊天群组. */
	SAME_CHAT_GROUP("使用同一聊天群组"),
	/** 同一资金账户: the victims' money went to the same account. */
	SAME_FUND_ACCOUNT("使用同一资金账户"),
	/**
	 * 同一窝点: the same den; a fixed cash-out place is read as the den where the money was
	 * handled.
	 */
	SAME_DEN("使用同一作案窝点"),
	/** 一人犯数罪: the same suspect in several cases. */
	ONE_PERSON_SEVERAL_CRIMES("一人犯数罪"),
	/**
	 * 共同犯罪: suspects named together in one case who also appear in other cases of the
	 * group.
	 */
	JOINT_CRIME("共同犯罪");

	private final String text;

	MergeGround(String text) {
		this.text = text;
	}

	/** The ground in Chinese, as a case file would state it. */
	public String text() {
		return text;
	}

}
