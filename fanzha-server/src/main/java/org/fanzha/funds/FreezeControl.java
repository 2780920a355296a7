package org.fanzha.funds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fanzha.core.Beijing;
import org.fanzha.funds.BankGateway.Type;
import org.fanzha.funds.Workflows.FreezeStatus;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Freeze (快速冻结), renewal (续冻) and unfreeze (解冻), Anti-Telecom-Fraud Law art. 20. A stop
 * in force becomes a freeze on the strength of a freeze document (number, issuing unit,
 * two officers) — so does a third stop the bank could not execute (the account was
 * stopped twice); the bank answers through the {@link BankGateway} and the freeze lasts 6
 * months, renewable before expiry with no limit on renewals (DOMAIN §3, secondary). A
 * freeze whose term passes LAPSES by itself; those expiring soon are listed for renewal
 * reminders.
 */
@Service
public class FreezeControl {

	public static final int FREEZE_MONTHS = 6;

	private final Instructions instructions;

	private final Freezes freezes;

	private final BankGateway gateway;

	private final Clock clock;

	FreezeControl(Instructions instructions, Freezes freezes, BankGateway gateway, Clock clock) {
		this.instructions = instructions;
		this.freezes = freezes;
		this.gateway = gateway;
		this.clock = clock;
	}

	public record FreezeDocument(String documentNumber, String issuingUnit, String officerOne, String officerTwo) {
	}

	/** Asks the bank to freeze what a stop holds. */
	@Transactional
	public FreezeView request(long instructionId, FreezeDocument doc, String actor) {
		InstructionView stop = instructions.byId(instructionId)
			.orElseThrow(() -> new NotFoundException("No instruction " + instructionId));
		Map<String, String> errors = new LinkedHashMap<>();
		check(doc == null ? null : doc.documentNumber(), "documentNumber", 64, errors);
		check(doc == null ? null : doc.issuingUnit(), "issuingUnit", 100, errors);
		check(doc == null ? null : doc.officerOne(), "officerOne", 50, errors);
		check(doc == null ? null : doc.officerTwo(), "officerTwo", 50, errors);
		if (doc != null && doc.officerOne() != null
				&& doc.officerOne().strip().equals(doc.officerTwo() == null ? null : doc.officerTwo().strip())) {
			errors.put("officerTwo", "two different officers must sign");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		Instant now = clock.instant();
		boolean inForce = stop.status().inForce() && stop.expiresAt() != null && stop.expiresAt().isAfter(now);
		if (!inForce && !stop.freezeAdvised()) {
			throw new ConflictException("Only a stop in force can become a freeze; instruction " + instructionId
					+ " is " + stop.status() + (stop.status().inForce() ? " but its 48 hours are over" : ""));
		}
		freezes.activeOn(stop.accountId()).ifPresent(f -> {
			throw new ConflictException(
					"Account " + stop.accountId() + " already has freeze " + f.id() + " (" + f.status() + ")");
		});
		long amount = stop.stoppedFen() != null ? stop.stoppedFen() : stop.amountFen();
		Instant deadline = gateway.deadline(Type.FREEZE, now);
		long id = freezes.insert(stop, amount, doc.documentNumber().strip(), doc.issuingUnit().strip(),
				doc.officerOne().strip(), doc.officerTwo().strip(), now, deadline);
		gateway.moved(Type.FREEZE, id, stop.caseNumber(), stop.institution(), null, FreezeStatus.REQUESTED, now, actor,
				"document " + doc.documentNumber(), deadline);
		return freezes.byId(id).orElseThrow();
	}

	public enum BankResult {

		FROZEN, REJECTED

	}

	/** The bank's answer, through the gateway (idempotent by answer id). */
	@Transactional
	public FreezeView answer(String institution, long id, String answerId, BankResult result, Long frozenFen,
			String reason, String actor) {
		FreezeView f = freezes.byId(id).orElse(null);
		String content = result + "|" + frozenFen + "|" + reason;
		if (gateway.check(Type.FREEZE, id, f == null ? null : f.institution(), institution, answerId,
				content) == BankGateway.Check.REPLAY) {
			return f;
		}
		if (result == null) {
			throw new InvalidFieldsException(Map.of("result", "must be FROZEN or REJECTED"));
		}
		FreezeStatus to = FreezeStatus.valueOf(result.name());
		Workflows.require(Type.FREEZE, id, f.status(), to);
		Instant now = clock.instant();
		String detail;
		if (to == FreezeStatus.FROZEN) {
			long frozen = frozenFen == null ? f.amountFen() : frozenFen;
			if (frozen <= 0 || frozen > f.amountFen()) {
				throw new InvalidFieldsException(Map.of("frozenFen", "must be > 0 and at most " + f.amountFen()));
			}
			freezes.answer(id, to, frozen, answerId, now, sixMonths(now));
			detail = "frozen " + frozen + " fen until " + sixMonths(now);
		}
		else {
			if (reason == null || reason.isBlank() || reason.length() > 400) {
				throw new InvalidFieldsException(
						Map.of("reason", "a rejection needs the reason, at most 400 characters"));
			}
			freezes.answer(id, to, null, answerId, null, null);
			detail = reason;
		}
		gateway.answered(Type.FREEZE, id, institution, answerId, content, now, actor);
		gateway.moved(Type.FREEZE, id, f.caseNumber(), f.institution(), f.status(), to, now, actor, detail, null);
		return freezes.byId(id).orElseThrow();
	}

	/** Renews a freeze before it expires: another 6 months from the current expiry. */
	@Transactional
	public FreezeView renew(long id, String documentNumber, String actor) {
		FreezeView f = freezes.byId(id).orElseThrow(() -> new NotFoundException("No freeze " + id));
		Map<String, String> errors = new LinkedHashMap<>();
		check(documentNumber, "documentNumber", 64, errors);
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		Instant now = clock.instant();
		if (f.status() != FreezeStatus.FROZEN || f.expiresAt() == null || !f.expiresAt().isAfter(now)) {
			throw new ConflictException("Freeze " + id + " can be renewed only while it is in force (it is "
					+ f.status() + (f.expiresAt() != null && !f.expiresAt().isAfter(now) ? ", expired" : "") + ")");
		}
		Instant next = sixMonths(f.expiresAt());
		if (!freezes.renew(id, next, now)) {
			throw new ConflictException("Freeze " + id + " changed meanwhile");
		}
		gateway.moved(Type.FREEZE, id, f.caseNumber(), f.institution(), f.status(), FreezeStatus.FROZEN, now, actor,
				"renewed: document " + documentNumber + ", until " + next, null);
		return freezes.byId(id).orElseThrow();
	}

	@Transactional
	public FreezeView unfreeze(long id, String documentNumber, String reason, String actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		check(documentNumber, "documentNumber", 64, errors);
		check(reason, "reason", 400, errors);
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		FreezeView f = freezes.byId(id).orElseThrow(() -> new NotFoundException("No freeze " + id));
		Workflows.require(Type.FREEZE, id, f.status(), FreezeStatus.UNFROZEN);
		if (!freezes.move(id, FreezeStatus.FROZEN, FreezeStatus.UNFROZEN)) {
			throw new ConflictException("Freeze " + id + " is not in force");
		}
		gateway.moved(Type.FREEZE, id, f.caseNumber(), f.institution(), f.status(), FreezeStatus.UNFROZEN,
				clock.instant(), actor, documentNumber + ": " + reason, null);
		return freezes.byId(id).orElseThrow();
	}

	/** Freezes whose term passed without renewal lapse. */
	@Scheduled(fixedDelay = 60_000, initialDelay = 20_000)
	@Transactional
	public int lapse() {
		Instant now = clock.instant();
		int n = 0;
		for (long id : freezes.lapsed(now)) {
			FreezeView f = freezes.byId(id).orElseThrow();
			if (freezes.move(id, FreezeStatus.FROZEN, FreezeStatus.LAPSED)) {
				gateway.moved(Type.FREEZE, id, f.caseNumber(), f.institution(), f.status(), FreezeStatus.LAPSED, now,
						"system", "term ended " + f.expiresAt() + " without renewal", null);
				n++;
			}
		}
		return n;
	}

	/** Freezes that expire within the next {@code days}: the renewal reminders. */
	@Transactional(readOnly = true)
	public List<FreezeView> expiring(int days) {
		if (days < 1 || days > 180) {
			throw new InvalidFieldsException(Map.of("days", "must be between 1 and 180"));
		}
		Instant now = clock.instant();
		return freezes.expiring(now, now.plus(Duration.ofDays(days)));
	}

	@Transactional(readOnly = true)
	public List<FreezeView> forBank(String institution, FreezeStatus status) {
		return freezes.forBank(institution, status);
	}

	@Transactional(readOnly = true)
	public List<FreezeView> forCase(String caseNumber) {
		return freezes.forCase(caseNumber);
	}

	/** The centre's board of freezes, newest first. */
	@Transactional(readOnly = true)
	public List<FreezeView> all(FreezeStatus status, int limit) {
		return freezes.all(status, limit);
	}

	@Transactional(readOnly = true)
	public Optional<FreezeView> byId(long id) {
		return freezes.byId(id);
	}

	@Transactional(readOnly = true)
	public List<String[]> history(long id) {
		return gateway.history(Type.FREEZE, id);
	}

	/** Six calendar months later (China Standard Time calendar). */
	static Instant sixMonths(Instant from) {
		return from.atOffset(Beijing.ZONE).plusMonths(FREEZE_MONTHS).toInstant();
	}

	private static void check(String value, String field, int max, Map<String, String> errors) {
		if (value == null || value.isBlank() || value.length() > max) {
			errors.put(field, "must be 1-" + max + " characters");
		}
	}

}
