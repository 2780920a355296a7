package org.fanzha.cases;

import java.util.List;

/** A case with the victim's personal data: reading it is audited. */
public record CaseDetail(CaseSummary summary, Intake.Victim victim, String narrative, List<Intake.Payment> payments,
		List<Suspect> suspects) {

	public record Suspect(String kind, String value) {
	}
}
