package org.fanzha.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fanzha.core.BankCardNumber;
import org.fanzha.core.IdNumber;
import org.fanzha.identity.Directory;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The oversight report: it counts what the agencies did in the month (a report's loss, a
 * dissuasion's prevented loss), exports the same figures to Excel, refuses bad periods,
 * and carries no person's data; the oversight role cannot reach case or task data at all.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StatisticsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	MvcResult get(String user, String path) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, DemoLogins.PASSWORD))).andReturn();
	}

	static long total(String json, String name) {
		Matcher m = Pattern.compile("\"totals\":\\{[^}]*\"" + name + "\":(\\d+)").matcher(json);
		assertThat(m.find()).as(name + " in " + json).isTrue();
		return Long.parseLong(m.group(1));
	}

	@Test
	void theMonthlyReportCountsWhatTheAgenciesDidAndNothingPersonal() throws Exception {
		String month = YearMonth.now(ZoneOffset.ofHours(8)).toString();
		String before = get("oversight", "/api/v1/statistics/report?month=" + month).getResponse().getContentAsString();
		String idNumber = IdNumber.withCheckDigit("61011319870512331");
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1_200);
		String intake = """
				{"victim":{"name":"统计甲","idNumber":"%s","phone":"13912340001","regionCode":"610113"},"fraudType":"FAKE_POLICE",
				 "narrative":"测试","reportedAt":"%s","payments":[{"payerAccount":"%s","payeeName":"某某",
				 "payeeAccount":"ICBC:STAT1","payeeBank":"ICBC","amountFen":1234500,"paidAt":"%s"}],"suspects":{"phones":[]}}"""
			.formatted(idNumber, at, BankCardNumber.withLuhnDigit("622202000000000000"), at.minusSeconds(600));
		MvcResult c = post("centre", "/api/v1/cases", intake);
		assertThat(c.getResponse().getStatus()).as(c.getResponse().getContentAsString()).isBetween(200, 201);
		assertThat(post("bank", "/api/v1/warnings/signals", """
				[{"kind":"TRANSFER_TO_RISKY_ACCOUNT","personPhone":"13912340002","personName":"统计乙","region":"610113",
				  "amountFen":300000,"at":"%s"}]""".formatted(at)).getResponse().getStatus()).isEqualTo(200);
		String tasks = get("centre", "/api/v1/warnings/tasks").getResponse().getContentAsString();
		Matcher t = Pattern.compile("\\{\"id\":(\\d+),\"personPhone\":\"13912340002\"").matcher(tasks);
		assertThat(t.find()).isTrue();
		assertThat(post("station", "/api/v1/warnings/tasks/" + t.group(1) + "/outcome", "{\"outcome\":\"DISSUADED\"}")
			.getResponse()
			.getStatus()).isEqualTo(200);

		MvcResult after = get("oversight", "/api/v1/statistics/report?month=" + month);
		assertThat(after.getResponse().getStatus()).isEqualTo(200);
		String json = after.getResponse().getContentAsString();
		assertThat(total(json, "reports") - total(before, "reports")).isEqualTo(1);
		assertThat(total(json, "lossFen") - total(before, "lossFen")).isEqualTo(1_234_500);
		assertThat(total(json, "dissuaded") - total(before, "dissuaded")).isEqualTo(1);
		assertThat(total(json, "preventedFen") - total(before, "preventedFen")).isEqualTo(300_000);
		assertThat(json).contains("\"label\":\"西安市\"").contains("\"label\":\"冒充公检法\"").contains("\"recoveryRate\":");
		// the demo's card-cutting seed (a proposal, a student notified to NWU) and the
		// linking figures are in it too
		assertThat(total(json, "listingsProposed")).isPositive();
		assertThat(total(json, "studentsNotified")).isPositive();
		assertThat(json).contains("\"caseGroups\":").contains("\"referrals\":");
		// aggregates only
		assertThat(json).doesNotContain("统计甲")
			.doesNotContain("统计乙")
			.doesNotContain(idNumber)
			.doesNotContain("13912340001")
			.doesNotContain("13912340002")
			.doesNotContain("ICBC:STAT1");
		assertThat(Pattern.compile("1[3-9]\\d{9}").matcher(json).find()).isFalse();

		// the printable report and the dashboard render the same totals
		String print = mvc
			.perform(MockMvcRequestBuilders.get("/statistics/print?month=" + month)
				.with(SecurityMockMvcRequestPostProcessors.user(directory.loadUserByUsername("oversight"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(print).contains("电信网络诈骗治理工作月报").contains("一、主要数字").contains("西安市").doesNotContain("统计甲");
		String dashboard = mvc
			.perform(MockMvcRequestBuilders.get("/statistics?month=" + month)
				.with(SecurityMockMvcRequestPostProcessors.user(directory.loadUserByUsername("oversight"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dashboard).contains("id=\"fig-reports\"").contains("chart-cities").doesNotContain("13912340002");

		// the same figures in the workbook
		MvcResult x = get("oversight", "/api/v1/statistics/report.xlsx?month=" + month);
		assertThat(x.getResponse().getContentType()).contains("spreadsheetml");
		assertThat(x.getResponse().getHeader("Content-Disposition")).contains("fanzha-report-" + month);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.getResponse().getContentAsByteArray()))) {
			Sheet summary = wb.getSheet("汇总");
			assertThat(summary).isNotNull();
			double reports = -1, loss = -1;
			for (Row r : summary) {
				if (r.getCell(0) != null && "报案数".equals(r.getCell(0).getStringCellValue())) {
					reports = r.getCell(1).getNumericCellValue();
				}
				if (r.getCell(0) != null && "报案损失（元）".equals(r.getCell(0).getStringCellValue())) {
					loss = r.getCell(1).getNumericCellValue();
				}
			}
			assertThat((long) reports).isEqualTo(total(json, "reports"));
			assertThat(Math.round(loss * 100)).isEqualTo(total(json, "lossFen"));
			assertThat(wb.getSheet("按地市")).isNotNull();
			assertThat(wb.getSheet("劝阻方式")).isNotNull();
		}
	}

	@Test
	void badPeriodsAreRefusedAndTheOversightRoleReachesNoPersonalData() throws Exception {
		MvcResult bad = get("oversight", "/api/v1/statistics/report?month=2026-13");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentType()).contains("problem+json");
		assertThat(
				get("oversight", "/api/v1/statistics/report?from=2026-11-10&to=2026-11-01").getResponse().getStatus())
			.isEqualTo(400);
		assertThat(get("oversight", "/api/v1/statistics/report?from=2026-11-01").getResponse().getStatus())
			.isEqualTo(400);
		assertThat(
				get("oversight", "/api/v1/statistics/report?from=2026-11-01&to=2026-11-15").getResponse().getStatus())
			.isEqualTo(200);
		for (String path : new String[] { "/api/v1/cases", "/api/v1/warnings/tasks", "/api/v1/sims/measures",
				"/api/v1/funds/candidates" }) {
			assertThat(get("oversight", path).getResponse().getStatus()).as(path).isEqualTo(403);
		}
		// banks and stations do not read the oversight report
		assertThat(get("bank", "/api/v1/statistics/report").getResponse().getStatus()).isEqualTo(403);
		assertThat(get("station", "/api/v1/statistics/report").getResponse().getStatus()).isEqualTo(403);
	}

}
