package org.fanzha.warnings.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.core.Beijing;
import org.fanzha.core.Masking;
import org.fanzha.core.Money;
import org.fanzha.core.PhoneNumber;
import org.fanzha.engine.warnings.FraudType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.Role;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.Labels;
import org.fanzha.platform.NotFoundException;
import org.fanzha.warnings.DissuasionDesk;
import org.fanzha.warnings.SignalIntake;
import org.fanzha.warnings.WarningStatistics;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console: the dissuasion tasks of a station (its visits) or a centre (its region), with
 * the signals behind each, the contact attempts and the outcome form; the centre also
 * enters reports from the public and sees the figures.
 */
@Controller
class WarningsPage {

	static final int PAGE_SIZE = 50;

	private static final ZoneOffset CST = Beijing.ZONE;

	private final DissuasionDesk warnings;

	private final SignalIntake intake;

	private final WarningStatistics figures;

	private final Directory directory;

	private final Clock clock;

	private final Labels labels;

	WarningsPage(DissuasionDesk warnings, SignalIntake intake, WarningStatistics figures, Directory directory,
			Clock clock, Labels labels) {
		this.labels = labels;
		this.warnings = warnings;
		this.intake = intake;
		this.figures = figures;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Fifty tasks a page, the most urgent first, filtered by status, fraud type and date
	 * and searched by phone; htmx asks for the table alone (the {@code rows} fragment) as
	 * the filters change.
	 */
	@GetMapping("/warnings")
	String page(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) Long task,
			@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) String status,
			@RequestParam(required = false) String type, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String phone,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		Filter filter = Filter.of(open, status, type, from, to, phone, page);
		fill(me, task, filter, model, null);
		return htmx != null && task == null ? "warnings/page :: rows" : "warnings/page";
	}

	/**
	 * The filter as typed, for the form and the page links; {@code status} empty means
	 * every task.
	 */
	record Filter(String status, String type, String from, String to, String phone, int page) {

		static final List<String> STATUSES = List.of("OPEN_ALL", "OPEN", "REFERRED", "CLOSED");

		static Filter of(boolean open, String status, String type, String from, String to, String phone, int page) {
			String st = status == null ? (open ? "OPEN_ALL" : "") : STATUSES.contains(status) ? status : "";
			String ft = type != null && Arrays.stream(FraudType.values()).anyMatch(t -> t.name().equals(type)) ? type
					: "";
			return new Filter(st, ft, date(from) == null ? "" : from.strip(), date(to) == null ? "" : to.strip(),
					phone == null ? "" : phone.strip(), Math.max(0, page));
		}

		static Filter openTasks() {
			return new Filter("OPEN_ALL", "", "", "", "", 0);
		}

		DissuasionDesk.TaskQuery query() {
			LocalDate f = date(from), t = date(to);
			return new DissuasionDesk.TaskQuery(status.isEmpty() ? null : status, type.isEmpty() ? null : type,
					f == null ? null : f.atStartOfDay(CST).toInstant(),
					t == null ? null : t.plusDays(1).atStartOfDay(CST).toInstant(), phone, page, PAGE_SIZE);
		}

		boolean open() {
			return "OPEN_ALL".equals(status);
		}

		private static LocalDate date(String value) {
			try {
				return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
	}

	@PostMapping("/warnings/tasks/{id}/attempt")
	String attempt(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String note, Model model) {
		try {
			warnings.attempt(id, TaskViewers.of(me, directory), note);
		}
		catch (InvalidFieldsException | ConflictException e) {
			fill(me, id, Filter.openTasks(), model, message(e));
			return "warnings/page";
		}
		return "redirect:/warnings?task=" + id;
	}

	@PostMapping("/warnings/tasks/{id}/outcome")
	String close(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @RequestParam String outcome,
			@RequestParam(required = false) String note, @RequestParam(required = false) String amountYuan,
			Model model) {
		try {
			Long fen = amountYuan == null || amountYuan.isBlank() ? null : parseYuan(amountYuan);
			DissuasionDesk.Closed closed = warnings.close(id, TaskViewers.of(me, directory), outcome, note, fen);
			if (closed.intake() != null && !me.has(Role.PROCURATOR)) {
				return "redirect:" + closed.intake();
			}
		}
		catch (InvalidFieldsException | ConflictException e) {
			fill(me, id, Filter.openTasks(), model, message(e));
			return "warnings/page";
		}
		return "redirect:/warnings?task=" + id + "&open=false";
	}

	@PostMapping("/warnings/reports")
	String report(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam String personPhone,
			@RequestParam(required = false) String personName, @RequestParam String region,
			@RequestParam(required = false) String fraudType, @RequestParam(required = false) String note,
			Model model) {
		try {
			intake.signals(me.agencyType(), me.agencyCode() + "/" + me.username(),
					List.of(new SignalIntake.SignalIn("PUBLIC_REPORT", personPhone, personName, null, region, null,
							null, null, null, null, fraudType == null || fraudType.isBlank() ? null : fraudType,
							clock.instant())));
		}
		catch (InvalidFieldsException e) {
			fill(me, null, Filter.openTasks(), model, message(e));
			return "warnings/page";
		}
		return "redirect:/warnings";
	}

	private static String masked(String phone) {
		try {
			return PhoneNumber.parse(phone).masked();
		}
		catch (IllegalArgumentException e) {
			return Masking.mask(phone, 3, 4);
		}
	}

	private static long parseYuan(String text) {
		if (!Money.isValid(text.strip())) {
			throw new InvalidFieldsException(Map.of("amountYuan", "must be an amount in yuan, e.g. 5000 or 5000.50"));
		}
		return Money.parse(text.strip()).fen();
	}

	private String message(RuntimeException e) {
		return labels.explain(e);
	}

	private void fill(FanzhaPrincipal me, Long task, Filter filter, Model model, String error) {
		DissuasionDesk.Viewer v = TaskViewers.of(me, directory);
		model.addAttribute("viewer", v.kind().name());
		model.addAttribute("error", error);
		model.addAttribute("zone", Beijing.ZONE);
		model.addAttribute("now", clock.instant());
		model.addAttribute("types", FraudType.values());
		model.addAttribute("outcomes", List.of("DISSUADED", "ALREADY_PAID", "NOT_VICTIM", "UNREACHABLE"));
		model.addAttribute("open", filter.open());
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", Filter.STATUSES);
		if (v.kind() == DissuasionDesk.Viewer.Kind.SENDER) {
			model.addAttribute("tasks", List.of());
			return;
		}
		DissuasionDesk.TaskPage result = warnings.search(v, filter.query());
		model.addAttribute("result", result);
		model.addAttribute("tasks", result.rows());
		// the list shows a station masked phones (the task's own page shows the number to
		// call); the centre searches
		// and routes by number, so it sees them whole
		Map<Long, String> phones = new HashMap<>();
		for (DissuasionDesk.TaskView t : result.rows()) {
			phones.put(t.id(),
					v.kind() == DissuasionDesk.Viewer.Kind.CENTRE ? t.personPhone() : masked(t.personPhone()));
		}
		model.addAttribute("phones", phones);
		if (task != null) {
			try {
				model.addAttribute("task", warnings.get(task, v));
				model.addAttribute("evidence", warnings.evidence(task, v));
			}
			catch (NotFoundException e) {
				model.addAttribute("error", labels.explain(e));
			}
		}
		if (v.kind() == DissuasionDesk.Viewer.Kind.CENTRE) {
			Instant to = clock.instant().plus(1, ChronoUnit.MINUTES);
			model.addAttribute("stats", figures.statistics(to.minus(30, ChronoUnit.DAYS), to, v.regionPrefix()));
		}
	}

}
