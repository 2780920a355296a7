package org.fanzha.funds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Freeze (快速冻结), renewal (续冻) and unfreeze (解冻), Anti-Telecom-Fraud Law art. 20. A stop the bank executed
 * becomes a freeze on the strength of a freeze document (number, issuing unit, two officers); the bank executes
 * it and the freeze lasts 6 months, renewable before expiry with no limit on renewals (DOMAIN §3, secondary).
 * Freezes expiring soon are listed for renewal reminders.
 */
@Service
public class FreezeControl {

	public static final int FREEZE_MONTHS = 6;

	private final Instructions instructions;

	private final Freezes freezes;

	private final Clock clock;

	FreezeControl(Instructions instructions, Freezes freezes, Clock clock) {
		this.instructions = instructions;
		this.freezes = freezes;
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
		if (doc != null && doc.officerOne() != null && doc.officerOne().equals(doc.officerTwo())) {
			errors.put("officerTwo", "two different officers must sign");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		if (stop.stoppedFen() == null || !(stop.status().equals("EXECUTED") || stop.status().equals("PARTIALLY_EXECUTED"))) {
			throw new ConflictException("Only an executed stop can become a freeze; instruction " + instructionId + " is "
					+ stop.status());
		}
		Instant now = clock.instant();
		long id = freezes.insert(stop, stop.stoppedFen(), doc.documentNumber().strip(), doc.issuingUnit().strip(),
				doc.officerOne().strip(), doc.officerTwo().strip(), now);
		freezes.history(id, now, "REQUESTED", actor, "document " + doc.documentNumber());
		return freezes.byId(id).orElseThrow();
	}

	public enum BankResult {
		FROZEN, REJECTED
	}

	/** The bank's answer; idempotent by answer id. */
	@Transactional
	public FreezeView answer(String institution, long id, String answerId, BankResult result, Long frozenFen,
			String reason, String actor) {
		if (answerId == null || answerId.isBlank() || answerId.length() > 64) {
			throw new IllegalArgumentException("answerId must be 1-64 characters");
		}
		FreezeView f = freezes.byId(id).filter(v -> v.institution().equals(institution))
				.orElseThrow(() -> new NotFoundException("No freeze " + id + " for " + institution));
		if (answerId.equals(freezes.answerIdOf(id).orElse(null))) {
			return f;
		}
		if (!"REQUESTED".equals(f.status())) {
			throw new ConflictException("Freeze " + id + " is " + f.status() + "; it takes one answer");
		}
		Instant now = clock.instant();
		if (result == BankResult.FROZEN) {
			long frozen = frozenFen == null ? f.amountFen() : frozenFen;
			if (frozen <= 0 || frozen > f.amountFen()) {
				throw new IllegalArgumentException("frozenFen must be > 0 and at most " + f.amountFen());
			}
			freezes.answer(id, "FROZEN", frozen, answerId, now, sixMonths(now));
			freezes.history(id, now, "FROZEN", actor, "frozen " + frozen + " fen until " + sixMonths(now));
		}
		else {
			if (reason == null || reason.isBlank()) {
				throw new IllegalArgumentException("a rejection needs the reason");
			}
			freezes.answer(id, "REJECTED", null, answerId, null, null);
			freezes.history(id, now, "REJECTED", actor, reason);
		}
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
		if (!"FROZEN".equals(f.status()) || f.expiresAt() == null || !f.expiresAt().isAfter(now)) {
			throw new ConflictException("Freeze " + id + " can be renewed only while it is in force (it is " + f.status()
					+ (f.expiresAt() != null && !f.expiresAt().isAfter(now) ? ", expired" : "") + ")");
		}
		Instant next = sixMonths(f.expiresAt());
		freezes.renew(id, next, now);
		freezes.history(id, now, "RENEWED", actor, "document " + documentNumber + ", until " + next);
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
		if (!freezes.unfreeze(id)) {
			throw new ConflictException("Freeze " + id + " is not in force");
		}
		freezes.history(id, clock.instant(), "UNFROZEN", actor, documentNumber + ": " + reason);
		return freezes.byId(id).orElseThrow();
	}

	/** Freezes that expire within the next {@code days}: the renewal reminders. */
	@Transactional(readOnly = true)
	public List<FreezeView> expiring(int days) {
		if (days < 1 || days > 180) {
			throw new IllegalArgumentException("days must be between 1 and 180");
		}
		Instant now = clock.instant();
		return freezes.expiring(now, now.plus(Duration.ofDays(days)));
	}

	@Transactional(readOnly = true)
	public List<FreezeView> forBank(String institution, String status) {
		return freezes.forBank(institution, status);
	}

	@Transactional(readOnly = true)
	public List<FreezeView> forCase(String caseNumber) {
		return freezes.forCase(caseNumber);
	}

	/** Six calendar months later (China Standard Time calendar). */
	static Instant sixMonths(Instant from) {
		return from.atOffset(ZoneOffset.ofHours(8)).plusMonths(FREEZE_MONTHS).toInstant();
	}

	private static void check(String value, String field, int max, Map<String, String> errors) {
		if (value == null || value.isBlank() || value.length() > max) {
			errors.put(field, "must be 1-" + max + " characters");
		}
	}
}
