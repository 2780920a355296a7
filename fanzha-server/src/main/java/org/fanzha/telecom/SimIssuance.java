package org.fanzha.telecom;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.audit.AuditTrail;
import org.fanzha.core.Beijing;
import org.fanzha.core.IdNumber;
import org.fanzha.core.Operator;
import org.fanzha.core.PhoneNumber;
import org.fanzha.engine.telecom.AgentScores;
import org.fanzha.engine.telecom.IssuanceCheck;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SIM issuance checks for an operator's sales channel and the register of issued SIMs.
 * Every field is checked before anything is stored (all errors at once); an application
 * id is checked once per operator; the check and its answer are stored in one
 * transaction, and the read of the applicant's card counts is audited.
 */
@Service
public class SimIssuance {

	/**
	 * What a sales channel sends. Dates as yyyy-MM-dd; {@code idValidUntil} empty or "长期"
	 * for a long-term ID.
	 */
	public record CheckRequest(String applicationId, String operator, String idNumber, String idValidUntil, String face,
			Boolean guardianPresent, String shippingAddress, String agentId, Boolean riskNoticeSigned, String listing) {
	}

	public record Answer(String applicationId, String decision, List<IssuanceCheck.Reason> reasons,
			LocalDate applicationDate, int applicantAge, String normalisedAddress) {
	}

	public record ApplicationView(String applicationId, String operator, String idNumber, String agentId,
			String address, String decision, List<String> reasons, LocalDate applicationDate, Instant checkedAt,
			String checkedBy) {
	}

	/** A SIM the operator has issued (activated). */
	public record IssuedSim(String phone, String idNumber, String applicationId, String agentId, String activatedOn) {
	}

	private static final ZoneId CHINA = Beijing.ZONE;

	private final IssuedSims register;

	private final AuditTrail audit;

	private final Clock clock;

	private final IssuanceCheck check;

	SimIssuance(IssuedSims register, AuditTrail audit, Clock clock, TelecomProperties properties) {
		this.register = register;
		this.audit = audit;
		this.clock = clock;
		this.check = new IssuanceCheck(properties.limits(), register, clock.withZone(CHINA));
	}

	/** The operator a caller's agency code names ({@code CMCC-SN} → China Mobile). */
	public static Operator operatorOf(String agencyCode) {
		String code = agencyCode.contains("-") ? agencyCode.substring(0, agencyCode.indexOf('-')) : agencyCode;
		return IssuanceCheck.operator(code);
	}

	@Transactional
	public Answer check(Operator caller, CheckRequest in, String actor) {
		IssuanceCheck.Application application = parse(caller, in);
		if (register.applicationExists(caller.name(), application.applicationId())) {
			throw new ConflictException("application " + application.applicationId() + " was already checked; "
					+ "a new application needs a new id");
		}
		IssuanceCheck.Result r = check.check(application);
		IdNumber id = IdNumber.parse(application.idNumber());
		// the application id is the operator's free text: the audit page (read by
		// oversight) names only the operator
		audit.read("SIM_APPLICANT", id.masked(), null, "SIM issuance check by " + caller.name());
		StringBuilder reasons = new StringBuilder();
		for (IssuanceCheck.Reason reason : r.reasons()) {
			reasons.append(reasons.length() == 0 ? "" : "\n")
				.append(reason.code())
				.append(' ')
				.append(reason.decision())
				.append(' ')
				.append(reason.text())
				.append(" (")
				.append(reason.source())
				.append(')');
		}
		register.insertApplication(caller.name(), application.applicationId(), id.value(), application.agentId(),
				r.normalisedAddress(), r.decision().name(), reasons.toString(), r.applicationDate(), clock.instant(),
				actor);
		return new Answer(r.applicationId(), r.decision().name(), r.reasons(), r.applicationDate(), r.applicantAge(),
				r.normalisedAddress());
	}

	private IssuanceCheck.Application parse(Operator caller, CheckRequest in) {
		if (in == null) {
			throw new InvalidFieldsException(Map.of("application", "is empty"));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Operator operator = null;
		try {
			operator = IssuanceCheck.operator(in.operator());
			if (operator != caller) {
				errors.put("operator", "an operator checks its own applications (" + caller + "), not " + operator);
			}
		}
		catch (IllegalArgumentException e) {
			errors.put("operator", e.getMessage());
		}
		if (in.applicationId() == null || !in.applicationId().matches("[A-Za-z0-9:_-]{1,64}")) {
			errors.put("applicationId", "must be 1-64 letters, digits, ':', '_' or '-'");
		}
		try {
			IdNumber.parse(in.idNumber(), LocalDate.now(clock.withZone(CHINA)));
		}
		catch (RuntimeException e) {
			errors.put("idNumber", e.getMessage() == null ? "is not a valid ID number" : e.getMessage());
		}
		LocalDate validUntil = null;
		if (in.idValidUntil() != null && !in.idValidUntil().isBlank() && !"长期".equals(in.idValidUntil().strip())) {
			try {
				validUntil = IssuanceCheck.date("idValidUntil", in.idValidUntil().strip());
			}
			catch (IllegalArgumentException e) {
				errors.put("idValidUntil", e.getMessage());
			}
		}
		IssuanceCheck.FaceVerification face = null;
		try {
			face = IssuanceCheck.FaceVerification.valueOf(in.face() == null ? "" : in.face());
		}
		catch (IllegalArgumentException e) {
			errors.put("face", "must be PASSED, FAILED or MISSING (the face-verification result is required)");
		}
		IssuanceCheck.Listing listing = IssuanceCheck.Listing.NOT_LISTED;
		if (in.listing() != null && !in.listing().isBlank()) {
			try {
				listing = IssuanceCheck.Listing.valueOf(in.listing());
			}
			catch (IllegalArgumentException e) {
				errors.put("listing", "must be NOT_LISTED, NEW_BUSINESS_SUSPENDED or NETWORK_ACCESS_LIMITED");
			}
		}
		if (in.agentId() == null || !in.agentId().matches("[A-Za-z0-9:_-]{1,40}")) {
			errors.put("agentId", "must be 1-40 letters, digits, ':', '_' or '-'");
		}
		if (in.shippingAddress() != null && in.shippingAddress().length() > 200) {
			errors.put("shippingAddress", "must be at most 200 characters");
		}
		if (in.riskNoticeSigned() == null) {
			errors.put("riskNoticeSigned", "is required (true or false)");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		try {
			return new IssuanceCheck.Application(in.applicationId(), operator, in.idNumber(), validUntil, face,
					Boolean.TRUE.equals(in.guardianPresent()),
					in.shippingAddress() == null || in.shippingAddress().isBlank() ? null : in.shippingAddress(),
					in.agentId(), in.riskNoticeSigned(), listing);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldsException(Map.of("application", e.getMessage()));
		}
	}

	/**
	 * The operator reports a SIM it issued: counted against the holder's limits from now
	 * on.
	 */
	@Transactional
	public void issued(Operator caller, IssuedSim sim) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (sim == null) {
			throw new InvalidFieldsException(Map.of("sim", "is empty"));
		}
		if (sim.phone() == null || !PhoneNumber.isValid(sim.phone())) {
			errors.put("phone", "must be an 11-digit mobile number");
		}
		try {
			IdNumber.parse(sim.idNumber(), LocalDate.now(clock.withZone(CHINA)));
		}
		catch (RuntimeException e) {
			errors.put("idNumber", e.getMessage() == null ? "is not a valid ID number" : e.getMessage());
		}
		if (sim.agentId() == null || !sim.agentId().matches("[A-Za-z0-9:_-]{1,40}")) {
			errors.put("agentId", "must be 1-40 letters, digits, ':', '_' or '-'");
		}
		LocalDate on = null;
		try {
			on = IssuanceCheck.date("activatedOn", sim.activatedOn());
			if (on.isAfter(LocalDate.now(clock.withZone(CHINA)))) {
				errors.put("activatedOn", "must not be in the future");
			}
		}
		catch (IllegalArgumentException e) {
			errors.put("activatedOn", e.getMessage());
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		String phone = PhoneNumber.parse(sim.phone()).value();
		if (register.simExists(phone)) {
			throw new ConflictException("SIM " + PhoneNumber.parse(phone).masked() + " is already registered");
		}
		register.insertSim(phone, caller.name(), IdNumber.parse(sim.idNumber()).value(), sim.agentId(),
				sim.applicationId(), on, clock.instant());
	}

	/**
	 * The operator's agents ranked by how many of the cards they sold turned out to be
	 * fraud SIMs; listed ones first.
	 */
	public List<AgentScores.Score> agents(Operator operatorOrNull) {
		return register.agentScores(operatorOrNull == null ? null : operatorOrNull.name()).ranked();
	}

	/**
	 * The operator's latest checks (ID numbers masked unless the caller may see them
	 * whole).
	 */
	public List<ApplicationView> latest(Operator operator, int limit, boolean unmasked) {
		List<ApplicationView> list = register.applications(operator.name(), limit);
		if (unmasked) {
			return list;
		}
		return list.stream()
			.map(a -> new ApplicationView(a.applicationId(), a.operator(), IdNumber.parse(a.idNumber()).masked(),
					a.agentId(), a.address(), a.decision(), a.reasons(), a.applicationDate(), a.checkedAt(),
					a.checkedBy()))
			.toList();
	}

}
