package org.fanzha.statistics.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fanzha.core.RegionCode;
import org.fanzha.platform.ChartJson;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.Labels;
import org.fanzha.statistics.OversightReporting;
import org.fanzha.statistics.ReportWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console: the oversight dashboard with charts, the printable monthly report and its
 * Excel export.
 */
@Controller
class StatisticsPage {

	private final OversightReporting reports;

	private final Labels labels;

	StatisticsPage(OversightReporting reports, Labels labels) {
		this.labels = labels;
		this.reports = reports;
	}

	@GetMapping("/statistics")
	String dashboard(@RequestParam(required = false) String month, Model model) {
		fill(month, model);
		return "statistics/dashboard";
	}

	@GetMapping("/statistics/print")
	String print(@RequestParam(required = false) String month, Model model) {
		fill(month, model);
		return "statistics/print";
	}

	@GetMapping("/statistics/report.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String month) {
		return StatisticsApi.workbook(StatisticsApi.period(reports, month, null, null));
	}

	private void fill(String month, Model model) {
		OversightReporting.Report r;
		try {
			r = StatisticsApi.period(reports, month, null, null);
		}
		catch (InvalidFieldsException e) {
			model.addAttribute("error", labels.explain(e));
			r = reports.month(reports.currentMonth());
		}
		model.addAttribute("r", r);
		model.addAttribute("month", YearMonth.from(r.from()).toString());
		model.addAttribute("labels", ReportWorkbook.TOTALS);
		// plain lists and maps for the charts, read by /js/dashboard.js from the page's
		// data-chart attribute
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("cities", r.byCity().stream().map(OversightReporting.Row::label).toList());
		chart.put("reports", r.byCity().stream().map(x -> x.get("reports")).toList());
		chart.put("warnings", r.byCity().stream().map(x -> x.get("warnings")).toList());
		chart.put("types", r.byFraudType().stream().map(OversightReporting.Row::label).toList());
		chart.put("typeLoss", r.byFraudType().stream().map(x -> x.get("lossFen") / 100).toList());
		chart.put("channels",
				r.warningsByChannel()
					.stream()
					.map(x -> Map.<String, Object>of("name", x.label(), "value", x.get("warnings")))
					.toList());
		chart.put("money",
				Stream.of("lossFen", "stoppedFen", "frozenFen", "returnedFen", "preventedFen")
					.map(k -> labels.of("money", k))
					.toList());
		chart.put("yuan", List.of(r.total("lossFen") / 100, r.total("stoppedFen") / 100, r.total("frozenFen") / 100,
				r.total("returnedFen") / 100, r.total("preventedFen") / 100));
		chart.put("map", mapRows(r));
		chart.put("counties", countyRows(r));
		model.addAttribute("chartData", ChartJson.of(chart));
	}

	/**
	 * One row per Shaanxi prefecture-level city of
	 * {@link org.fanzha.core.RegionCode#shaanxi()}, zero where nothing happened, named as
	 * the features of /geo/shaanxi-cities.json are (西安市 ...): the map's data.
	 */
	static List<Map<String, Object>> mapRows(OversightReporting.Report r) {
		Map<String, OversightReporting.Row> byCode = new HashMap<>();
		r.byCity().forEach(x -> byCode.put(x.key(), x));
		return RegionCode.shaanxi().stream().filter(RegionCode::isPrefecture).map(c -> {
			OversightReporting.Row x = byCode.get(c.value());
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", c.name().orElse(c.value()));
			m.put("code", c.value());
			m.put("reports", x == null ? 0L : x.get("reports"));
			m.put("lossYuan", x == null ? 0L : x.get("lossFen") / 100);
			m.put("warnings", x == null ? 0L : x.get("warnings"));
			return m;
		}).toList();
	}

	/**
	 * Each Shaanxi city's county-level divisions (every one of RegionCode, zero where
	 * nothing was reported) with their reports and losses, by city code: shown as bars
	 * when the map's city is clicked. Warnings are counted by city only.
	 */
	static Map<String, List<Map<String, Object>>> countyRows(OversightReporting.Report r) {
		Map<String, OversightReporting.Row> byCode = new HashMap<>();
		r.byCounty().forEach(x -> byCode.put(x.key(), x));
		Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
		for (RegionCode c : RegionCode.shaanxi()) {
			if (!c.isCounty()) {
				continue;
			}
			OversightReporting.Row x = byCode.get(c.value());
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", c.name().orElse(c.value()));
			m.put("reports", x == null ? 0L : x.get("reports"));
			m.put("lossYuan", x == null ? 0L : x.get("lossFen") / 100);
			out.computeIfAbsent(c.prefecture().value(), k -> new ArrayList<>()).add(m);
		}
		return out;
	}

}
