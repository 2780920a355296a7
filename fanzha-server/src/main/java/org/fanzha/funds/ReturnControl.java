package org.fanzha.funds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.fanzha.cases.CaseDetail;
import org.fanzha.cases.Cases;
import org.fanzha.cases.Intake;
import org.fanzha.engine.returns.ReturnAllocator;
import org.fanzha.engine.returns.WorkingCalendar;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return of frozen funds to the victims (资金返还), by round. A round allocates what is still frozen among the
 * victims of the named cases by art. 8 ({@link ReturnAllocator}: the victims' payments are traced together, so
 * the deposits into the frozen account and the money still theirs are known), then runs a 30-day public notice
 * during which objections are recorded; after it the centre decides (answering any objection), and the bank
 * returns within 3 working days (art. 12). What no victim may take stays frozen; a newly found victim starts
 * a new round, which counts what earlier rounds returned.
 */
@Service
public class ReturnControl {

	public static final Duration NOTICE = Duration.ofDays(30);

	public static final int WORKING_DAYS_TO_EXECUTE = 3;

	private final Freezes freezes;

	private final Returns returns;

	private final TransferLedger ledger;

	private final Cases cases;

	private final Clock clock;

	private final WorkingCalendar calendar;

	ReturnControl(Freezes freezes, Returns returns, TransferLedger ledger, Cases cases, Clock clock,
			FundsProperties properties) {
		this.freezes = freezes;
		this.returns = returns;
		this.ledger = ledger;
		this.cases = cases;
		this.clock = clock;
		this.calendar = new WorkingCalendar(new HashSet<>(properties.holidays()), new HashSet<>(properties.workingWeekendDays()));
	}

	@Transactional
	public ReturnView propose(long freezeId, List<String> caseNumbers, String actor) {
		FreezeView f = freezes.byId(freezeId).orElseThrow(() -> new NotFoundException("No freeze " + freezeId));
		if (!"FROZEN".equals(f.status())) {
			throw new ConflictException("Freeze " + freezeId + " is " + f.status() + "; only frozen money is returned");
		}
		if (caseNumbers == null || caseNumbers.isEmpty() || new HashSet<>(caseNumbers).size() != caseNumbers.size()) {
			throw new InvalidFieldsException(java.util.Map.of("caseNumbers", "name each victim's case once"));
		}
		if (returns.openRound(freezeId)) {
			throw new ConflictException("Freeze " + freezeId + " has a return round in progress");
		}
		List<ReturnAllocator.Victim> victims = new ArrayList<>();
		List<Integer> seeds = new ArrayList<>();
		List<Integer> seedVictim = new ArrayList<>();
		for (int v = 0; v < caseNumbers.size(); v++) {
			CaseDetail d = cases.detail(caseNumbers.get(v), "return of frozen funds");
			long loss = 0;
			for (Intake.Payment p : d.payments()) {
				loss += p.amountFen();
				int idx = ledger.find(p.transferId(), p.payeeAccount(), p.amountFen(), p.paidAt().getEpochSecond());
				if (idx >= 0) {
					seeds.add(idx);
					seedVictim.add(v);
				}
			}
			if (loss <= 0) {
				throw new ConflictException("Case " + caseNumbers.get(v) + " has no payments: no loss to return");
			}
			victims.add(new ReturnAllocator.Victim(caseNumbers.get(v), loss,
					Math.min(loss, returns.returnedBefore(freezeId, caseNumbers.get(v)))));
		}
		long available = f.frozenFen() - returns.returnedFromFreeze(freezeId);
		List<ReturnAllocator.Deposit> deposits = new ArrayList<>();
		long[] held = null;
		if (!seeds.isEmpty()) {
			int[] s = seeds.stream().mapToInt(Integer::intValue).toArray();
			int[] who = seedVictim.stream().mapToInt(Integer::intValue).toArray();
			Instant now = clock.instant();
			long asOf = Math.max(now.getEpochSecond(), ledger.read(g -> {
				long max = 0;
				for (int i : s) {
					max = Math.max(max, g.time(i));
				}
				return max;
			}));
			TraceResult trace = ledger.trace(new TraceRequest(s, who, asOf, Policy.FIFO, 16, 0, 365L * 86_400));
			int account = ledger.read(g -> g.accountIndex(f.accountId()));
			for (TraceResult.Flow flow : trace.flows()) {
				if (flow.to() == account) {
					deposits.add(new ReturnAllocator.Deposit(ledger.read(g -> g.transferId(flow.transfer())), flow.amount(),
							padded(flow.perVictim(), victims.size())));
				}
			}
			for (TraceResult.Holding h : trace.holdings()) {
				if (h.account() == account) {
					held = padded(h.perVictim(), victims.size());
				}
			}
		}
		ReturnAllocator.Allocation a = ReturnAllocator.allocate(available, deposits, held, victims);
		Instant now = clock.instant();
		int round = returns.nextRound(freezeId);
		long id = returns.insertRound(freezeId, round, a.basis().name(), available, a.remainderFen(), now.plus(NOTICE), actor,
				now);
		for (int v = 0; v < victims.size(); v++) {
			returns.insertShare(id, caseNumbers.get(v), victims.get(v).lossFen(), victims.get(v).returnedFen(), a.returnFen()[v]);
		}
		freezes.history(freezeId, now, "RETURN_PROPOSED", actor, "round " + round + ", " + a.basis() + ", " + a.totalFen() + " fen");
		return returns.byId(id).orElseThrow();
	}

	private static long[] padded(long[] per, int n) {
		return per.length == n ? per : java.util.Arrays.copyOf(per, n);
	}

	@Transactional
	public ReturnView object(long id, String raisedBy, String content) {
		ReturnView r = returns.byId(id).orElseThrow(() -> new NotFoundException("No return round " + id));
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
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
		if (!"NOTICE".equals(r.status()) || now.isAfter(r.noticeUntil())) {
			throw new ConflictException("Objections are taken during the 30-day notice, which ended " + r.noticeUntil());
		}
		returns.objection(id, now, raisedBy.strip(), content.strip());
		return returns.byId(id).orElseThrow();
	}

	/** After the notice: the return is decided and the bank has 3 working days. */
	@Transactional
	public ReturnView decide(long id, String resolution, String actor) {
		ReturnView r = returns.byId(id).orElseThrow(() -> new NotFoundException("No return round " + id));
		Instant now = clock.instant();
		if (!"NOTICE".equals(r.status())) {
			throw new ConflictException("Return round " + id + " is " + r.status());
		}
		if (now.isBefore(r.noticeUntil())) {
			throw new ConflictException("The 30-day notice runs until " + r.noticeUntil());
		}
		if (!r.objections().isEmpty() && (resolution == null || resolution.isBlank())) {
			throw new InvalidFieldsException(java.util.Map.of("resolution",
					"objections were raised: state how each was resolved before deciding"));
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.ofHours(8));
		LocalDate by = calendar.plusWorkingDays(today, WORKING_DAYS_TO_EXECUTE);
		returns.decide(id, now, by);
		freezes.history(r.freezeId(), now, "RETURN_DECIDED", actor, "round " + r.round() + ", bank to return by " + by
				+ (resolution == null ? "" : "; " + resolution));
		return returns.byId(id).orElseThrow();
	}

	/** The bank reports the return done; idempotent by answer id. */
	@Transactional
	public ReturnView executed(String institution, long id, String answerId, String actor) {
		if (answerId == null || answerId.isBlank() || answerId.length() > 64) {
			throw new IllegalArgumentException("answerId must be 1-64 characters");
		}
		if (!institution.equals(returns.institutionOf(id).orElse(null))) {
			throw new NotFoundException("No return round " + id + " for " + institution);
		}
		if (answerId.equals(returns.answerIdOf(id).orElse(null))) {
			return returns.byId(id).orElseThrow();
		}
		Instant now = clock.instant();
		if (!returns.executed(id, now, answerId)) {
			throw new ConflictException("Return round " + id + " is not waiting for the bank");
		}
		ReturnView r = returns.byId(id).orElseThrow();
		freezes.history(r.freezeId(), now, "RETURNED", actor, "round " + r.round() + ", " + r.totalFen() + " fen");
		return r;
	}

	/** Everything the four return documents print, for one round; the victims' data reads are audited. */
	public record Documents(ReturnView round, FreezeView freeze, List<CaseDetail> victims) {
	}

	@Transactional
	public Documents documents(long id) {
		ReturnView r = returns.byId(id).orElseThrow(() -> new NotFoundException("No return round " + id));
		FreezeView f = freezes.byId(r.freezeId()).orElseThrow();
		List<CaseDetail> victims = r.shares().stream().map(s -> cases.detail(s.caseNumber(), "return documents")).toList();
		return new Documents(r, f, victims);
	}

	@Transactional(readOnly = true)
	public List<ReturnView> forFreeze(long freezeId) {
		return returns.forFreeze(freezeId).stream().map(id -> returns.byId(id).orElseThrow()).toList();
	}

	@Transactional(readOnly = true)
	public List<ReturnView> forBank(String institution) {
		return returns.decidedFor(institution).stream().map(id -> returns.byId(id).orElseThrow()).toList();
	}
}
