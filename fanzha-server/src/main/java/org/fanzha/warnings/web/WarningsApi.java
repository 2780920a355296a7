package org.fanzha.warnings.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.warnings.DissuasionDesk;
import org.fanzha.warnings.SignalIntake;
import org.fanzha.warnings.WarningStatistics;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Early warning: signals in from banks, operators and the centre; dissuasion tasks for
 * the centre and stations.
 */
@RestController
@Tag(name = "Warnings", description = "Potential-victim signals, graded dissuasion tasks, outcomes and statistics")
class WarningsApi {

	private final DissuasionDesk warnings;

	private final SignalIntake intake;

	private final WarningStatistics figures;

	private final Directory directory;

	private final Clock clock;

	WarningsApi(DissuasionDesk warnings, SignalIntake intake, WarningStatistics figures, Directory directory,
			Clock clock) {
		this.warnings = warnings;
		this.intake = intake;
		this.figures = figures;
		this.directory = directory;
		this.clock = clock;
	}

	@PostMapping("/api/v1/warnings/signals")
	@Operation(summary = "Send signals about potential victims (1-1,000): banks payer warnings and transfers to risky "
			+ "accounts, operators calls/SMS from fraud numbers, the centre all kinds incl. reports from the public")
	SignalIntake.Receipt signals(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestBody List<SignalIntake.SignalIn> in) {
		return intake.signals(me.agencyType(), me.agencyCode() + "/" + me.username(), in);
	}

	@GetMapping("/api/v1/warnings/tasks")
	@Operation(summary = "Dissuasion tasks, newest first: a station its own visits, a centre those of its region")
	List<DissuasionDesk.TaskView> tasks(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(defaultValue = "false") boolean open) {
		return warnings.list(TaskViewers.of(me, directory), open, 500);
	}

	@GetMapping("/api/v1/warnings/tasks/{id}")
	DissuasionDesk.TaskView task(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		return warnings.get(id, TaskViewers.of(me, directory));
	}

	@GetMapping("/api/v1/warnings/tasks/{id}/evidence")
	@Operation(summary = "The signals behind a task")
	List<String> evidence(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id) {
		return warnings.evidence(id, TaskViewers.of(me, directory));
	}

	record NoteIn(String note) {
	}

	record OutcomeIn(String outcome, String note, Long amountAtRiskFen) {
	}

	@PostMapping("/api/v1/warnings/tasks/{id}/attempts")
	@Operation(summary = "Record a contact attempt that did not reach the person (enough of them escalate the task)")
	DissuasionDesk.TaskView attempt(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody(required = false) NoteIn in) {
		return warnings.attempt(id, TaskViewers.of(me, directory), in == null ? null : in.note());
	}

	@PostMapping("/api/v1/warnings/tasks/{id}/outcome")
	@Operation(
			summary = "Close a task: DISSUADED, ALREADY_PAID (answers a prefilled case-intake link), NOT_VICTIM, UNREACHABLE")
	DissuasionDesk.Closed close(@AuthenticationPrincipal FanzhaPrincipal me, @PathVariable long id,
			@RequestBody OutcomeIn in) {
		if (in == null) {
			throw new InvalidFieldsException(Map.of("outcome", "is required"));
		}
		return warnings.close(id, TaskViewers.of(me, directory), in.outcome(), in.note(), in.amountAtRiskFen());
	}

	@GetMapping("/api/v1/warnings/statistics")
	@Operation(summary = "Warnings by channel, outcome, city and fraud type with prevented loss (aggregates only)")
	WarningStatistics.Statistics statistics(@AuthenticationPrincipal FanzhaPrincipal me,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		DissuasionDesk.Viewer v = TaskViewers.of(me, directory);
		if (v.kind() != DissuasionDesk.Viewer.Kind.CENTRE) {
			throw new AccessDeniedException("warning statistics are the centre's");
		}
		Instant end = to == null ? clock.instant().plus(1, ChronoUnit.DAYS) : to;
		return figures.statistics(from == null ? end.minus(31, ChronoUnit.DAYS) : from, end, v.regionPrefix());
	}

}
