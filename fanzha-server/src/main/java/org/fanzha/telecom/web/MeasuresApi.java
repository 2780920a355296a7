package org.fanzha.telecom.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.audit.PersonalData;
import org.fanzha.core.Operator;
import org.fanzha.engine.telecom.AgentScores;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.telecom.SimControl;
import org.fanzha.telecom.SimIssuance;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Abnormal-SIM monitoring for operators: call/SMS records in, graded measures out,
 * appeals recorded and decided.
 */
@RestController
@Tag(name = "Telecom", description = "SIM issuance checks and the SIM register for operators")
class MeasuresApi {

	private final SimControl measures;

	private final SimIssuance applications;

	MeasuresApi(SimControl measures, SimIssuance applications) {
		this.measures = measures;
		this.applications = applications;
	}

	@PersonalData(value = "SIM_AGENT", purpose = "telecom: SIM agents")
	@GetMapping("/api/v1/sims/agents")
	@Operation(
			summary = "Agents ranked by the share of their cards that turned out to be fraud SIMs (Wilson lower bound)")
	List<AgentScores.Score> agents(@AuthenticationPrincipal FanzhaPrincipal me) {
		return applications.agents(viewer(me));
	}

	record AppealIn(String statement, List<String> documents) {
	}

	record NoteIn(String note) {
	}

	record ReverificationIn(Boolean passed) {
	}

	@PostMapping("/api/v1/sims/{phone}/reverification")
	@Operation(summary = "The result of the holder's re-verification (二次实人核验): passed lifts, failed suspends")
	SimControl.MeasureView reverification(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String phone,
			@RequestBody ReverificationIn in) {
		if (in == null || in.passed() == null) {
			throw new InvalidFieldsException(Map.of("passed", "is required (true or false)"));
		}
		return measures.reverification(phone, TelecomApi.operator(me), in.passed(), me.username());
	}

	/** The operator, or null for the anti-fraud centre (sees all, decides nothing). */
	static Operator viewer(FanzhaPrincipal me) {
		return me.has(Role.TELECOM_OFFICER) ? SimIssuance.operatorOf(me.agencyCode()) : null;
	}

	@PostMapping("/api/v1/sims/records")
	@Operation(summary = "Send call and SMS records (up to 10,000); answers the measures they raised")
	SimControl.Summary records(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestBody List<SimControl.CallRecord> records) {
		return measures.records(TelecomApi.operator(me), records);
	}

	@PersonalData(value = "SIM_MEASURE", purpose = "telecom: SIM measures")
	@GetMapping("/api/v1/sims/measures")
	@Operation(summary = "Measures on SIMs, newest first (an operator sees its own)")
	List<SimControl.MeasureView> list(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(defaultValue = "false") boolean open) {
		return measures.list(viewer(me), open, 500);
	}

	@PersonalData(value = "SIM_MEASURE", purpose = "telecom: one SIM measure")
	@GetMapping("/api/v1/sims/measures/{id}")
	SimControl.MeasureView get(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		return measures.get(id, viewer(me));
	}

	@PostMapping("/api/v1/sims/measures/{id}/appeal")
	@Operation(summary = "Record the holder's appeal with the documents shown")
	SimControl.MeasureView appeal(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody AppealIn in) {
		return measures.appeal(id, TelecomApi.operator(me), in == null ? null : in.statement(),
				in == null ? null : in.documents());
	}

	@PostMapping("/api/v1/sims/measures/{id}/lift")
	@Operation(summary = "The appeal is verified: lift the measure at once (art. 32)")
	SimControl.MeasureView lift(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody(required = false) NoteIn in) {
		return measures.lift(id, TelecomApi.operator(me), me.username(), in == null ? null : in.note());
	}

	@PostMapping("/api/v1/sims/measures/{id}/turn-down")
	@Operation(summary = "The appeal does not hold: the measure stays, with the reason")
	SimControl.MeasureView turnDown(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody NoteIn in) {
		return measures.turnDown(id, TelecomApi.operator(me), me.username(), in == null ? null : in.note());
	}

}
