package org.fanzha.engine.jurisdiction;

/*
 * The documents the jurisdiction rules come from, each with how far it was checked. Only the texts in
 * shared/reference/law/ are verified; the 2016 Opinion, the 2021 Opinion (II), the Criminal Procedure Law and
 * the Public Security procedure rules are quoted from secondary reproductions or recalled (DOMAIN.md §3) and
 * must be checked against the official text before a sheet is relied on. The decision sheet prints the status
 * next to every citation so no reader mistakes a recalled rule for a verified one.
 */
public enum LegalSource {

	ANTI_TELECOM_FRAUD_LAW_2022("《中华人民共和国反电信网络诈骗法》（2022）", Status.VERIFIED),
	FRAUD_INTERPRETATION_2011("两高《关于办理诈骗刑事案件具体应用法律若干问题的解释》（2011）", Status.VERIFIED),
	OPINION_2016("两高一部《关于办理电信网络诈骗等刑事案件适用法律若干问题的意见》（法发〔2016〕32号）", Status.SECONDARY),
	OPINION_II_2021("两高一部《关于办理电信网络诈骗等刑事案件适用法律若干问题的意见（二）》（法发〔2021〕22号）", Status.RECALLED),
	CRIMINAL_PROCEDURE_LAW_2018("《中华人民共和国刑事诉讼法》（2018修正）", Status.RECALLED),
	PUBLIC_SECURITY_PROCEDURE_RULES_2020("公安部《公安机关办理刑事案件程序规定》（2020修正）", Status.RECALLED),
	/** Not law: a rule of this system, stated openly so it can be argued with. */
	SYSTEM_RULE("本系统规则（非法律条文）", Status.SYSTEM);

	public enum Status {

		/** The full text is in shared/reference/law/ and the article was read there. */
		VERIFIED("已核对原文"),
		/** Known from secondary reproductions of the text. */
		SECONDARY("二手资料，待核对"),
		/** Recalled; verify before relying on it. */
		RECALLED("凭记忆引用，待核对"), SYSTEM("系统约定");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	private final String title;

	private final Status status;

	LegalSource(String title, Status status) {
		this.title = title;
		this.status = status;
	}

	public String title() {
		return title;
	}

	public Status status() {
		return status;
	}

	public Citation at(String article) {
		return new Citation(this, article);
	}

}
