package org.fanzha.warnings.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.fanzha.console.Labels;
import org.fanzha.core.Money;
import org.fanzha.engine.warnings.FraudType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.fanzha.warnings.Warnings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console: the dissuasion tasks of a station (its visits) or a centre (its region), with the signals behind each, the
 * contact attempts and the outcome form; the centre also enters reports from the public and sees the figures.
 */
@Controller
class WarningsPage {

	private final Warnings warnings;

	private final Directory directory;

	private final Clock clock;

	private final Labels labels;

	WarningsPage(Warnings warnings, Directory directory, Clock clock, Labels labels) {
		this.labels = labels;
		this.warnings = warnings;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/warnings")
	String page(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam(required = false) Long task,
			@RequestParam(defaultValue = "true") boolean open, Model model) {
		fill(me, task, open, model, null);
		return "warnings/page";
	}

	@PostMapping("/warnings/tasks/{id}/attempt")
	String attempt(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestParam(required = false) String note, Model model) {
		try {
			warnings.attempt(id, Viewers.of(me, directory), note);
		}
		catch (InvalidFieldsException | ConflictException e) {
			fill(me, id, true, model, message(e));
			return "warnings/page";
		}
		return "redirect:/warnings?task=" + id;
	}

	@PostMapping("/warnings/tasks/{id}/outcome")
	String close(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id, @RequestParam String outcome,
			@RequestParam(required = false) String note, @RequestParam(required = false) String amountYuan, Model model) {
		try {
			Long fen = amountYuan == null || amountYuan.isBlank() ? null : parseYuan(amountYuan);
			Warnings.Closed closed = warnings.close(id, Viewers.of(me, directory), outcome, note, fen);
			if (closed.intake() != null && !me.has(org.fanzha.identity.Role.PROCURATOR)) {
				return "redirect:" + closed.intake();
			}
		}
		catch (InvalidFieldsException | ConflictException e) {
			fill(me, id, true, model, message(e));
			return "warnings/page";
		}
		return "redirect:/warnings?task=" + id + "&open=false";
	}

	@PostMapping("/warnings/reports")
	String report(@AuthenticationPrincipal FanzhaPrincipal me, @RequestParam String personPhone,
			@RequestParam(required = false) String personName, @RequestParam String region,
			@RequestParam(required = false) String fraudType, @RequestParam(required = false) String note, Model model) {
		try {
			warnings.signals(me.agencyType(), me.agencyCode() + "/" + me.username(),
					List.of(new Warnings.SignalIn("PUBLIC_REPORT", personPhone, personName, null, region, null, null, null,
							null, null, fraudType == null || fraudType.isBlank() ? null : fraudType, clock.instant())));
		}
		catch (InvalidFieldsException e) {
			fill(me, null, true, model, message(e));
			return "warnings/page";
		}
		return "redirect:/warnings";
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

	private void fill(FanzhaPrincipal me, Long task, boolean open, Model model, String error) {
		Warnings.Viewer v = Viewers.of(me, directory);
		model.addAttribute("viewer", v.kind().name());
		model.addAttribute("error", error);
		model.addAttribute("zone", ZoneOffset.ofHours(8));
		model.addAttribute("now", clock.instant());
		model.addAttribute("types", FraudType.values());
		model.addAttribute("outcomes", List.of("DISSUADED", "ALREADY_PAID", "NOT_VICTIM", "UNREACHABLE"));
		model.addAttribute("open", open);
		if (v.kind() == Warnings.Viewer.Kind.SENDER) {
			model.addAttribute("tasks", List.of());
			return;
		}
		model.addAttribute("tasks", warnings.list(v, open, 200));
		if (task != null) {
			try {
				model.addAttribute("task", warnings.get(task, v));
				model.addAttribute("evidence", warnings.evidence(task, v));
			}
			catch (NotFoundException e) {
				model.addAttribute("error", labels.explain(e));
			}
		}
		if (v.kind() == Warnings.Viewer.Kind.CENTRE) {
			Instant to = clock.instant().plus(1, ChronoUnit.MINUTES);
			model.addAttribute("stats", warnings.statistics(to.minus(30, ChronoUnit.DAYS), to, v.regionPrefix()));
		}
	}
}
