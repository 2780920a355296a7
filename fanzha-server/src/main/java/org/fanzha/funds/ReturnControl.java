package org.fanzha.funds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fanzha.audit.AuditTrail;
import org.fanzha.cases.CaseDetail;
import org.fanzha.cases.CaseRegister;
import org.fanzha.core.Beijing;
import org.fanzha.engine.returns.ReturnAllocator;
import org.fanzha.engine.returns.ReturnRounds;
import org.fanzha.engine.returns.WorkingCalendar;
import org.fanzha.engine.trace.TraceResult;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return of frozen funds to the victims (资金返还), by round. The victims share only what the
 * trace brought into the frozen account: each case's payments, matched in the ledger when
 * its plan was made, are traced together (the platform's trace settings, statements
 * included), so the deposits into the account and the money still theirs are known.
 * {@link ReturnRounds} picks art. 8's basis per freeze — a single deposit or deposits
 * each traceable to one victim are returned directly (no notice); otherwise pro rata with
 * a 30-day public notice for objections — and caps each victim at their loss over every
 * round of every freeze. A victim the trace does not show in the account is refused
 * unless an officer names them with a written reason (audited). A round over nothing
 * opens nothing. After the notice (or at once for a direct return) the centre decides,
 * and the bank returns within 3 working days (art. 12).
 */
@Service
public class ReturnControl {

	public static final Duration NOTICE = Duration.ofDays(30);

	public static final int WORKING_DAYS_TO_EXECUTE = 3;

	private final Freezes freezes;

	private final Returns returns;

	private final Victims victims;

	private final TransferLedger ledger;

	private final FundControl funds;

	private final BankGateway gateway;

	private final CaseRegister cases;

	private final AuditTrail audit;

	private final Clock clock;

	private final WorkingCalendar calendar;

	ReturnControl(Freezes freezes, Returns returns, Victims victims, TransferLedger ledger, FundControl funds,
			BankGateway gateway, CaseRegister cases, AuditTrail audit, Clock clock, FundsProperties properties) {
		this.freezes = freezes;
		this.returns = returns;
		this.victims = victims;
		this.ledger = ledger;
		this.funds = funds;
		this.gateway = gateway;
		this.cases = cases;
		this.audit = audit;
		this.clock = clock;
		this.calendar = new WorkingCalendar(new HashSet<>(properties.holidays()),
				new HashSet<>(properties.workingWeekendDays()));
	}

	/**
	 * A victim an officer names although the trace does not show their money in the
	 * account, and why.
	 */
	public record Addition(String caseNumber, String reason) {
	}

	@Transactional
	public ReturnView propose(long freezeId, List<String> caseNumbers, String actor) {
		return propose(freezeId, caseNumbers, List.of(), actor);
	}

	@Transactional
	public ReturnView propose(long freezeId, List<String> caseNumbers, List<Addition> additions, String actor) {
		FreezeView f = freezes.byId(freezeId).orElseThrow(() -> new NotFoundException("No freeze " + freezeId));
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> added = new TreeMap<>();
		List<Addition> adds = additions == null ? List.of() : additions;
		for (int i = 0; i < adds.size(); i++) {
			Addition a = adds.get(i);
			if (a == null || a.caseNumber() == null || a.caseNumber().isBlank()) {
				errors.put("added[" + i + "].caseNumber", "is required");
			}
			else if (a.reason() == null || a.reason().strip().length() < 4 || a.reason().length() > 400) {
				errors.put("added[" + i + "].reason", "a written reason of 4-400 characters is required");
			}
			else {
				added.put(a.caseNumber(), a.reason().strip());
			}
		}
		SortedSet<String> named = new TreeSet<>();
		if (caseNumbers != null) {
			for (int i = 0; i < caseNumbers.size(); i++) {
				String c = caseNumbers.get(i);
				if (c == null || c.isBlank() || !named.add(c)) {
					errors.put("caseNumbers[" + i + "]", "name each victim's case once");
				}
			}
		}
		named.addAll(added.keySet());
		if (named.isEmpty()) {
			errors.put("caseNumbers", "name at least one victim's case");
		}
		Map<String, Long> loss = new LinkedHashMap<>();
		for (String c : named) {
			Long l = victims.loss(c).orElse(null);
			if (l == null) {
				errors.put("caseNumbers", "no case " + c);
			}
			else if (l <= 0) {
				errors.put("caseNumbers", "case " + c + " has no payments: no loss to return");
			}
			loss.put(c, l);
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		if (f.status() != Workflows.FreezeStatus.FROZEN) {
			throw new ConflictException("Freeze " + freezeId + " is " + f.status() + "; only frozen money is returned");
		}
		if (returns.openRound(freezeId)) {
			throw new ConflictException("Freeze " + freezeId + " has a return round in progress");
		}
		List<String> order = new ArrayList<>(named);
		Instant now = clock.instant();
		// the victims' matched payments, traced together with the platform's settings
		List<Integer> seeds = new ArrayList<>();
		List<Integer> seedVictim = new ArrayList<>();
		for (int v = 0; v < order.size(); v++) {
			for (Victims.Payment p : victims.payments(order.get(v))) {
				if (p.matchedId() != null) {
					int idx = ledger.read(g -> g.transferIndex(p.matchedId()));
					if (idx >= 0) {
						seeds.add(idx);
						seedVictim.add(v);
					}
				}
			}
		}
		List<ReturnAllocator.Deposit> deposits = new ArrayList<>();
		long[] held = null;
		long[] traced = new long[order.size()];
		if (!seeds.isEmpty()) {
			TraceResult trace = funds.trace(seeds.stream().mapToInt(Integer::intValue).toArray(),
					seedVictim.stream().mapToInt(Integer::intValue).toArray(), now);
			int account = ledger.read(g -> g.accountIndex(f.accountId()));
			for (TraceResult.Flow flow : trace.flows()) {
				if (account >= 0 && flow.to() == account) {
					long[] per = padded(flow.perVictim(), order.size());
					deposits.add(new ReturnAllocator.Deposit(ledger.read(g -> g.transferId(flow.transfer())),
							flow.amount(), per));
					for (int v = 0; v < per.length; v++) {
						traced[v] += per[v];
					}
				}
			}
			for (TraceResult.Holding h : trace.holdings()) {
				if (account >= 0 && h.account() == account) {
					held = padded(h.perVictim(), order.size());
				}
			}
		}
		List<ReturnRounds.Claim> claims = new ArrayList<>();
		for (int v = 0; v < order.size(); v++) {
			String c = order.get(v);
			long l = loss.get(c);
			claims.add(new ReturnRounds.Claim(c, l, Math.min(l, victims.allotted(c)), traced[v], added.get(c)));
		}
		long available = f.frozenFen() - returns.allottedFromFreeze(freezeId);
		ReturnRounds.Plan plan = ReturnRounds.plan(Math.max(0, available), deposits, held, claims);
		if (!plan.ineligible().isEmpty()) {
			throw new ConflictException(
					"By the trace, the money of " + String.join(", ", plan.ineligible()) + " never reached account "
							+ f.accountId() + ": only victims whose money reached the frozen account share"
							+ " it (name such a victim under 'added' with a written reason)");
		}
		if (plan.totalFen() == 0) {
			throw new ConflictException("Nothing to return from freeze " + freezeId + ": " + Math.max(0, available)
					+ " fen left and the victims named are owed nothing more; no round is opened");
		}
		int round = returns.nextRound(freezeId);
		Instant noticeUntil = plan.noticeRequired() ? now.plus(NOTICE) : null;
		Workflows.ReturnStatus status = plan.noticeRequired() ? Workflows.ReturnStatus.NOTICE
				: Workflows.ReturnStatus.PROPOSED;
		long id = returns.insertRound(freezeId, round, plan.basis().name(), available, plan.remainderFen(), status,
				noticeUntil, actor, now);
		for (int v = 0; v < order.size(); v++) {
			ReturnRounds.Claim c = claims.get(v);
			returns.insertShare(id, new ReturnView.Share(c.victimId(), c.lossFen(), c.returnedFen(),
					plan.returnFen()[v], c.tracedFen(), c.addedReason()));
			if (c.addedReason() != null) {
				audit.changed("return-round", Long.toString(id), c.victimId(),
						"victim added by hand: " + c.addedReason());
			}
		}
		gateway.moved(BankGateway.Type.RETURN, id, f.caseNumber(), f.institution(), null, status, now, actor,
				"round " + round + ", " + plan.basis() + ", " + plan.totalFen() + " fen"
						+ (noticeUntil == null ? ", no notice" : ", notice until " + noticeUntil),
				null);
		return returns.byId(id).orElseThrow();
	}

	private static long[] padded(long[] per, int n) {
		return per.length == n ? per : Arrays.copyOf(per, n);
	}

	@Transactional
	public ReturnView object(long id, String raisedBy, String content) {
		ReturnView r = returns.byId(id).orElseThrow(() -> new NotFoundException("No return round " + id));
		Map<String, String> errors = new LinkedHashMap<>();
		if (raisedBy == null || raisedBy.isBlank() || raisedBy.length() > 100) {
			errors.put("raisedBy", "must be 1-100 characters");
		}
		if (content == null || content.isBlank() || content.length() > 2_000) {
			errors.put("content", "must be 1-2,000 characters");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		Instant now = clock.instant();
		if (r.status() != Workflows.ReturnStatus.NOTICE || now.isAfter(r.noticeUntil())) {
			throw new ConflictException(
					"Objections are taken during the 30-day notice, which ended " + r.noticeUntil());
		}
		returns.objection(id, now, raisedBy.strip(), content.strip());
		return returns.byId(id).orElseThrow();
	}

	/** After the notice: the return is decided and the bank has 3 working days. */
	@Transactional
	public ReturnView decide(long id, String resolution, String actor) {
		ReturnView r = returns.byId(id).orElseThrow(() -> new NotFoundException("No return round " + id));
		Instant now = clock.instant();
		Workflows.require(BankGateway.Type.RETURN, id, r.status(), Workflows.ReturnStatus.DECIDED);
		if (r.noticeUntil() != null && now.isBefore(r.noticeUntil())) {
			throw new ConflictException("The 30-day notice runs until " + r.noticeUntil());
		}
		if (!r.objections().isEmpty() && (resolution == null || resolution.isBlank())) {
			throw new InvalidFieldsException(
					Map.of("resolution", "objections were raised: state how each was resolved before deciding"));
		}
		LocalDate today = LocalDate.ofInstant(now, Beijing.ZONE);
		LocalDate by = calendar.plusWorkingDays(today, WORKING_DAYS_TO_EXECUTE);
		if (!returns.decide(id, r.status(), now, by)) {
			throw new ConflictException("Return round " + id + " changed meanwhile");
		}
		FreezeView f = freezes.byId(r.freezeId()).orElseThrow();
		gateway.moved(BankGateway.Type.RETURN, id, f.caseNumber(), f.institution(), r.status(),
				Workflows.ReturnStatus.DECIDED, now, actor,
				"bank to return by " + by + (resolution == null || resolution.isBlank() ? "" : "; " + resolution),
				by.atTime(23, 59, 59).toInstant(Beijing.ZONE));
		return returns.byId(id).orElseThrow();
	}

	/**
	 * The bank reports the return done, through the gateway (idempotent by answer id).
	 */
	@Transactional
	public ReturnView executed(String institution, long id, String answerId, String actor) {
		ReturnView r = returns.byId(id).orElse(null);
		if (gateway.check(BankGateway.Type.RETURN, id, r == null ? null : returns.institutionOf(id).orElse(null),
				institution, answerId, "EXECUTED") == BankGateway.Check.REPLAY) {
			return r;
		}
		Workflows.require(BankGateway.Type.RETURN, id, r.status(), Workflows.ReturnStatus.EXECUTED);
		Instant now = clock.instant();
		if (!returns.executed(id, now, answerId)) {
			throw new ConflictException("Return round " + id + " is not waiting for the bank");
		}
		FreezeView f = freezes.byId(r.freezeId()).orElseThrow();
		gateway.answered(BankGateway.Type.RETURN, id, institution, answerId, "EXECUTED", now, actor);
		gateway.moved(BankGateway.Type.RETURN, id, f.caseNumber(), institution, r.status(),
				Workflows.ReturnStatus.EXECUTED, now, actor,
				"round " + r.round() + ", " + r.totalFen() + " fen returned", null);
		return returns.byId(id).orElseThrow();
	}

	/**
	 * What each victim lost, and what every round of every freeze allotted and returned
	 * to them.
	 */
	public record VictimAccount(String caseNumber, long lossFen, long allottedFen, long returnedFen) {
	}

	@Transactional(readOnly = true)
	public VictimAccount account(String caseNumber) {
		long loss = victims.loss(caseNumber).orElseThrow(() -> new NotFoundException("No case " + caseNumber));
		return new VictimAccount(caseNumber, loss, victims.allotted(caseNumber), victims.returned(caseNumber));
	}

	@Transactional(readOnly = true)
	public List<ReturnView> all(int limit) {
		return returns.all(limit).stream().map(id -> returns.byId(id).orElseThrow()).toList();
	}

	@Transactional(readOnly = true)
	public Optional<ReturnView> byId(long id) {
		return returns.byId(id);
	}

	/**
	 * Everything the four return documents print, for one round; the victims' data reads
	 * are audited.
	 */
	public record Documents(ReturnView round, FreezeView freeze, List<CaseDetail> victims) {
	}

	@Transactional
	public Documents documents(long id) {
		ReturnView r = returns.byId(id).orElseThrow(() -> new NotFoundException("No return round " + id));
		FreezeView f = freezes.byId(r.freezeId()).orElseThrow();
		List<CaseDetail> victims = r.shares()
			.stream()
			.map(s -> cases.detail(s.caseNumber(), "return documents"))
			.toList();
		return new Documents(r, f, victims);
	}

	@Transactional(readOnly = true)
	public List<ReturnView> forFreeze(long freezeId) {
		return returns.forFreeze(freezeId).stream().map(id -> returns.byId(id).orElseThrow()).toList();
	}

	@Transactional(readOnly = true)
	public List<String[]> history(long id) {
		return gateway.history(BankGateway.Type.RETURN, id);
	}

	@Transactional(readOnly = true)
	public List<ReturnView> forBank(String institution) {
		return returns.decidedFor(institution).stream().map(id -> returns.byId(id).orElseThrow()).toList();
	}

}
