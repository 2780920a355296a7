package org.fanzha.warnings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.fanzha.audit.AuditTrail;
import org.fanzha.core.IdNumber;
import org.fanzha.core.PhoneNumber;
import org.fanzha.core.RegionCode;
import org.fanzha.engine.warnings.Channel;
import org.fanzha.engine.warnings.Escalation;
import org.fanzha.engine.warnings.FraudType;
import org.fanzha.engine.warnings.Grade;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The dissuasion tasks, as the police work them: a station sees its own, a centre those
 * of its region; an officer records attempts and the outcome; {@link #escalateDue()}
 * moves unreachable or overdue tasks up the ladder ({@link Escalation}) and re-routes
 * them ({@link StationRoutes}). Prevented loss per outcome: see {@link #close}. Tasks are
 * raised by the {@link SignalIntake}; the figures are the {@link WarningStatistics}'.
 */
@Service
public class DissuasionDesk {

	/**
	 * Who looks: a centre sees its region (code prefix), a station its own tasks, others
	 * none.
	 */
	public record Viewer(String username, String agencyCode, Kind kind, String regionPrefix) {

		public enum Kind {

			CENTRE, STATION, SENDER

		}

		/**
		 * A centre sees its region, a station its own tasks, everyone else sends signals
		 * only.
		 */
		public static Viewer of(FanzhaPrincipal me, Directory directory) {
			if (me.has(Role.CENTRE_OFFICER)) {
				RegionCode region = directory.agency(me.agencyCode()).map(a -> a.regionCode()).orElse(null);
				return new Viewer(me.username(), me.agencyCode(), Kind.CENTRE, prefix(region));
			}
			if (me.has(Role.STATION_OFFICER)) {
				return new Viewer(me.username(), me.agencyCode(), Kind.STATION, null);
			}
			return new Viewer(me.username(), me.agencyCode(), Kind.SENDER, null);
		}

		/**
		 * 610000 ⇒ "61", 610100 ⇒ "6101", a county ⇒ its six digits; no region ⇒ nothing.
		 */
		static String prefix(RegionCode region) {
			if (region == null) {
				return "-";
			}
			return region.isProvince() ? region.value().substring(0, 2)
					: region.isPrefecture() ? region.value().substring(0, 4) : region.value();
		}
	}

	public record TaskView(long id, String personPhone, String personName, String idNumber, String region,
			String regionName, String stationCode, String stationName, String grade, String channel, String fraudType,
			List<String> reasons, String smsText, Instant raisedAt, Instant deadline, String status, int failedAttempts,
			List<String> history, Long amountAtRiskFen, String outcome, String outcomeNote, long preventedFen,
			String closedBy, Instant closedAt) {

		public String gradeLabel() {
			return Grade.valueOf(grade).label();
		}

		public String fraudTypeLabel() {
			return FraudType.valueOf(fraudType).label();
		}

		public boolean open() {
			return !"CLOSED".equals(status);
		}

		TaskView masked(String phone, String id) {
			return new TaskView(id(), phone, personName, id, region, regionName, stationCode, stationName, grade,
					channel, fraudType, reasons, smsText, raisedAt, deadline, status, failedAttempts, history,
					amountAtRiskFen, outcome, outcomeNote, preventedFen, closedBy, closedAt);
		}
	}

	/**
	 * A filter of the task list; every field may be null.
	 *
	 * @param status OPEN, REFERRED, CLOSED, or OPEN_ALL for every task not closed
	 * @param phone digits of the person's phone
	 * @param to exclusive
	 */
	public record TaskQuery(String status, String fraudType, Instant from, Instant to, String phone, int page,
			int size) {

		public TaskQuery {
			phone = phone == null ? null : phone.replaceAll("[^0-9]", "");
			phone = phone == null || phone.isEmpty() ? null : phone;
			page = Math.max(0, page);
			if (size < 1 || size > 500) {
				throw new IllegalArgumentException("size must be between 1 and 500, got " + size);
			}
		}
	}

	/** One page of tasks and how many match. */
	public record TaskPage(List<TaskView> rows, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	/**
	 * The closed task and, when the person had already paid, the link to a prefilled case
	 * intake.
	 */
	public record Closed(TaskView task, String intake) {
	}

	/** Outcomes an officer records; SMS_SENT is the system's own for an SMS. */
	public static final Set<String> OUTCOMES = Set.of("DISSUADED", "ALREADY_PAID", "NOT_VICTIM", "UNREACHABLE");

	private final Dissuasions tasks;

	private final Signals signals;

	private final Admissions admissions;

	private final StationRoutes routes;

	private final History history;

	private final AuditTrail audit;

	private final Clock clock;

	private final WarningsProperties properties;

	private final Escalation escalation;

	DissuasionDesk(Dissuasions tasks, Signals signals, Admissions admissions, StationRoutes routes, History history,
			AuditTrail audit, Clock clock, WarningsProperties properties) {
		this.tasks = tasks;
		this.signals = signals;
		this.admissions = admissions;
		this.routes = routes;
		this.history = history;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
		this.escalation = new Escalation(properties.maxAttempts(), properties.deadlines());
	}

	/**
	 * Moves open tasks that are unreachable or overdue up the ladder; a visit is referred
	 * up.
	 */
	@Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
	public int escalateDue() {
		Instant now = clock.instant();
		int moved = 0;
		for (Dissuasions.Row t : tasks.due(now)) {
			if (decide(t, now)) {
				moved++;
			}
		}
		return moved;
	}

	private boolean decide(Dissuasions.Row t, Instant now) {
		Escalation.Decision d = escalation.decide(new Escalation.Task(Long.toString(t.id()), Grade.valueOf(t.grade()),
				Channel.valueOf(t.channel()), t.deadline(), t.failedAttempts()), now);
		switch (d.action()) {
			case KEEP:
				return false;
			case REFER_UP:
				return tasks.refer(t.id(), history.line(now, d.reasonCode() + " " + d.text()));
			default:
				Escalation.Task next = d.task();
				StationRoutes.Route r = routes.route(next.channel(), t.region());
				synchronized (admissions.lock()) {
					admissions.admit(t.phone(), next.grade(), next.channel(), now);
				}
				return tasks.escalate(t.id(), t.channel(), next.grade().name(), next.channel().name(), next.deadline(),
						r.code(), r.name(), history.line(now, d.reasonCode() + " " + d.text()));
		}
	}

	/**
	 * Tasks the viewer may see, newest first: a station its own, a centre those of its
	 * region.
	 */
	public List<TaskView> list(Viewer viewer, boolean openOnly, int limit) {
		List<TaskView> found = switch (viewer.kind()) {
			case STATION -> tasks.forStation(viewer.agencyCode(), openOnly, limit);
			case CENTRE -> tasks.forRegion(viewer.regionPrefix(), openOnly, limit);
			case SENDER ->
				throw new AccessDeniedException("banks and operators send signals; dissuasion tasks are the police's");
		};
		// the viewer's agency says whose tasks were listed (a centre's region or a
		// station's own)
		audit.read("warning-tasks", viewer.agencyCode(), null, "dissuasion task list " + found.size());
		return found.stream().map(t -> mask(t, viewer)).toList();
	}

	/** A filtered page of the tasks the viewer may see, the most urgent first. */
	public TaskPage search(Viewer viewer, TaskQuery query) {
		if (viewer.kind() == Viewer.Kind.SENDER) {
			throw new AccessDeniedException("banks and operators send signals; dissuasion tasks are the police's");
		}
		TaskPage found = tasks.search(viewer, query);
		audit.read("warning-tasks", viewer.kind() + ":" + viewer.agencyCode(), null,
				"dissuasion task list (" + found.rows().size() + " persons)");
		return new TaskPage(found.rows().stream().map(t -> mask(t, viewer)).toList(), found.page(), found.size(),
				found.total());
	}

	public TaskView get(long id, Viewer viewer) {
		TaskView t = visible(id, viewer);
		audit.read("warning-task", Long.toString(id), null,
				"dissuasion task of " + PhoneNumber.parse(t.personPhone()).masked());
		return mask(t, viewer);
	}

	/** The signals behind a task (what the officer says when calling or at the door). */
	public List<String> evidence(long id, Viewer viewer) {
		visible(id, viewer);
		return signals.forTask(id);
	}

	private TaskView visible(long id, Viewer viewer) {
		TaskView t = tasks.byId(id).orElseThrow(() -> new NotFoundException("no dissuasion task " + id));
		boolean may = switch (viewer.kind()) {
			case STATION -> viewer.agencyCode().equals(t.stationCode());
			case CENTRE -> t.region().startsWith(viewer.regionPrefix());
			case SENDER -> false;
		};
		if (!may) {
			throw new NotFoundException("no dissuasion task " + id); // not even whether
																		// it exists
		}
		return t;
	}

	/**
	 * The station and the centre need the phone to reach the person; the ID number stays
	 * masked for the station.
	 */
	private static TaskView mask(TaskView t, Viewer viewer) {
		String id = t.idNumber() == null ? null
				: viewer.kind() == Viewer.Kind.CENTRE ? t.idNumber() : IdNumber.parse(t.idNumber()).masked();
		return t.masked(t.personPhone(), id);
	}

	/**
	 * A contact attempt that did not reach the person; enough of them escalate the task
	 * at once.
	 */
	public TaskView attempt(long id, Viewer viewer, String note) {
		if (note != null && note.length() > 400) {
			throw new InvalidFieldsException(Map.of("note", "at most 400 characters"));
		}
		TaskView t = visible(id, viewer);
		Instant now = clock.instant();
		if (!tasks.attempt(id,
				history.line(now, "未联系上（" + viewer.username() + "）" + (note == null ? "" : "：" + note.strip())))) {
			throw new ConflictException("task " + id + " is " + t.status() + ": no attempt to record");
		}
		tasks.byRow(id).ifPresent(r -> decide(r, now));
		return get(id, viewer);
	}

	/**
	 * Records the outcome. Prevented loss (docs/warnings.md): DISSUADED counts the amount
	 * the person was about to pay — as the officer states it, else the largest amount a
	 * bank reported with the signals, else the assumed loss of the likely fraud type;
	 * every other outcome prevents nothing. ALREADY_PAID answers with a link to a case
	 * intake prefilled with the person's details.
	 */
	public Closed close(long id, Viewer viewer, String outcome, String note, Long amountAtRiskFen) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (outcome == null || !OUTCOMES.contains(outcome)) {
			errors.put("outcome", "must be one of " + new TreeSet<>(OUTCOMES));
		}
		if (note != null && note.length() > 400) {
			errors.put("note", "at most 400 characters");
		}
		if (amountAtRiskFen != null && amountAtRiskFen < 0) {
			errors.put("amountAtRiskFen", "must not be negative");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		TaskView t = visible(id, viewer);
		long prevented = 0;
		if ("DISSUADED".equals(outcome)) {
			long reported = signals.largestAmount(id);
			prevented = amountAtRiskFen != null ? amountAtRiskFen
					: reported > 0 ? reported : properties.assumedLossFen(FraudType.valueOf(t.fraudType()));
		}
		Instant now = clock.instant();
		if (!tasks.close(id, outcome, note == null ? null : note.strip(), prevented, viewer.username(), now,
				amountAtRiskFen, history.closed(now, outcome, viewer.username()))) {
			throw new ConflictException("task " + id + " is already closed");
		}
		TaskView closed = get(id, viewer);
		String intake = null;
		if ("ALREADY_PAID".equals(outcome)) {
			StringBuilder b = new StringBuilder("/cases/new?phone=").append(closed.personPhone())
				.append("&regionCode=")
				.append(closed.region())
				.append("&fraudType=")
				.append(caseType(FraudType.valueOf(closed.fraudType())));
			if (closed.personName() != null) {
				b.append("&name=").append(URLEncoder.encode(closed.personName(), StandardCharsets.UTF_8));
			}
			if (viewer.kind() == Viewer.Kind.CENTRE && closed.idNumber() != null) {
				b.append("&idNumber=").append(closed.idNumber());
			}
			signals.fraudNumbers(id).stream().findFirst().ifPresent(n -> b.append("&suspectPhone=").append(n));
			intake = b.toString();
		}
		return new Closed(closed, intake);
	}

	/** The case intake's fraud type for a warning's type. */
	static String caseType(FraudType t) {
		org.fanzha.core.FraudType c = t.caseType(); // style:fqn
		return c == null ? "" : c.name(); // UNKNOWN: the officer picks one
	}

}
