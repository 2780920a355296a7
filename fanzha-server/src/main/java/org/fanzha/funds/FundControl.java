package org.fanzha.funds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fanzha.cases.CaseReported;
import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.stop.AccountInfo;
import org.fanzha.engine.stop.StopInstruction;
import org.fanzha.engine.stop.StopPaymentPlanner;
import org.fanzha.engine.stop.StopRegistry;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From a reported case to stop-payment instructions and the banks' answers.
 *
 * <p>On {@link CaseReported} (delivered through the event publication registry, so a crash between intake and
 * here loses nothing), the victim's payments are found in the ledger and traced (FIFO) as of now; every
 * account still holding traced money gets a PROPOSED instruction, most urgent first. When a payment is not
 * in the ledger (its bank does not feed transfers), the first-level account still gets an emergency
 * instruction for the amount paid. An officer confirms: PROPOSED becomes ISSUED and the bank sees it. The
 * bank answers once per instruction — EXECUTED, PARTIALLY_EXECUTED (with the amount it could stop) or REJECTED
 * (with the reason, e.g. the payee name does not match); a replayed answer with the same answer id has no
 * further effect, a different second answer is refused. A stop lasts 48 hours; an account is stopped at most
 * twice (the third must be a freeze).
 */
@Service
public class FundControl {

	private static final Logger log = LoggerFactory.getLogger(FundControl.class);

	public static final Duration STOP_DURATION = Duration.ofHours(48);

	private final TransferLedger ledger;

	private final Instructions instructions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final FundsProperties properties;

	FundControl(TransferLedger ledger, Instructions instructions, ApplicationEventPublisher events, Clock clock,
			FundsProperties properties) {
		this.ledger = ledger;
		this.instructions = instructions;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(CaseReported reported) {
		propose(reported);
		if (properties.autoIssue() != FundsProperties.AutoIssue.NONE) {
			autoIssue(reported.caseNumber());
		}
	}

	/** The centre's policy issues instructions without waiting for an officer (extended stops only, or all). */
	@Transactional
	public void autoIssue(String caseNumber) {
		Instant now = clock.instant();
		int minLevel = properties.autoIssue() == FundsProperties.AutoIssue.ALL ? 1 : 2;
		for (InstructionView v : instructions.forCase(caseNumber)) {
			if ("PROPOSED".equals(v.status()) && v.level() >= minLevel && instructions.issueOne(v.id(), now)) {
				instructions.history(v.id(), now, "ISSUED", "auto-issue policy", "level " + v.level());
				events.publishEvent(new StopPaymentIssued(v.id(), caseNumber, v.institution(), v.accountId(), v.amountFen(),
						v.level()));
			}
		}
	}

	/** Traces the case's payments and stores the proposed instructions; returns them. */
	@Transactional
	public List<InstructionView> propose(CaseReported reported) {
		Instant now = clock.instant();
		List<Integer> seeds = new ArrayList<>();
		List<CaseReported.Payment> untraced = new ArrayList<>();
		for (CaseReported.Payment p : reported.payments()) {
			int idx = ledger.find(p.transferId(), p.payeeAccount(), p.amountFen(), p.paidAt().getEpochSecond());
			if (idx >= 0) {
				seeds.add(idx);
			}
			else {
				untraced.add(p);
			}
		}
		List<StopInstruction> plan = new ArrayList<>();
		if (!seeds.isEmpty()) {
			int[] s = seeds.stream().mapToInt(Integer::intValue).toArray();
			long asOf = Math.max(now.getEpochSecond(), ledger.read(g -> {
				long max = 0;
				for (int i : s) {
					max = Math.max(max, g.time(i));
				}
				return max;
			}));
			TraceResult trace = ledger.trace(new TraceRequest(s, new int[s.length], asOf, Policy.FIFO, 8, 100, 30L * 86_400));
			StopPaymentPlanner.Plan p = ledger.read(g -> StopPaymentPlanner.plan(g, trace, withReported(g, reported),
					registry(trace, g, now), asOf, 100));
			plan.addAll(p.instructions());
		}
		for (CaseReported.Payment p : untraced) {
			long t = p.paidAt().getEpochSecond();
			plan.add(new StopInstruction(p.payeeAccount(), p.payeeName(), p.payeeAccount(), p.payeeBank(), p.amountFen(), t,
					p.transferId(), p.payerAccount(), 1, StopInstruction.Kind.EMERGENCY, now.getEpochSecond(), new long[] { p.amountFen() }));
		}
		for (StopInstruction s : plan) {
			if (instructions.pending(s.accountId())) {
				// another case's instruction to this account is on its way; a stop covers all money in the account
				continue;
			}
			String bank = s.institution() == null ? institutionOf(s.accountId()) : s.institution();
			long id = instructions.insert(reported.caseNumber(), s, bank, now);
			instructions.history(id, now, "PROPOSED", "system", "level " + s.level() + ", " + s.kind());
		}
		log.info("Case {}: {} payments traced, {} instructions proposed", reported.caseNumber(), seeds.size(), plan.size());
		return instructions.forCase(reported.caseNumber());
	}

	/** What the bank knows, completed with what the victim reported about the first-level accounts. */
	private AccountInfo withReported(TransferGraph g, CaseReported reported) {
		AccountInfo known = ledger.accountInfo();
		java.util.Map<String, CaseReported.Payment> payee = new java.util.HashMap<>();
		for (CaseReported.Payment p : reported.payments()) {
			payee.put(p.payeeAccount(), p);
		}
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

	private StopRegistry registry(TraceResult trace, TransferGraph g, Instant now) {
		StopRegistry r = new StopRegistry();
		for (TraceResult.Holding h : trace.holdings()) {
			String account = g.accountId(h.account());
			for (Instant at : instructions.stopsOn(account)) {
				r.recordStop(account, at.getEpochSecond());
			}
		}
		return r;
	}

	private static String institutionOf(String accountId) {
		int colon = accountId.indexOf(':');
		return colon > 0 ? accountId.substring(0, colon) : "UNKNOWN";
	}

	@Transactional(readOnly = true)
	public List<InstructionView> forCase(String caseNumber) {
		return instructions.forCase(caseNumber);
	}

	/** The officer confirms the plan: every proposed instruction goes to its bank. */
	@Transactional
	public List<InstructionView> confirm(String caseNumber, String officer) {
		Instant now = clock.instant();
		List<InstructionView> before = instructions.forCase(caseNumber);
		if (before.isEmpty()) {
			throw new NotFoundException("No instructions for case " + caseNumber);
		}
		for (long id : instructions.issue(caseNumber, now)) {
			instructions.history(id, now, "ISSUED", officer, "confirmed");
			InstructionView v = instructions.byId(id).orElseThrow();
			events.publishEvent(new StopPaymentIssued(id, caseNumber, v.institution(), v.accountId(), v.amountFen(), v.level()));
		}
		return instructions.forCase(caseNumber);
	}

	@Transactional(readOnly = true)
	public List<String> institutionsWaiting() {
		return instructions.institutionsWaiting();
	}

	@Transactional(readOnly = true)
	public List<InstructionView> forBank(String institution, String status) {
		return instructions.forBank(institution, status);
	}

	public enum Result {
		EXECUTED, PARTIALLY_EXECUTED, REJECTED
	}

	/**
	 * Where money had already gone when the bank stopped the account (the bank's report for extended
	 * stop-payment): each becomes an instruction one level deeper, to the receiving bank.
	 */
	public record Onward(String transferId, String toAccount, String toBank, String payeeName, Long amountFen,
			Instant time) {
	}

	/** A bank's answer. Idempotent by {@code answerId}. */
	@Transactional
	public InstructionView answer(String institution, long id, String answerId, Result result, Long stoppedFen,
			String reason, String actor) {
		return answer(institution, id, answerId, result, stoppedFen, reason, List.of(), actor);
	}

	@Transactional
	public InstructionView answer(String institution, long id, String answerId, Result result, Long stoppedFen,
			String reason, List<Onward> onward, String actor) {
		if (answerId == null || answerId.isBlank() || answerId.length() > 64) {
			throw new IllegalArgumentException("answerId must be 1-64 characters (the bank's own id for this answer)");
		}
		if (result == null) {
			throw new IllegalArgumentException("result must be EXECUTED, PARTIALLY_EXECUTED or REJECTED");
		}
		InstructionView v = instructions.byId(id).filter(i -> i.institution().equals(institution))
				.orElseThrow(() -> new NotFoundException("No instruction " + id + " for " + institution));
		String previous = instructions.answerIdOf(id).orElse(null);
		if (answerId.equals(previous)) {
			return v;
		}
		if (previous != null || !"ISSUED".equals(v.status())) {
			throw new ConflictException("Instruction " + id + " is " + v.status() + "; it takes one answer");
		}
		Long stopped;
		switch (result) {
			case EXECUTED -> stopped = v.amountFen();
			case PARTIALLY_EXECUTED -> {
				if (stoppedFen == null || stoppedFen <= 0 || stoppedFen >= v.amountFen()) {
					throw new IllegalArgumentException("a partial execution needs 0 < stoppedFen < " + v.amountFen());
				}
				stopped = stoppedFen;
			}
			default -> {
				if (reason == null || reason.isBlank()) {
					throw new IllegalArgumentException("a rejection needs the reason (e.g. which of the four fields does not match)");
				}
				stopped = null;
			}
		}
		Instant now = clock.instant();
		if (stopped != null && instructions.stopsOn(v.accountId()).size() >= StopRegistry.MAX_STOPS) {
			throw new ConflictException("Account " + v.accountId() + " was already stopped twice; apply for a freeze");
		}
		if (!instructions.answer(id, result.name(), stopped, answerId, reason, now,
				stopped == null ? null : now.plus(STOP_DURATION))) {
			throw new ConflictException("Instruction " + id + " was answered meanwhile");
		}
		instructions.history(id, now, result.name(), actor,
				reason != null ? reason : stopped != null ? "stopped " + stopped + " fen" : null);
		extend(v, onward == null ? List.of() : onward, now, actor);
		return instructions.byId(id).orElseThrow();
	}

	/** Extended stop-payment from the bank's report of onward transfers: one level deeper, same case. */
	private void extend(InstructionView parent, List<Onward> onward, Instant now, String actor) {
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		for (int i = 0; i < onward.size(); i++) {
			Onward o = onward.get(i);
			String at = "onward[" + i + "].";
			if (o.toAccount() == null || o.toAccount().isBlank() || o.toAccount().length() > 40) {
				errors.put(at + "toAccount", "must be 1-40 characters");
			}
			if (o.toBank() == null || !o.toBank().matches("[A-Z0-9]{2,16}")) {
				errors.put(at + "toBank", "must be an institution code such as CCB");
			}
			if (o.amountFen() == null || o.amountFen() <= 0 || o.amountFen() > parent.amountFen()) {
				errors.put(at + "amountFen", "must be > 0 and at most the instructed " + parent.amountFen());
			}
			if (o.time() == null || o.time().isAfter(now)) {
				errors.put(at + "time", "is required and must not be in the future");
			}
		}
		if (!errors.isEmpty()) {
			throw new org.fanzha.platform.InvalidFieldsException(errors);
		}
		for (Onward o : onward) {
			if (instructions.pending(o.toAccount())) {
				continue;
			}
			StopInstruction next = new StopInstruction(o.toAccount(), o.payeeName(), o.toAccount(), o.toBank(), o.amountFen(),
					o.time().getEpochSecond(), o.transferId(), parent.accountId(), parent.level() + 1,
					StopInstruction.Kind.EXTENDED, now.getEpochSecond(), new long[] { o.amountFen() });
			long nid = instructions.insert(parent.caseNumber(), next, o.toBank(), now);
			instructions.history(nid, now, "PROPOSED", actor, "onward transfer reported by " + parent.institution());
			if (properties.autoIssue() != FundsProperties.AutoIssue.NONE && instructions.issueOne(nid, now)) {
				instructions.history(nid, now, "ISSUED", "auto-issue policy", "level " + next.level());
				events.publishEvent(new StopPaymentIssued(nid, parent.caseNumber(), o.toBank(), o.toAccount(),
						o.amountFen(), next.level()));
			}
		}
	}

	/** Stops executed on the account so far (at most two are allowed). */
	@Transactional(readOnly = true)
	public int executedStops(String accountId) {
		return instructions.stopsOn(accountId).size();
	}

	@Transactional(readOnly = true)
	public List<String[]> history(long id) {
		return instructions.historyOf(id);
	}
}
