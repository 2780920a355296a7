package org.fanzha.funds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fanzha.cases.CaseReported;
import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.stop.AccountInfo;
import org.fanzha.engine.stop.StopInstruction;
import org.fanzha.engine.stop.StopPaymentPlanner;
import org.fanzha.engine.stop.StopRegistry;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.fanzha.funds.BankGateway.Type;
import org.fanzha.funds.Workflows.StopStatus;
import org.fanzha.ledger.StatementRow;
import org.fanzha.ledger.Statements;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From a reported case to stop-payment instructions and the banks' answers.
 *
 * <p>
 * On {@link CaseReported} (delivered through the event publication registry, so a crash
 * between intake and here loses nothing), the victim's payments are matched in the ledger
 * once (the matches are stored) and traced (FIFO, {@link FundsProperties.Trace}); every
 * account still holding traced money gets a PROPOSED instruction, most urgent first —
 * unless an instruction already covers the account (on its way, or a stop in force: it
 * then serves this case too, never a second stop). A payment the ledger does not know
 * still gets an emergency instruction for the amount paid. Issued instructions go through
 * the {@link BankGateway}; the bank answers once — EXECUTED, PARTIALLY_EXECUTED or
 * REJECTED — with the account's statement and onward transfers, which extend the ledger
 * and, after commit, the plan (live extension, no polling). A stop lasts 48 hours and
 * then EXPIRES by itself; an account is stopped at most twice: a third stop ends REJECTED
 * with the advice to apply for a freeze.
 */
@Service
public class FundControl {

	private static final Logger log = LoggerFactory.getLogger(FundControl.class);

	public static final Duration STOP_DURATION = Duration.ofSeconds(StopRegistry.STOP_SECONDS);

	static final String THIRD_STOP_ADVICE = "该账户已被止付两次，不能第三次止付；请申请冻结 (already stopped twice: apply for a freeze)";

	private final TransferLedger ledger;

	private final Instructions instructions;

	private final Victims victims;

	private final BankGateway gateway;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final FundsProperties properties;

	FundControl(TransferLedger ledger, Instructions instructions, Victims victims, BankGateway gateway,
			ApplicationEventPublisher events, Clock clock, FundsProperties properties) {
		this.ledger = ledger;
		this.instructions = instructions;
		this.victims = victims;
		this.gateway = gateway;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The ledger grew for these cases (a statement or onward transfers came with an
	 * answer): extend their plans.
	 */
	record LedgerExtended(List<String> caseNumbers) {
	}

	@ApplicationModuleListener
	void on(CaseReported reported) {
		propose(reported);
		if (properties.autoIssue() != FundsProperties.AutoIssue.NONE) {
			autoIssue(reported.caseNumber());
		}
	}

	@ApplicationModuleListener
	void on(LedgerExtended extended) {
		for (String c : extended.caseNumbers()) {
			extendPlan(c);
			if (properties.autoIssue() != FundsProperties.AutoIssue.NONE) {
				autoIssue(c);
			}
		}
	}

	/**
	 * The centre's policy issues instructions without waiting for an officer (extended
	 * stops only, or all).
	 */
	@Transactional
	public void autoIssue(String caseNumber) {
		Instant now = clock.instant();
		int minLevel = properties.autoIssue() == FundsProperties.AutoIssue.ALL ? 1 : 2;
		for (InstructionView v : instructions.forCase(caseNumber)) {
			if (v.status() == StopStatus.PROPOSED && v.level() >= minLevel) {
				issue(v, now, "auto-issue policy", "level " + v.level());
			}
		}
	}

	private boolean issue(InstructionView v, Instant now, String actor, String detail) {
		Workflows.require(Type.STOP, v.id(), v.status(), StopStatus.ISSUED);
		Instant deadline = gateway.deadline(Type.STOP, now);
		if (!instructions.issue(v.id(), now, deadline)) {
			return false;
		}
		gateway.moved(Type.STOP, v.id(), v.caseNumber(), v.institution(), StopStatus.PROPOSED, StopStatus.ISSUED, now,
				actor, detail, deadline);
		return true;
	}

	/**
	 * Stores the victim, matches and traces the case's payments, and stores the proposed
	 * instructions.
	 */
	@Transactional
	public List<InstructionView> propose(CaseReported reported) {
		victims.store(reported);
		return extendPlan(reported.caseNumber(), reported.agencyCode(), payeesOf(reported));
	}

	/**
	 * Traces the case again over what the ledger knows now and proposes instructions for
	 * newly reached accounts.
	 */
	@Transactional
	public List<InstructionView> extendPlan(String caseNumber) {
		return extendPlan(caseNumber, null, Map.of());
	}

	private static Map<String, CaseReported.Payment> payeesOf(CaseReported reported) {
		Map<String, CaseReported.Payment> payee = new HashMap<>();
		for (CaseReported.Payment p : reported.payments()) {
			payee.put(p.payeeAccount(), p);
		}
		return payee;
	}

	private List<InstructionView> extendPlan(String caseNumber, String issuingUnit,
			Map<String, CaseReported.Payment> reported) {
		instructions.lockPlans();
		Instant now = clock.instant();
		List<Integer> seeds = new ArrayList<>();
		List<Victims.Payment> untraced = new ArrayList<>();
		for (Victims.Payment p : victims.payments(caseNumber)) {
			int idx = p.matchedId() != null ? ledger.read(g -> g.transferIndex(p.matchedId()))
					: ledger.find(p.transferId(), p.payeeAccount(), p.amountFen(), p.paidAt().getEpochSecond());
			if (idx >= 0) {
				seeds.add(idx);
				if (p.matchedId() == null) {
					victims.matched(caseNumber, p.seq(), ledger.read(g -> g.transferId(idx)));
				}
			}
			else {
				untraced.add(p);
			}
		}
		List<StopInstruction> plan = new ArrayList<>();
		if (!seeds.isEmpty()) {
			int[] s = seeds.stream().mapToInt(Integer::intValue).toArray();
			long asOf = asOf(s, now);
			TraceResult trace = trace(s, null, now);
			StopPaymentPlanner.Plan p = ledger.read(g -> StopPaymentPlanner.plan(g, trace, withReported(g, reported),
					registry(trace, g), asOf, properties.trace().minAmountFen()));
			plan.addAll(p.instructions());
			for (StopPaymentPlanner.Skipped k : p.skipped()) {
				log.info("Case {}: no instruction to {} ({} fen): {}", caseNumber, k.accountId(), k.amountFen(),
						k.reason());
			}
		}
		for (Victims.Payment p : untraced) {
			CaseReported.Payment r = reported.get(p.payeeAccount());
			long t = p.paidAt().getEpochSecond();
			plan.add(new StopInstruction(p.payeeAccount(), r == null ? null : r.payeeName(), p.payeeAccount(),
					r == null ? ledger.institutionOf(p.payeeAccount()) : r.payeeBank(), p.amountFen(), t,
					p.transferId(), r == null ? null : r.payerAccount(), 1, StopInstruction.Kind.EMERGENCY,
					now.getEpochSecond(), new long[] { p.amountFen() }));
		}
		int added = 0;
		for (StopInstruction s : plan) {
			var covering = instructions.coveringOn(s.accountId(), now);
			if (covering.isPresent()) {
				InstructionView c = covering.get();
				if (!instructions.serves(c.id(), caseNumber)) {
					// a stop covers all money in the account: the case joins it; one
					// still on its way asks for more
					instructions.addCase(c.id(), caseNumber, s.amountFen(), now);
					if (c.status() == StopStatus.PROPOSED) {
						instructions.extend(c.id(), s.amountFen());
					}
					gateway.note(Type.STOP, c.id(), now, c.status().name(), "system", "also serves case " + caseNumber
							+ (c.status() == StopStatus.PROPOSED ? ", amount +" + s.amountFen() + " fen" : ""));
				}
				continue;
			}
			String bank = s.institution() != null ? s.institution() : institutionOf(s.accountId());
			long id = instructions.insert(caseNumber, s, bank, issuingUnit, now);
			gateway.moved(Type.STOP, id, caseNumber, bank, null, StopStatus.PROPOSED, now, "system",
					"level " + s.level() + ", " + s.kind(), null);
			added++;
		}
		log.info("Case {}: {} payments traced, {} instructions proposed", caseNumber, seeds.size(), added);
		return instructions.forCase(caseNumber);
	}

	/** Now, or the newest seed when the ledger's clock runs ahead (a replayed day). */
	private long asOf(int[] seeds, Instant now) {
		return Math.max(now.getEpochSecond(), ledger.read(g -> {
			long max = 0;
			for (int i : seeds) {
				max = Math.max(max, g.time(i));
			}
			return max;
		}));
	}

	/** The case's money, followed under the platform's trace settings. */
	TraceResult trace(int[] seeds, int[] victimOfSeed, Instant now) {
		long asOf = asOf(seeds, now);
		FundsProperties.Trace t = properties.trace();
		return ledger.trace(new TraceRequest(seeds, victimOfSeed == null ? new int[seeds.length] : victimOfSeed, asOf,
				Policy.FIFO, t.hops(), t.minAmountFen(), t.horizon().toSeconds()));
	}

	/**
	 * What the banks know, completed with what the victim reported about the first-level
	 * accounts.
	 */
	private AccountInfo withReported(TransferGraph g, Map<String, CaseReported.Payment> payee) {
		AccountInfo known = ledger.accountInfo();
		return new AccountInfo() {
			@Override
			public String holderName(int account) {
				String name = known.holderName(account);
				CaseReported.Payment p = payee.get(g.accountId(account));
				return name != null ? name : p == null ? null : p.payeeName();
			}

			@Override
			public String institution(int account) {
				String bank = known.institution(account);
				CaseReported.Payment p = payee.get(g.accountId(account));
				return bank != null ? bank : p == null ? null : p.payeeBank();
			}

			@Override
			public String number(int account) {
				return known.number(account);
			}
		};
	}

	/**
	 * Frozen accounts need no stop; accounts stopped twice get no third (the planner says
	 * to apply for a freeze).
	 */
	private StopRegistry registry(TraceResult trace, TransferGraph g) {
		StopRegistry r = new StopRegistry();
		for (TraceResult.Holding h : trace.holdings()) {
			String account = g.accountId(h.account());
			if (instructions.frozen(account)) {
				r.recordFreeze(account);
			}
			List<Instant> stops = instructions.stopsOn(account);
			if (stops.size() >= StopRegistry.MAX_STOPS) {
				// recorded as long past, so that only the count matters here; stops in
				// force are joined, not skipped
				r.recordStop(account, 0);
				r.recordStop(account, 1);
			}
		}
		return r;
	}

	private String institutionOf(String accountId) {
		String learned = ledger.institutionOf(accountId);
		if (learned != null) {
			return learned;
		}
		int colon = accountId.indexOf(':');
		return colon > 0 ? accountId.substring(0, colon) : "UNKNOWN";
	}

	@Transactional(readOnly = true)
	public List<InstructionView> forCase(String caseNumber) {
		return instructions.forCase(caseNumber);
	}

	@Transactional(readOnly = true)
	public Optional<InstructionView> byId(long id) {
		return instructions.byId(id);
	}

	/** The officer confirms the plan: every proposed instruction goes to its bank. */
	@Transactional
	public List<InstructionView> confirm(String caseNumber, String officer) {
		Instant now = clock.instant();
		if (instructions.forCase(caseNumber).isEmpty()) {
			throw new NotFoundException("No instructions for case " + caseNumber);
		}
		for (long id : instructions.proposed(caseNumber)) {
			issue(instructions.byId(id).orElseThrow(), now, officer, "confirmed");
		}
		return instructions.forCase(caseNumber);
	}

	@Transactional(readOnly = true)
	public List<String> institutionsWaiting() {
		return instructions.institutionsWaiting();
	}

	@Transactional(readOnly = true)
	public List<InstructionView> forBank(String institution, StopStatus status) {
		return instructions.forBank(institution, status);
	}

	/**
	 * The centre's instruction board: filter by status, bank, level; unanswered past
	 * their deadline first.
	 */
	@Transactional(readOnly = true)
	public List<InstructionView> board(StopStatus status, String bank, Integer level, int limit) {
		return instructions.board(status, bank, level, clock.instant(), limit);
	}

	public enum Result {

		EXECUTED, PARTIALLY_EXECUTED, REJECTED

	}

	/**
	 * Where money had already gone when the bank stopped the account (the bank's report
	 * for extended stop-payment): each becomes an instruction one level deeper, to the
	 * receiving bank.
	 */
	public record Onward(String transferId, String toAccount, String toBank, String payeeName, Long amountFen,
			Instant time) {
	}

	@Transactional
	public InstructionView answer(String institution, long id, String answerId, Result result, Long stoppedFen,
			String reason, String actor) {
		return answer(institution, id, answerId, result, stoppedFen, reason, List.of(), List.of(), actor);
	}

	@Transactional
	public InstructionView answer(String institution, long id, String answerId, Result result, Long stoppedFen,
			String reason, List<Onward> onward, String actor) {
		return answer(institution, id, answerId, result, stoppedFen, reason, onward, List.of(), actor);
	}

	/**
	 * A bank's answer, through the gateway (idempotent by answer id), with the account's
	 * statement for the period and the onward transfers it saw: both extend the ledger,
	 * and the plans of the cases the stop serves.
	 */
	@Transactional
	public InstructionView answer(String institution, long id, String answerId, Result result, Long stoppedFen,
			String reason, List<Onward> onward, List<StatementRow> statement, String actor) {
		InstructionView v = instructions.byId(id).orElse(null);
		List<Onward> on = onward == null ? List.of() : onward;
		List<StatementRow> rows = statement == null ? List.of() : statement;
		String content = result + "|" + stoppedFen + "|" + reason + "|" + on + "|" + rows;
		if (gateway.check(Type.STOP, id, v == null ? null : v.institution(), institution, answerId,
				content) == BankGateway.Check.REPLAY) {
			return v;
		}
		if (result == null) {
			throw new InvalidFieldsException(Map.of("result", "must be EXECUTED, PARTIALLY_EXECUTED or REJECTED"));
		}
		if (v.status() != StopStatus.ISSUED) {
			throw new ConflictException(
					"Instruction " + id + " is " + v.status() + "; it takes one answer while ISSUED");
		}
		Long stopped;
		switch (result) {
			case EXECUTED -> stopped = v.amountFen();
			case PARTIALLY_EXECUTED -> {
				if (stoppedFen == null || stoppedFen <= 0 || stoppedFen >= v.amountFen()) {
					throw new InvalidFieldsException(
							Map.of("stoppedFen", "a partial execution needs 0 < stoppedFen < " + v.amountFen()));
				}
				stopped = stoppedFen;
			}
			default -> {
				if (reason == null || reason.isBlank() || reason.length() > 400) {
					throw new InvalidFieldsException(Map.of("reason",
							"a rejection needs the reason, at most 400 characters (e.g. which of the four fields does not match)"));
				}
				stopped = null;
			}
		}
		validateOnward(v, on);
		Statements.validate(rows, "statement");
		Instant now = clock.instant();
		boolean third = instructions.stopsOn(v.accountId()).size() >= StopRegistry.MAX_STOPS;
		StopStatus to = stopped == null || third ? StopStatus.REJECTED : StopStatus.valueOf(result.name());
		String why = third && stopped != null ? THIRD_STOP_ADVICE : reason;
		Workflows.require(Type.STOP, id, v.status(), to);
		if (!instructions.answer(id, to, to == StopStatus.REJECTED ? null : stopped, answerId, why,
				third ? Instructions.THIRD_STOP : null, now,
				to == StopStatus.REJECTED ? null : now.plus(STOP_DURATION))) {
			throw new ConflictException("Instruction " + id + " was answered meanwhile");
		}
		gateway.answered(Type.STOP, id, institution, answerId, content, now, actor);
		gateway.moved(Type.STOP, id, v.caseNumber(), v.institution(), v.status(), to, now, actor,
				why != null ? why : "stopped " + stopped + " fen", null);
		boolean grew = false;
		if (!rows.isEmpty()) {
			grew = ledger.recordStatement(TransferLedger.Source.STATEMENT, institution, "stop-" + id, v.accountId(),
					v.institution(), v.payeeName(), rows) > 0;
		}
		grew |= extend(v, on, now, actor);
		if (grew) {
			events.publishEvent(new LedgerExtended(v.cases()));
		}
		return instructions.byId(id).orElseThrow();
	}

	private static void validateOnward(InstructionView parent, List<Onward> onward) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (int i = 0; i < onward.size(); i++) {
			Onward o = onward.get(i);
			String at = "onward[" + i + "].";
			if (o == null) {
				errors.put("onward[" + i + "]", "is empty");
				continue;
			}
			if (o.toAccount() == null || !o.toAccount().matches("[A-Za-z0-9:-]{1,40}")) {
				errors.put(at + "toAccount", "must be 1-40 letters, digits, ':' or '-'");
			}
			if (o.toBank() == null || !o.toBank().matches("[A-Z0-9]{2,16}")) {
				errors.put(at + "toBank", "must be an institution code such as CCB");
			}
			if (o.payeeName() == null || o.payeeName().isBlank() || o.payeeName().length() > 100) {
				errors.put(at + "payeeName",
						"is required (one of the four fields the next bank checks), at most 100 characters");
			}
			if (o.amountFen() == null || o.amountFen() <= 0 || o.amountFen() > parent.amountFen()) {
				errors.put(at + "amountFen", "must be > 0 and at most the instructed " + parent.amountFen());
			}
			if (o.time() == null) {
				errors.put(at + "time", "is required");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
	}

	/**
	 * Extended stop-payment from the bank's report of onward transfers: one level deeper,
	 * same cases.
	 */
	private boolean extend(InstructionView parent, List<Onward> onward, Instant now, String actor) {
		if (onward.isEmpty()) {
			return false;
		}
		for (Onward o : onward) {
			if (o.time().isAfter(now.plusSeconds(300))) {
				throw new InvalidFieldsException(Map.of("onward.time", "must not be in the future"));
			}
		}
		List<TransferLedger.Transfer> rows = new ArrayList<>();
		for (int i = 0; i < onward.size(); i++) {
			Onward o = onward.get(i);
			String tid = o.transferId() != null && !o.transferId().isBlank() ? o.transferId()
					: "O" + parent.id() + "-" + i;
			rows.add(new TransferLedger.Transfer(tid, o.time().getEpochSecond(), parent.accountId(), o.toAccount(),
					o.amountFen(), "TRANSFER", null));
			ledger.learn(o.toAccount(), o.toBank(), o.payeeName(), TransferLedger.Source.ONWARD);
		}
		int recorded = ledger.record(TransferLedger.Source.ONWARD, parent.institution(), "stop-" + parent.id(), rows);
		for (Onward o : onward) {
			if (instructions.coveringOn(o.toAccount(), now).isPresent()) {
				continue;
			}
			StopInstruction next = new StopInstruction(o.toAccount(), o.payeeName(), o.toAccount(), o.toBank(),
					o.amountFen(), o.time().getEpochSecond(), o.transferId(), parent.accountId(), parent.level() + 1,
					StopInstruction.Kind.EXTENDED, now.getEpochSecond(), new long[] { o.amountFen() });
			long nid = instructions.insert(parent.caseNumber(), next, o.toBank(), parent.issuingUnit(), now);
			for (String c : parent.cases()) {
				if (!c.equals(parent.caseNumber())) {
					instructions.addCase(nid, c, o.amountFen(), now);
				}
			}
			gateway.moved(Type.STOP, nid, parent.caseNumber(), o.toBank(), null, StopStatus.PROPOSED, now, actor,
					"onward transfer reported by " + parent.institution(), null);
			if (properties.autoIssue() != FundsProperties.AutoIssue.NONE) {
				issue(instructions.byId(nid).orElseThrow(), now, "auto-issue policy", "level " + next.level());
			}
		}
		return recorded > 0;
	}

	/**
	 * An officer uploads an account statement (a bank's paper or file answer) for a case:
	 * its rows extend the ledger and, after commit, the case's plan.
	 */
	@Transactional
	public int uploadStatement(String caseNumber, String accountId, String institution, String holderName,
			String filename, byte[] content, String actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (caseNumber == null || victims.loss(caseNumber).isEmpty()) {
			errors.put("caseNumber", "no case " + caseNumber);
		}
		if (accountId == null || !accountId.matches("[A-Za-z0-9:-]{1,40}")) {
			errors.put("accountId", "must be 1-40 letters, digits, ':' or '-'");
		}
		if (institution == null || !institution.matches("[A-Z0-9]{2,16}")) {
			errors.put("institution", "must be an institution code such as ICBC");
		}
		if (holderName != null && holderName.length() > 100) {
			errors.put("holderName", "must be at most 100 characters");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		List<StatementRow> rows = Statements.parse(filename, content);
		int added = ledger.recordStatement(TransferLedger.Source.UPLOAD, actor, "case-" + caseNumber, accountId,
				institution, holderName == null || holderName.isBlank() ? null : holderName.strip(), rows);
		if (added > 0) {
			events.publishEvent(new LedgerExtended(List.of(caseNumber)));
		}
		return added;
	}

	/**
	 * Stops whose 48 hours are over become EXPIRED (and can no longer be turned into a
	 * freeze).
	 */
	@Scheduled(fixedDelay = 30_000, initialDelay = 15_000)
	@Transactional
	public int expireStops() {
		Instant now = clock.instant();
		int n = 0;
		for (long id : instructions.lapsed(now)) {
			InstructionView v = instructions.byId(id).orElseThrow();
			Workflows.require(Type.STOP, id, v.status(), StopStatus.EXPIRED);
			if (instructions.move(id, v.status(), StopStatus.EXPIRED)) {
				gateway.moved(Type.STOP, id, v.caseNumber(), v.institution(), v.status(), StopStatus.EXPIRED, now,
						"system", "48 hours since " + v.expiresAt().minus(STOP_DURATION), null);
				n++;
			}
		}
		return n;
	}

	/** Stops executed on the account so far (at most two are allowed). */
	@Transactional(readOnly = true)
	public int executedStops(String accountId) {
		return instructions.stopsOn(accountId).size();
	}

	@Transactional(readOnly = true)
	public List<String[]> history(long id) {
		return gateway.history(Type.STOP, id);
	}

}
