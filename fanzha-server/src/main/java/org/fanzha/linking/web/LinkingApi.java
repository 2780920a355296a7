package org.fanzha.linking.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.audit.PersonalData;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.linking.CaseLinkage;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case groups, their whole chain and jurisdiction, the decision-support sheet, and
 * referral.
 */
@RestController
@Tag(name = "Linking", description = "Case linking, whole chain, jurisdiction and referral to the procuratorate")
class LinkingApi {

	private final CaseLinkage groups;

	LinkingApi(CaseLinkage groups) {
		this.groups = groups;
	}

	@PersonalData(value = "CASE_GROUP", purpose = "case groups")
	@GetMapping("/api/v1/linking/groups")
	@Operation(summary = "Groups of linked cases, largest first (min: smallest group size, default 2)")
	List<CaseLinkage.GroupSummary> groups(@RequestParam(defaultValue = "2") int min,
			@RequestParam(defaultValue = "200") int limit) {
		return groups.groups(min, Math.min(Math.max(limit, 1), 1_000));
	}

	@GetMapping("/api/v1/linking/groups/{caseNumber}")
	@Operation(
			summary = "The group that holds a case: cases, shared evidence and merge grounds, whole chain, jurisdiction")
	CaseLinkage.GroupDetail group(@PathVariable String caseNumber, @RequestParam(required = false) String dispute) {
		return groups.group(caseNumber, dispute);
	}

	@PersonalData(value = "CASE_GROUP", purpose = "jurisdiction sheet of a case group")
	@GetMapping(path = "/api/v1/linking/groups/{caseNumber}/sheet", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The printable jurisdiction decision-support sheet (HTML)")
	String sheet(@PathVariable String caseNumber, @RequestParam(required = false) String dispute) {
		return LinkingPage.printable(groups.sheet(caseNumber, dispute));
	}

	record ReferralIn(String note) {
	}

	@PostMapping("/api/v1/linking/groups/{caseNumber}/referral")
	@Operation(summary = "Refer the group to the procuratorate that follows the recommended police unit (centre only)")
	CaseLinkage.Referral refer(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber,
			@RequestBody(required = false) ReferralIn in) {
		return groups.refer(caseNumber, me.username(), in == null ? null : in.note());
	}

}
