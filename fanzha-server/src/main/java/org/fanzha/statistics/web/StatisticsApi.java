package org.fanzha.statistics.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.statistics.OversightReporting;
import org.fanzha.statistics.ReportWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The oversight report as JSON and as an Excel workbook: aggregates only. */
@RestController
@Tag(name = "Statistics", description = "Oversight figures of the whole platform by period, region and agency")
class StatisticsApi {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final OversightReporting reports;

	StatisticsApi(OversightReporting reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/statistics/report")
	@Operation(
			summary = "The report for a month (month=2026-11) or a period (from=2026-11-01&to=2026-12-01, to exclusive); default: this month")
	OversightReporting.Report report(@RequestParam(required = false) String month,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return period(reports, month, from, to);
	}

	@GetMapping("/api/v1/statistics/report.xlsx")
	@Operation(summary = "The same report as an Excel workbook")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String month,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return workbook(period(reports, month, from, to));
	}

	static ResponseEntity<byte[]> workbook(OversightReporting.Report r) {
		String name = "fanzha-report-" + r.from() + "-" + r.toExclusive().minusDays(1) + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(ReportWorkbook.write(r));
	}

	static OversightReporting.Report period(OversightReporting reports, String month, String from, String to) {
		try {
			if (from != null || to != null) {
				if (from == null || to == null) {
					throw new InvalidFieldsException(
							Map.of("period", "give both from and to (yyyy-MM-dd), or month (yyyy-MM)"));
				}
				return reports.report(LocalDate.parse(from), LocalDate.parse(to));
			}
			return reports.month(month == null || month.isBlank() ? reports.currentMonth() : YearMonth.parse(month));
		}
		catch (DateTimeParseException e) {
			throw new InvalidFieldsException(Map.of("period", "month is yyyy-MM, from and to are yyyy-MM-dd"));
		}
	}

}
