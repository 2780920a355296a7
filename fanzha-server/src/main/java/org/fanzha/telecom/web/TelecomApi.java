package org.fanzha.telecom.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.audit.PersonalData;
import org.fanzha.core.Operator;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.telecom.SimIssuance;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operators' API: issuance checks for the sales channel, and the SIMs they issue. */
@RestController
@Tag(name = "Telecom", description = "SIM issuance checks and the SIM register for operators")
class TelecomApi {

	private final SimIssuance applications;

	TelecomApi(SimIssuance applications) {
		this.applications = applications;
	}

	static Operator operator(FanzhaPrincipal me) {
		if (!me.has(Role.TELECOM_OFFICER)) {
			throw new AccessDeniedException("SIM applications are checked by operators");
		}
		return SimIssuance.operatorOf(me.agencyCode());
	}

	@PostMapping("/api/v1/sims/applications/check")
	@Operation(summary = "Check a SIM application: APPROVE, EXTRA_CHECK or REFUSE with the reasons and their sources")
	SimIssuance.Answer check(@AuthenticationPrincipal FanzhaPrincipal me, @RequestBody SimIssuance.CheckRequest in) {
		return applications.check(operator(me), in, me.username());
	}

	@PersonalData(value = "SIM_APPLICATION", purpose = "telecom: SIM issuance checks")
	@GetMapping("/api/v1/sims/applications")
	@Operation(summary = "The operator's latest checks (ID numbers masked)")
	List<SimIssuance.ApplicationView> latest(@AuthenticationPrincipal FanzhaPrincipal me) {
		return applications.latest(operator(me), 200, false);
	}

	@PostMapping("/api/v1/sims")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a SIM the operator issued (counted against the holder's limits)")
	void issued(@AuthenticationPrincipal FanzhaPrincipal me, @RequestBody SimIssuance.IssuedSim sim) {
		applications.issued(operator(me), sim);
	}

}
