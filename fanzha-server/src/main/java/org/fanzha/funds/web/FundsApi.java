package org.fanzha.funds.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
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
 * The centre's stop-payment plan per case, and the bank gateway: a bank (agency {@code ICBC-SN} is bank
 * {@code ICBC}) sees and answers only its own instructions.
 */
@RestController
@RequestMapping("/api/v1/funds")
@Tag(name = "Funds", description = "Stop-payment instructions and the bank gateway")
class FundsApi {

	private final FundControl funds;

	FundsApi(FundControl funds) {
		this.funds = funds;
	}

	@GetMapping("/cases/{caseNumber}/instructions")
	@Operation(summary = "The case's stop-payment instructions with their statuses")
	List<InstructionView> plan(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber) {
		centre(me);
		return funds.forCase(caseNumber);
	}

	@PostMapping("/cases/{caseNumber}/instructions/confirm")
	@Operation(summary = "Confirm the plan: every proposed instruction is issued to its bank")
	List<InstructionView> confirm(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber) {
		centre(me);
		return funds.confirm(caseNumber, me.username());
	}

	@GetMapping("/bank/instructions")
	@Operation(summary = "Bank gateway: this bank's instructions (default: those waiting for an answer)")
	List<InstructionView> inbox(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(defaultValue = "ISSUED") String status) {
		return funds.forBank(bank(me), status);
	}

	record Answer(String answerId, FundControl.Result result, Long stoppedFen, String reason,
			List<FundControl.Onward> onward) {
	}

	@PostMapping("/bank/instructions/{id}/answer")
	@Operation(summary = "Bank gateway: answer an instruction once (idempotent by answerId)")
	InstructionView answer(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @RequestBody Answer a) {
		return funds.answer(bank(me), id, a.answerId(), a.result(), a.stoppedFen(), a.reason(),
				a.onward() == null ? List.of() : a.onward(), me.username());
	}

	private static void centre(FanzhaPrincipal me) {
		if (!me.has(Role.CENTRE_OFFICER)) {
			throw new AccessDeniedException("the stop-payment plan is the anti-fraud centre's");
		}
	}

	private static String bank(FanzhaPrincipal me) {
		if (!me.has(Role.BANK_OFFICER)) {
			throw new AccessDeniedException("the bank gateway is for banks");
		}
		String agency = me.agencyCode();
		int dash = agency.indexOf('-');
		return dash > 0 ? agency.substring(0, dash) : agency;
	}
}
