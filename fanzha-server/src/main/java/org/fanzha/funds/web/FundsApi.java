package org.fanzha.funds.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.audit.PersonalData;
import org.fanzha.funds.BankInbox;
import org.fanzha.funds.FreezeControl;
import org.fanzha.funds.FreezeView;
import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.funds.MuleReview;
import org.fanzha.funds.QueryControl;
import org.fanzha.funds.ReturnControl;
import org.fanzha.funds.ReturnView;
import org.fanzha.funds.Workflows;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.ledger.StatementRow;
import org.fanzha.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The centre's stop-payment plan per case, and the bank gateway: a bank (agency
 * {@code ICBC-SN} is bank {@code ICBC}) sees and answers only its own instructions.
 */
@RestController
@RequestMapping("/api/v1/funds")
@Tag(name = "Funds", description = "Stop-payment instructions and the bank gateway")
class FundsApi {

	private final FundControl funds;

	private final FreezeControl freezes;

	private final ReturnControl returns;

	private final QueryControl queries;

	private final MuleReview mules;

	private final BankInbox inbox;

	FundsApi(FundControl funds, FreezeControl freezes, ReturnControl returns, QueryControl queries, MuleReview mules,
			BankInbox inbox) {
		this.inbox = inbox;
		this.funds = funds;
		this.freezes = freezes;
		this.returns = returns;
		this.queries = queries;
		this.mules = mules;
	}

	record QueryRequest(String caseNumber, String accountId, String institution, Instant from, Instant to) {
	}

	@PersonalData(value = "MULE_CANDIDATES", purpose = "mule account candidates")
	@GetMapping("/candidates")
	@Operation(summary = "Accounts the transfer monitor flagged: stop/freeze candidates (a bank sees its own)")
	List<MuleReview.Candidate> candidates(@AuthenticationPrincipal FanzhaPrincipal me) {
		return mules.open(me.has(Role.CENTRE_OFFICER) ? null : me.institution(), 500);
	}

	record CandidateVerdict(String verdict) {
	}

	@PostMapping("/candidates/{account}/close")
	@Operation(summary = "The centre's verdict on a candidate: STOP_PLANNED or DISMISSED")
	void closeCandidate(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String account,
			@RequestBody CandidateVerdict v) {
		mules.close(account, v == null ? null : v.verdict(), me.username());
	}

	@PostMapping("/queries")
	@Operation(summary = "Ask a bank for an account's balance and transactions in a period (资金查询)")
	QueryControl.QueryView query(@AuthenticationPrincipal FanzhaPrincipal me, @RequestBody QueryRequest q) {
		return queries.request(q.caseNumber(), q.accountId(), q.institution(), q.from(), q.to(), me.username());
	}

	@PersonalData(value = "FUND_QUERY", purpose = "fund query: balance and statement")
	@GetMapping("/queries/{id}")
	@Operation(summary = "A fund query and the bank's answer")
	QueryControl.QueryView queryResult(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		return queries.byId(id).orElseThrow(() -> new NotFoundException("No query " + id));
	}

	@PersonalData(value = "FUND_QUERY", purpose = "bank: fund queries to answer")
	@GetMapping("/bank/queries")
	@Operation(summary = "Bank gateway: fund queries to answer")
	List<QueryControl.QueryView> queryInbox(@AuthenticationPrincipal FanzhaPrincipal me) {
		return queries.forBank(me.institution(), Workflows.QueryStatus.REQUESTED);
	}

	record QueryAnswer(String answerId, Long balanceFen, List<StatementRow> rows) {
	}

	@PostMapping("/bank/queries/{id}/answer")
	@Operation(
			summary = "Bank gateway: answer a fund query once with the balance and the statement (idempotent by answerId)")
	QueryControl.QueryView answerQuery(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody QueryAnswer a) {
		return queries.answer(me.institution(), id, a.answerId(), a.balanceFen(), a.rows(), me.username());
	}

	@PersonalData(value = "BANK_INBOX", purpose = "bank: instructions to answer")
	@GetMapping("/bank/inbox")
	@Operation(
			summary = "Bank gateway: everything waiting for this bank (stops, queries, freezes, returns), most urgent first")
	List<BankInbox.Item> bankInbox(@AuthenticationPrincipal FanzhaPrincipal me) {
		return inbox.waiting(me.institution());
	}

	@PostMapping(path = "/statements", consumes = "multipart/form-data")
	@Operation(
			summary = "Upload an account statement (CSV or xlsx, docs/workflows.md §5) for a case: it extends the ledger and the plan")
	Map<String, Object> uploadStatement(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam String caseNumber,
			@RequestParam String accountId, @RequestParam String institution,
			@RequestParam(required = false) String holderName, @RequestParam("file") MultipartFile file)
			throws IOException {
		int added = funds.uploadStatement(caseNumber, accountId, institution, holderName, file.getOriginalFilename(),
				file.getBytes(), me.username());
		return Map.of("caseNumber", caseNumber, "accountId", accountId, "newTransfers", added);
	}

	@PersonalData(value = "STOP_PLAN", purpose = "centre: instruction board")
	@GetMapping("/instructions")
	@Operation(summary = "The centre's instruction board: every stop instruction, filtered; overdue first")
	List<InstructionView> board(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(required = false) Workflows.StopStatus status, @RequestParam(required = false) String bank,
			@RequestParam(required = false) Integer level) {
		return funds.board(status, bank, level, 500);
	}

	@PersonalData(value = "STOP_PLAN", purpose = "instruction history")
	@GetMapping("/instructions/{id}/history")
	@Operation(summary = "An instruction's history (who changed what, when)")
	List<String[]> history(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		InstructionView v = funds.byId(id).orElseThrow(() -> new NotFoundException("No instruction " + id));
		if (!me.has(Role.CENTRE_OFFICER) && !v.institution().equals(me.institution())) {
			throw new NotFoundException("No instruction " + id);
		}
		return funds.history(id);
	}

	@PersonalData(value = "VICTIM_ACCOUNT", purpose = "victim: lost, frozen, returned")
	@GetMapping("/cases/{caseNumber}/victim")
	@Operation(summary = "The victim's account: loss, what every return round allotted, and what was paid back")
	ReturnControl.VictimAccount victim(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber) {
		return returns.account(caseNumber);
	}

	record ReturnRequest(List<String> caseNumbers, List<ReturnControl.Addition> added) {
	}

	@PostMapping("/freezes/{id}/returns")
	@Operation(summary = "Propose a return round: art. 8 allocation among the named cases' victims, 30-day notice")
	ReturnView proposeReturn(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody ReturnRequest r) {
		return returns.propose(id, r.caseNumbers(), r.added(), me.username());
	}

	@PersonalData(value = "RETURN_ROUND", purpose = "return rounds of a freeze")
	@GetMapping("/freezes/{id}/returns")
	@Operation(summary = "A freeze's return rounds")
	List<ReturnView> returnsOf(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		return returns.forFreeze(id);
	}

	record ObjectionRequest(String raisedBy, String content) {
	}

	@PostMapping("/returns/{id}/objections")
	@Operation(summary = "Record an objection received during the notice")
	ReturnView object(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody ObjectionRequest o) {
		return returns.object(id, o.raisedBy(), o.content());
	}

	record Decision(String resolution) {
	}

	@PostMapping("/returns/{id}/decide")
	@Operation(summary = "Decide the return after the notice; the bank has 3 working days")
	ReturnView decide(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody(required = false) Decision d) {
		return returns.decide(id, d == null ? null : d.resolution(), me.username());
	}

	@PersonalData(value = "RETURN_ROUND", purpose = "bank: returns to execute")
	@GetMapping("/bank/returns")
	@Operation(summary = "Bank gateway: decided returns to execute")
	List<ReturnView> returnInbox(@AuthenticationPrincipal FanzhaPrincipal me) {
		return returns.forBank(me.institution());
	}

	record Executed(String answerId) {
	}

	@PostMapping("/bank/returns/{id}/executed")
	@Operation(summary = "Bank gateway: the return was paid to the victims (idempotent by answerId)")
	ReturnView returned(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @RequestBody Executed e) {
		return returns.executed(me.institution(), id, e.answerId(), me.username());
	}

	@PostMapping("/instructions/{id}/freeze")
	@Operation(summary = "Turn an executed stop into a freeze (freeze document number, issuing unit, two officers)")
	FreezeView freeze(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody FreezeControl.FreezeDocument doc) {
		return freezes.request(id, doc, me.username());
	}

	record Renewal(String documentNumber) {
	}

	@PostMapping("/freezes/{id}/renew")
	@Operation(summary = "Renew a freeze before it expires: six more months")
	FreezeView renew(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @RequestBody Renewal r) {
		return freezes.renew(id, r.documentNumber(), me.username());
	}

	record Unfreeze(String documentNumber, String reason) {
	}

	@PostMapping("/freezes/{id}/unfreeze")
	@Operation(summary = "Unfreeze (the decision's document number and reason)")
	FreezeView unfreeze(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @RequestBody Unfreeze u) {
		return freezes.unfreeze(id, u.documentNumber(), u.reason(), me.username());
	}

	@PersonalData(value = "FREEZE", purpose = "freezes expiring")
	@GetMapping("/freezes/expiring")
	@Operation(summary = "Freezes expiring within N days (renewal reminders)")
	List<FreezeView> expiring(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(defaultValue = "15") int days) {
		return freezes.expiring(days);
	}

	@PersonalData(value = "FREEZE", purpose = "bank: freezes to answer")
	@GetMapping("/bank/freezes")
	@Operation(summary = "Bank gateway: this bank's freezes (default: those waiting for an answer)")
	List<FreezeView> freezeInbox(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(defaultValue = "REQUESTED") Workflows.FreezeStatus status) {
		return freezes.forBank(me.institution(), status);
	}

	record FreezeAnswer(String answerId, FreezeControl.BankResult result, Long frozenFen, String reason) {
	}

	@PostMapping("/bank/freezes/{id}/answer")
	@Operation(summary = "Bank gateway: answer a freeze once (idempotent by answerId)")
	FreezeView answerFreeze(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody FreezeAnswer a) {
		return freezes.answer(me.institution(), id, a.answerId(), a.result(), a.frozenFen(), a.reason(), me.username());
	}

	@PersonalData(value = "STOP_PLAN", purpose = "stop-payment plan of a case")
	@GetMapping("/cases/{caseNumber}/instructions")
	@Operation(summary = "The case's stop-payment instructions with their statuses")
	List<InstructionView> plan(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber) {
		return funds.forCase(caseNumber);
	}

	@PostMapping("/cases/{caseNumber}/instructions/confirm")
	@Operation(summary = "Confirm the plan: every proposed instruction is issued to its bank")
	List<InstructionView> confirm(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable String caseNumber) {
		return funds.confirm(caseNumber, me.username());
	}

	@PersonalData(value = "STOP_PLAN", purpose = "bank: stop-payment instructions")
	@GetMapping("/bank/instructions")
	@Operation(summary = "Bank gateway: this bank's instructions (default: those waiting for an answer)")
	List<InstructionView> inbox(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(defaultValue = "ISSUED") Workflows.StopStatus status) {
		return funds.forBank(me.institution(), status);
	}

	record Answer(String answerId, FundControl.Result result, Long stoppedFen, String reason,
			List<FundControl.Onward> onward, List<StatementRow> statement) {
	}

	@PostMapping("/bank/instructions/{id}/answer")
	@Operation(
			summary = "Bank gateway: answer a stop once (idempotent by answerId), with the account's statement and onward transfers")
	InstructionView answer(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @RequestBody Answer a) {
		return funds.answer(me.institution(), id, a.answerId(), a.result(), a.stoppedFen(), a.reason(),
				a.onward() == null ? List.of() : a.onward(), a.statement() == null ? List.of() : a.statement(),
				me.username());
	}

}
