package org.fanzha.monitoring;

import org.fanzha.cases.CaseReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A victim's report names the accounts the victim paid: from then on the monitor treats
 * them as confirmed fraud accounts (payments into them are frozen, money out of them and
 * out of their next level is delayed).
 */
@Component
class CaseConfirmations {

	private final TransferScreening decisions;

	CaseConfirmations(TransferScreening decisions) {
		this.decisions = decisions;
	}

	@ApplicationModuleListener
	void on(CaseReported reported) {
		for (CaseReported.Payment p : reported.payments()) {
			if (p.payeeAccount() != null && !p.payeeAccount().isBlank()) {
				decisions.confirm(p.payeeAccount(), reported.reportedAt());
			}
		}
	}

}
