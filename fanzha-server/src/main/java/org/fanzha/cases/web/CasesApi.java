package org.fanzha.cases.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.audit.PersonalData;
import org.fanzha.cases.CaseDetail;
import org.fanzha.cases.CaseRegister;
import org.fanzha.cases.CaseSummary;
import org.fanzha.cases.Intake;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case intake for anti-fraud centres and police stations. A station sees its own cases;
 * the centre and the procuratorate see all.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Intake of victims' reports and the 30-minute first-level clock")
class CasesApi {

	private final CaseRegister cases;

	CasesApi(CaseRegister cases) {
		this.cases = cases;
	}

	@PostMapping
	@Operation(summary = "Take a report in; validates every field and answers with the case number and deadline")
	ResponseEntity<CaseSummary> report(@AuthenticationPrincipal FanzhaPrincipal me, @RequestBody Intake intake) {
		if (readOnly(me)) {
			throw new AccessDeniedException("procurators read cases, they do not take reports");
		}
		CaseSummary s = cases.report(me.agencyCode(), me.username(), intake);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + s.caseNumber())).body(s);
	}

	@PersonalData(value = "CASE_LIST", purpose = "case list with victims' names")
	@GetMapping
	@Operation(summary = "Cases, newest first, with the first-level clock")
	List<CaseSummary> list(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(defaultValue = "100") int limit) {
		return cases.list(scope(me), limit);
	}

	@GetMapping("/{caseNumber}")
	@Operation(summary = "One case with the victim's identity (the read is audited)")
	CaseDetail detail(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber) {
		visible(me, caseNumber);
		return cases.detail(caseNumber, "case handling");
	}

	@PostMapping("/{caseNumber}/payments")
	@Operation(summary = "Enter first-level payments after intake")
	CaseSummary payments(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber,
			@RequestBody List<Intake.Payment> payments) {
		if (readOnly(me)) {
			throw new AccessDeniedException("procurators read cases, they do not enter payments");
		}
		visible(me, caseNumber);
		return cases.addPayments(caseNumber, payments);
	}

	/**
	 * The procuratorate follows the police's cases: it reads them and changes nothing.
	 */
	private static boolean readOnly(FanzhaPrincipal me) {
		return !me.has(Role.CENTRE_OFFICER) && !me.has(Role.STATION_OFFICER);
	}

	private static String scope(FanzhaPrincipal me) {
		return me.has(Role.CENTRE_OFFICER) || me.has(Role.PROCURATOR) ? null : me.agencyCode();
	}

	private void visible(FanzhaPrincipal me, String caseNumber) {
		String scope = scope(me);
		if (scope != null && !scope.equals(cases.agencyOf(caseNumber))) {
			// do not reveal whether another agency's case exists
			throw new NotFoundException("No case " + caseNumber);
		}
	}

}
