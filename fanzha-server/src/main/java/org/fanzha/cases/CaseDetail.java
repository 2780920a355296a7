package org.fanzha.cases;

import java.util.List;

/** A case with the victim's personal data: reading it is audited. */
public record CaseDetail(CaseSummary summary, Intake.Victim victim, String narrative, List<Intake.Payment> payments,
		List<Suspect> suspects) {

	/**
	 * @param kind PHONE, ACCOUNT, URL, APP, IM, CHAT_GROUP or CASH_OUT
	 * @param platform what qualifies the value, or null: the IM platform (IM,
	 * CHAT_GROUP), the institution (ACCOUNT), the kind of cash-out point (CASH_OUT)
	 */
	public record Suspect(String kind, String value, String platform) {

		public Suspect(String kind, String value) {
			this(kind, value, null);
		}
	}
}
