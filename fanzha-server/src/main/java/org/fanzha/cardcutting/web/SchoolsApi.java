package org.fanzha.cardcutting.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.cardcutting.SchoolDesk;
import org.fanzha.identity.FanzhaPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schools' API: their students' card-cutting cases and workflow, statistics, and the
 * centre's bulletins.
 */
@RestController
@Tag(name = "Schools", description = "Students involved in card selling: warning, analysis, education, discipline")
class SchoolsApi {

	private static final String BASE = "/api/v1/schools";

	private final SchoolDesk schools;

	private final CardCuttingViewers viewers;

	SchoolsApi(SchoolDesk schools, CardCuttingViewers viewers) {
		this.schools = schools;
		this.viewers = viewers;
	}

	@GetMapping(BASE + "/cases")
	@Operation(summary = "Student cases, newest first (a school: its own; the centre: all or ?school=)")
	List<SchoolDesk.CaseView> cases(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(required = false) String school) {
		return schools.cases(viewers.of(me), school, 500);
	}

	@GetMapping(BASE + "/cases/{id}")
	SchoolDesk.CaseView studentCase(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		return schools.studentCase(viewers.of(me), id);
	}

	@PostMapping(BASE + "/cases/{id}/advance")
	@Operation(summary = "Move the case on: ANALYSIS, EDUCATION, DISCIPLINE or CLOSED, with a note")
	SchoolDesk.CaseView advance(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody SchoolDesk.AdvanceIn in) {
		return schools.advance(viewers.of(me), id, in);
	}

	@PostMapping(BASE + "/cases/{id}/parent-contact")
	@Operation(summary = "Record that the parents were contacted")
	SchoolDesk.CaseView parentContact(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody SchoolDesk.ParentContactIn in) {
		return schools.contactParents(viewers.of(me), id, in);
	}

	@GetMapping(BASE + "/statistics")
	@Operation(summary = "Per school: students, cases by stage, parents contacted, disciplined")
	List<SchoolDesk.SchoolStatistics> statistics(@AuthenticationPrincipal FanzhaPrincipal me) {
		return schools.statistics(viewers.of(me));
	}

	@PostMapping(BASE + "/bulletins")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a warning bulletin to schools (centre); no schools named: all")
	SchoolDesk.Bulletin publish(@AuthenticationPrincipal FanzhaPrincipal me, @RequestBody SchoolDesk.BulletinIn in) {
		return schools.publish(viewers.of(me), in);
	}

	@GetMapping(BASE + "/bulletins")
	List<SchoolDesk.Bulletin> bulletins(@AuthenticationPrincipal FanzhaPrincipal me) {
		return schools.bulletins(viewers.of(me), 100);
	}

}
