package org.fanzha.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.cardcutting.SchoolDesk;
import org.fanzha.cardcutting.Viewer;
import org.fanzha.cases.CaseRegister;
import org.fanzha.cases.CaseSummary;
import org.fanzha.core.Masking;
import org.fanzha.core.Operator;
import org.fanzha.funds.BankInbox;
import org.fanzha.funds.FreezeControl;
import org.fanzha.funds.FreezeView;
import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.funds.ReturnControl;
import org.fanzha.funds.ReturnView;
import org.fanzha.funds.Workflows.ReturnStatus;
import org.fanzha.funds.Workflows.StopStatus;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.linking.CaseLinkage;
import org.fanzha.statistics.OversightReporting;
import org.fanzha.telecom.SimControl;
import org.fanzha.telecom.SimIssuance;
import org.fanzha.warnings.DissuasionDesk;
import org.springframework.stereotype.Component;

/**
 * What the signed-in user has to do now, the most urgent first: each item has its
 * deadline (when there is one) and the page where it is done. Read through the modules'
 * public services only, for every role the user holds.
 */
@Component
class WorkQueue {

	/**
	 * Rows per kind of work: the home page is a to-do list, the area's own page has the
	 * rest.
	 */
	static final int PER_KIND = 20;

	/** Freezes are renewed in the last 15 days before they lapse. */
	static final int FREEZE_RENEWAL_DAYS = 15;

	/**
	 * A case still without payments a day after its deadline is no longer a clock but a
	 * backlog.
	 */
	static final Duration CLOCK_WINDOW = Duration.ofHours(24);

	/**
	 * @param kind the message key suffix ({@code queue.kind.*})
	 * @param subject what the row names: a case number, an account, a phone
	 * @param deadline null where the work has none
	 */
	record Item(String kind, String subject, String detail, Instant deadline, String href, boolean overdue) {
	}

	private final CaseRegister cases;

	private final FundControl stops;

	private final FreezeControl freezes;

	private final ReturnControl returns;

	private final BankInbox inbox;

	private final SimControl measures;

	private final DissuasionDesk warnings;

	private final SchoolDesk schools;

	private final CaseLinkage groups;

	private final OversightReporting reports;

	private final Directory directory;

	private final Clock clock;

	WorkQueue(CaseRegister cases, FundControl stops, FreezeControl freezes, ReturnControl returns, BankInbox inbox,
			SimControl measures, DissuasionDesk warnings, SchoolDesk schools, CaseLinkage groups,
			OversightReporting reports, Directory directory, Clock clock) {
		this.cases = cases;
		this.stops = stops;
		this.freezes = freezes;
		this.returns = returns;
		this.inbox = inbox;
		this.measures = measures;
		this.warnings = warnings;
		this.schools = schools;
		this.groups = groups;
		this.reports = reports;
		this.directory = directory;
		this.clock = clock;
	}

	List<Item> items(FanzhaPrincipal me) {
		Instant now = clock.instant();
		List<Item> out = new ArrayList<>();
		if (me.has(Role.CENTRE_OFFICER)) {
			caseClocks(null, now, out);
			stopsOverdue(now, out);
			freezesExpiring(now, out);
			returnRounds(now, out);
			simAppeals(null, now, out);
		}
		if (me.has(Role.BANK_OFFICER) && me.institution() != null) {
			bankInbox(me.institution(), now, out);
		}
		if (me.has(Role.STATION_OFFICER)) {
			caseClocks(me.agencyCode(), now, out);
			warningVisits(me, now, out);
		}
		if (me.has(Role.TELECOM_OFFICER)) {
			simAppeals(SimIssuance.operatorOf(me.agencyCode()), now, out);
		}
		if (me.has(Role.SCHOOL_OFFICER)) {
			studentCases(me, now, out);
		}
		if (me.has(Role.PROCURATOR)) {
			referrals(out);
		}
		// overdue first, then the nearest deadline; work without a deadline last
		out.sort(Comparator.comparing((Item i) -> !i.overdue())
			.thenComparing(Item::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
		return out;
	}

	/** The month's figures, for the roles that oversee rather than act. */
	Map<String, Long> figures(FanzhaPrincipal me) {
		if (!(me.has(Role.PROCURATOR) || me.has(Role.OVERSIGHT))) {
			return Map.of();
		}
		OversightReporting.Report r = reports.month(reports.currentMonth());
		Map<String, Long> out = new LinkedHashMap<>();
		for (String k : List.of("reports", "lossFen", "stopsIssued", "stoppedFen", "freezes", "frozenFen",
				"returnedFen", "preventedFen")) {
			out.put(k, r.total(k));
		}
		return out;
	}

	/**
	 * Running clocks and those run out within the window: an old backlog belongs to the
	 * case list, not the queue.
	 */
	private void caseClocks(String agencyOrNull, Instant now, List<Item> out) {
		Instant since = now.minus(CLOCK_WINDOW).minus(CaseRegister.FIRST_LEVEL_DEADLINE);
		for (CaseRegister.Status status : List.of(CaseRegister.Status.RUNNING, CaseRegister.Status.LAPSED)) {
			for (CaseSummary c : cases
				.search(new CaseRegister.Query(agencyOrNull, status, null, since, null, null, 0, PER_KIND))
				.rows()) {
				out.add(new Item("CASE_CLOCK", c.caseNumber(), c.victimMasked(), c.firstLevelDeadline(),
						"/cases/" + c.caseNumber(), c.overdue()));
			}
		}
	}

	private void stopsOverdue(Instant now, List<Item> out) {
		stops.board(StopStatus.ISSUED, null, null, 200)
			.stream()
			.filter(i -> i.overdue(now))
			.limit(PER_KIND)
			.forEach((InstructionView i) -> out.add(new Item("STOP_OVERDUE", i.caseNumber(),
					i.institution() + " " + i.accountNumber(), i.deadline(), "/funds/cases/" + i.caseNumber(), true)));
	}

	private void freezesExpiring(Instant now, List<Item> out) {
		freezes.expiring(FREEZE_RENEWAL_DAYS)
			.stream()
			.limit(PER_KIND)
			.forEach((FreezeView f) -> out
				.add(new Item("FREEZE_EXPIRING", f.caseNumber(), f.institution(), f.expiresAt(),
						"/funds/cases/" + f.caseNumber(), f.expiresAt() != null && f.expiresAt().isBefore(now))));
	}

	private void returnRounds(Instant now, List<Item> out) {
		int n = 0;
		for (ReturnView r : returns.all(200)) {
			boolean objected = r.status() == ReturnStatus.NOTICE && !r.objections().isEmpty();
			boolean toDecide = r.status() == ReturnStatus.PROPOSED
					|| r.status() == ReturnStatus.NOTICE && r.noticeUntil() != null && !r.noticeUntil().isAfter(now);
			if ((objected || toDecide) && n++ < PER_KIND) {
				String caseNumber = freezes.byId(r.freezeId()).map(FreezeView::caseNumber).orElse("");
				out.add(new Item(objected ? "RETURN_OBJECTION" : "RETURN_DECISION", caseNumber,
						"#" + r.id() + " · " + r.round(), r.noticeUntil(), "/funds/cases/" + caseNumber, false));
			}
		}
	}

	/**
	 * The centre reviews appeals; the operator every open measure (appealed or awaiting
	 * re-verification).
	 */
	private void simAppeals(Operator operatorOrNull, Instant now, List<Item> out) {
		measures.list(operatorOrNull, true, 200)
			.stream()
			.filter(m -> "APPEALED".equals(m.status()) || operatorOrNull != null)
			.limit(PER_KIND)
			.forEach(m -> {
				boolean appealed = "APPEALED".equals(m.status());
				Instant due = appealed ? null : m.reverifyBy();
				out.add(new Item(appealed ? "SIM_APPEAL" : "SIM_REVIEW", m.phone(), m.measureLabel(), due,
						"/telecom/measures/" + m.id(), due != null && due.isBefore(now)));
			});
	}

	private void bankInbox(String institution, Instant now, List<Item> out) {
		inbox.waiting(institution)
			.stream()
			.limit(PER_KIND * 4)
			.forEach(i -> out.add(new Item("BANK_" + i.type().name(), i.caseNumber(), "#" + i.instructionId(),
					i.deadline(), "/funds", i.deadline() != null && i.deadline().isBefore(now))));
	}

	private void warningVisits(FanzhaPrincipal me, Instant now, List<Item> out) {
		DissuasionDesk.Viewer v = DissuasionDesk.Viewer.of(me, directory);
		warnings.search(v, new DissuasionDesk.TaskQuery("OPEN", null, null, null, null, 0, PER_KIND))
			.rows()
			.forEach(t -> out.add(new Item("WARNING_VISIT", Masking.mask(t.personPhone(), 3, 4), t.fraudTypeLabel(),
					t.deadline(), "/warnings?task=" + t.id(), t.deadline().isBefore(now))));
	}

	private void studentCases(FanzhaPrincipal me, Instant now, List<Item> out) {
		directory.agency(me.agencyCode())
			.ifPresent(a -> schools
				.cases(new Viewer(me.username(), Role.SCHOOL_OFFICER, a.code(), a.regionCode()), null, 200)
				.stream()
				.filter(c -> !c.nextStages().isEmpty())
				.limit(PER_KIND)
				.forEach(c -> out.add(new Item("STUDENT_CASE", Masking.mask(c.name(), 1, 0), c.stageLabel(), null,
						"/schools", false))));
	}

	private void referrals(List<Item> out) {
		groups.groups(2, 200)
			.stream()
			.filter(g -> g.referral().isPresent())
			.limit(PER_KIND)
			.forEach(g -> out
				.add(new Item("REFERRAL", g.key(), g.cases() + "", null, "/linking/groups/" + g.key(), false)));
	}

}
