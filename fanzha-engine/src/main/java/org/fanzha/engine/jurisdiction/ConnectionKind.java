package org.fanzha.engine.jurisdiction;

import static org.fanzha.engine.jurisdiction.LegalSource.OPINION_2016;
import static org.fanzha.engine.jurisdiction.LegalSource.OPINION_II_2021;

/*
 * The kinds of connection point (连接点) that make a police unit competent in a telecom-fraud case, each with
 * its Chinese label, the legal basis in words and the citation.
 *
 * 2016 Opinion (法发〔2016〕32号, secondary) 五、（一）: a telecom-fraud case is investigated by the police of the
 * crime location (犯罪地); the police of the suspect's residence may take it where that is more suitable. The
 * crime location is where the act happened (犯罪行为发生地: the fraud website's server, its builder or manager,
 * the attacked computer system or its manager, the systems used by suspect or victim, where fraud calls, SMS
 * and e-mail were made, sent, arrived, were received, and where the continuing act was carried out, prepared,
 * started, passed through, ended) and where its result happened (犯罪结果发生地: where the victim was when
 * defrauded, where the money was actually obtained, hidden, moved, used, sold).
 * 2021 Opinion (II) (法发〔2021〕22号, recalled) 第一条 adds: where SIM/data/IoT cards and bank cards used for the
 * crime were opened, sold, moved or hidden; where IM and advertising messages were sent, received or arrived;
 * where SIM boxes (猫池, GOIP, 多卡宝) were sold, connected or hidden; where internet accounts were sold or
 * logged in. Withdrawal of cash is not named separately: it is where the money was obtained and moved.
 */
public enum ConnectionKind {

	WEBSITE_SERVER("诈骗网站服务器所在地", "用于电信网络诈骗犯罪的网站服务器所在地属于犯罪行为发生地", Competence.CRIME_ACT, OPINION_2016.at("五、（一）")),
	WEBSITE_OPERATOR("网站建立者、管理者所在地", "网站建立者、管理者所在地属于犯罪行为发生地", Competence.CRIME_ACT, OPINION_2016.at("五、（一）")),
	ATTACKED_SYSTEM("被侵害的计算机信息系统或其管理者所在地", "被侵害的计算机信息系统或其管理者所在地属于犯罪行为发生地", Competence.CRIME_ACT,
			OPINION_2016.at("五、（一）")),
	SUSPECT_SYSTEM("犯罪嫌疑人使用的计算机信息系统所在地", "犯罪嫌疑人使用的计算机信息系统所在地属于犯罪行为发生地", Competence.CRIME_ACT, OPINION_2016.at("五、（一）")),
	VICTIM_SYSTEM("被害人使用的计算机信息系统所在地", "被害人使用的计算机信息系统所在地属于犯罪行为发生地", Competence.CRIME_ACT, OPINION_2016.at("五、（一）")),
	CALL_OR_SMS_SENT("诈骗电话、短信息、电子邮件的拨打地、发送地", "诈骗电话、短信息、电子邮件等的拨打地、发送地属于犯罪行为发生地", Competence.CRIME_ACT,
			OPINION_2016.at("五、（一）")),
	CALL_OR_SMS_RECEIVED("诈骗电话、短信息、电子邮件的到达地、接受地", "诈骗电话、短信息、电子邮件等的到达地、接受地属于犯罪行为发生地", Competence.CRIME_ACT,
			OPINION_2016.at("五、（一）")),
	ACT_LOCATION("诈骗行为的实施地、预备地、开始地、途经地、结束地", "诈骗行为持续发生的实施地、预备地、开始地、途经地、结束地属于犯罪行为发生地", Competence.CRIME_ACT,
			OPINION_2016.at("五、（一）")),
	VICTIM_LOCATION("被害人被骗时所在地", "被害人被骗时所在地属于犯罪结果发生地", Competence.CRIME_RESULT, OPINION_2016.at("五、（一）")),
	MONEY_OBTAINED("诈骗所得财物的实际取得地", "诈骗所得财物的实际取得地属于犯罪结果发生地", Competence.CRIME_RESULT, OPINION_2016.at("五、（一）")),
	MONEY_WITHDRAWN("赃款取现地", "取现即赃款的实际取得地、转移地，属于犯罪结果发生地", Competence.CRIME_RESULT, OPINION_2016.at("五、（一）")),
	MONEY_HIDDEN("诈骗所得财物的藏匿地", "诈骗所得财物的藏匿地属于犯罪结果发生地", Competence.CRIME_RESULT, OPINION_2016.at("五、（一）")),
	MONEY_MOVED("诈骗所得财物的转移地", "诈骗所得财物的转移地属于犯罪结果发生地", Competence.CRIME_RESULT, OPINION_2016.at("五、（一）")),
	MONEY_USED_OR_SOLD("诈骗所得财物的使用地、销售地", "诈骗所得财物的使用地、销售地属于犯罪结果发生地", Competence.CRIME_RESULT, OPINION_2016.at("五、（一）")),
	SIM_CARD("涉案手机卡、流量卡、物联网卡的开立、销售、转移、藏匿地", "用于犯罪活动的手机卡、流量卡、物联网卡的开立、销售、转移、藏匿地属于犯罪地", Competence.CRIME_ACT,
			OPINION_II_2021.at("第一条（一）")),
	BANK_CARD("涉案银行卡（信用卡）的开立、销售、转移、藏匿地", "用于犯罪活动的信用卡的开立、销售、转移、藏匿地属于犯罪地", Competence.CRIME_ACT,
			OPINION_II_2021.at("第一条（二）")),
	IM_OR_AD_MESSAGE("即时通讯信息、广告推广信息的发送地、接受地、到达地", "用于犯罪活动的即时通讯信息、广告推广信息的发送地、接受地、到达地属于犯罪地", Competence.CRIME_ACT,
			OPINION_II_2021.at("第一条（三）")),
	SIM_BOX("猫池、GOIP、多卡宝等设备的销售地、入网地、藏匿地", "用于犯罪活动的“猫池”、GOIP设备、多卡宝等硬件设备的销售地、入网地、藏匿地属于犯罪地", Competence.CRIME_ACT,
			OPINION_II_2021.at("第一条（四）")),
	INTERNET_ACCOUNT("互联网账号的销售地、登录地", "用于犯罪活动的互联网账号的销售地、登录地属于犯罪地", Competence.CRIME_ACT, OPINION_II_2021.at("第一条（五）")),
	SUSPECT_RESIDENCE("犯罪嫌疑人居住地", "由犯罪嫌疑人居住地公安机关立案侦查更为适宜的，可以由其居住地公安机关立案侦查（居住地不是犯罪地）", Competence.RESIDENCE,
			OPINION_2016.at("五、（一）"));

	/** Why a point of this kind makes its unit competent. */
	public enum Competence {

		/**
		 * 犯罪行为发生地 (the 2021 additions are counted here too: they are acts of the chain).
		 */
		CRIME_ACT("犯罪行为发生地"),
		/** 犯罪结果发生地. */
		CRIME_RESULT("犯罪结果发生地"),
		/**
		 * 犯罪嫌疑人居住地: competent only where it is more suitable; never the main crime
		 * location.
		 */
		RESIDENCE("犯罪嫌疑人居住地（更为适宜时）");

		private final String label;

		Competence(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public boolean isCrimeLocation() {
			return this != RESIDENCE;
		}

	}

	private final String label;

	private final String basis;

	private final Competence competence;

	private final Citation citation;

	ConnectionKind(String label, String basis, Competence competence, Citation citation) {
		this.label = label;
		this.basis = basis;
		this.competence = competence;
		this.citation = citation;
	}

	/** Chinese label, e.g. 被害人被骗时所在地. */
	public String label() {
		return label;
	}

	/** The legal basis in words. */
	public String basis() {
		return basis;
	}

	public Competence competence() {
		return competence;
	}

	public Citation citation() {
		return citation;
	}

}
