package org.fanzha.audit.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fanzha.audit.AuditQuery;
import org.fanzha.audit.AuditTrail;
import org.fanzha.core.Beijing;
import org.fanzha.platform.ChartJson;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console view of the audit log: a chart of reads per day and a filterable table (htmx).
 */
@Controller
class AuditPage {

	private final AuditTrail trail;

	private final Clock clock;

	AuditPage(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	@GetMapping("/audit")
	String page(Model model) {
		Instant now = clock.instant();
		Map<LocalDate, Long> perDay = trail.readsPerDay(now.minus(Duration.ofDays(14)), now.plusSeconds(1));
		LocalDate today = LocalDate.now(clock.withZone(Beijing.ZONE));
		List<String> days = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		for (LocalDate d = today.minusDays(13); !d.isAfter(today); d = d.plusDays(1)) {
			days.add(d.toString());
			counts.add(perDay.getOrDefault(d, 0L));
		}
		model.addAttribute("chartData", ChartJson.of(Map.of("days", days, "counts", counts)));
		model.addAttribute("entries", trail.search(new AuditQuery(null, null, null, null, null, 100)));
		model.addAttribute("zone", Beijing.ZONE);
		return "audit/audit";
	}

	@GetMapping("/audit/entries")
	String entries(@RequestParam(required = false) String actor,
			@RequestParam(name = "case", required = false) String caseRef, Model model) {
		model.addAttribute("entries",
				trail.search(new AuditQuery(null, null, blankToNull(actor), blankToNull(caseRef), null, 100)));
		model.addAttribute("zone", Beijing.ZONE);
		return "audit/audit :: entries";
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
