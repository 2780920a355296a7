package org.fanzha.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.cases.CaseRegister;
import org.fanzha.cases.CaseSummary;
import org.fanzha.cases.Intake;
import org.fanzha.core.BankCardNumber;
import org.fanzha.core.IdNumber;
import org.fanzha.funds.FundControl;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.support.DemoLogins;
import org.fanzha.warnings.DissuasionDesk;
import org.fanzha.warnings.SignalIntake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page is each role's work queue, with the data made through the services and
 * APIs; the case and warning lists page by 50, filter and search.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkQueueTests {

	static final AtomicInteger SERIAL = new AtomicInteger(300);

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	CaseRegister cases;

	@Autowired
	FundControl funds;

	@Autowired
	DissuasionDesk warnings;

	@Autowired
	SignalIntake intake;

	String home(String username) throws Exception {
		return mvc.perform(get("/").with(user(directory.loadUserByUsername(username))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String page(String username, String path, boolean htmx) throws Exception {
		var request = get(path).with(user(directory.loadUserByUsername(username)));
		if (htmx) {
			request = request.header("HX-Request", "true");
		}
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	/**
	 * A report without payments (the 30-minute clock runs) taken in by the station,
	 * reported {@code minutesAgo}.
	 */
	CaseSummary report(long minutesAgo, List<Intake.Payment> payments, String suspectAccount) {
		String id = IdNumber.withCheckDigit("61011319900101" + String.format("%03d", SERIAL.incrementAndGet() % 1000));
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(minutesAgo, ChronoUnit.MINUTES);
		Intake.Suspects suspects = new Intake.Suspects(List.of(),
				suspectAccount == null ? List.of() : List.of(suspectAccount), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of());
		return cases.report("XA-YT-XZL", "station",
				new Intake(new Intake.Victim("吴某", id, null, "610113"), "LOAN", null, at, payments, suspects));
	}

	@Test
	void centreAndStationSeeTheCasesWhoseClockRunsOrRanOut() throws Exception {
		CaseSummary running = report(5, List.of(), null);
		CaseSummary overdue = report(40, List.of(), null);
		CaseSummary backlog = report(3 * 24 * 60, List.of(), null);
		String centre = home("centre");
		// days old: a backlog for the case list, no longer a clock
		assertThat(centre).doesNotContain(backlog.caseNumber());
		assertThat(centre).contains("id=\"work-queue\"")
			.contains("录入一级账户（30 分钟）")
			.contains("href=\"/cases/" + running.caseNumber() + "\"")
			.contains("href=\"/cases/" + overdue.caseNumber() + "\"")
			.contains("data-deadline=\"" + overdue.firstLevelDeadline().toEpochMilli() + "\"")
			.contains("/js/countdown.js")
			.contains("id=\"province-panel\"");
		// overdue rows come first and are marked
		assertThat(centre.indexOf(overdue.caseNumber())).isLessThan(centre.indexOf(running.caseNumber()));
		assertThat(centre)
			.containsPattern("<tr[^>]*class=\"overdue\"[^>]*>\\s*<td><span class=\"countdown\" data-deadline=\""
					+ overdue.firstLevelDeadline().toEpochMilli());
		assertThat(home("station")).contains(running.caseNumber()).contains(overdue.caseNumber());
		String english = mvc.perform(get("/?lang=en").with(user(directory.loadUserByUsername("centre"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("To do").contains("Enter first-level accounts (30 min)").doesNotContain("录入一级账户");
		// a bank has no cases to enter
		assertThat(home("bank")).doesNotContain(running.caseNumber());
	}

	@Test
	void theBankSeesTheStopInstructionsToAnswerWithTheirDeadlines() throws Exception {
		String payee = BankCardNumber
			.withLuhnDigit("622202" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L));
		CaseSummary c = report(3, List.of(new Intake.Payment(BankCardNumber.withLuhnDigit("622848000000000000"), "郑某",
				payee, "ICBC", 500_000L, Instant.now().minus(10, ChronoUnit.MINUTES), null)), null);
		for (int i = 0; i < 50 && funds.forCase(c.caseNumber()).isEmpty(); i++) {
			Thread.sleep(100);
		}
		funds.confirm(c.caseNumber(), "centre");
		String bank = "";
		for (int i = 0; i < 50 && !bank.contains(c.caseNumber()); i++) {
			Thread.sleep(100);
			bank = home("bank");
		}
		assertThat(bank).contains("止付指令待反馈")
			.contains(c.caseNumber())
			.contains("href=\"/funds\"")
			.contains("class=\"countdown\" data-deadline=");
	}

	@Test
	void theStationSeesItsVisitsTheOperatorItsMeasuresTheSchoolItsStudents() throws Exception {
		Instant t = Instant.now().minusSeconds(60);
		intake.signals(AgencyType.TELECOM_OPERATOR, "test", List.of(new SignalIntake.SignalIn("CALL_FROM_FRAUD_NUMBER",
				"13966660001", "钱某", null, "610113", "17012345678", "CONFIRMED", 600, null, null, "FAKE_POLICE", t)));
		String station = home("station");
		assertThat(station).contains("预警劝阻待上门").contains("139****0001").doesNotContain("13966660001");

		mvc.perform(post("/api/v1/sims/records").with(httpBasic("telecom", DemoLogins.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(spree("13766660002", t.minus(2, ChronoUnit.HOURS))));
		String operatorHome = home("telecom");
		assertThat(operatorHome).contains("13766660002").contains("涉诈电话卡处置待复核");
		// once the holder appeals, the centre sees the appeal too
		assertThat(home("centre")).doesNotContain("13766660002");
		String measures = mvc
			.perform(get("/api/v1/sims/measures?open=true").with(httpBasic("telecom", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher measure = Pattern.compile("\\{\"id\":(\\d+),\"phone\":\"13766660002\"").matcher(measures);
		assertThat(measure.find()).as(measures).isTrue();
		// the item leads to the measure itself, not to the list
		assertThat(operatorHome).contains("href=\"/telecom/measures/" + measure.group(1) + "\"");
		mvc.perform(post("/api/v1/sims/measures/" + measure.group(1) + "/appeal")
			.with(httpBasic("telecom", DemoLogins.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"statement\":\"本人做保险电话销售\",\"documents\":[\"本人有效身份证件原件\"]}"));
		assertThat(home("centre")).contains("电话卡处置申诉待复核").contains("13766660002");

		String student = IdNumber
			.withCheckDigit("61011320010101" + String.format("%03d", SERIAL.incrementAndGet() % 1000));
		String person = mvc
			.perform(post("/api/v1/cardcutting/persons").with(httpBasic("centre", DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"idNumber":"%s","name":"学生甲","phone":"13712345678","regionCode":"610113","school":"NWU"}"""
					.formatted(student)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher id = Pattern.compile("\"personId\":\"([^\"]+)\"").matcher(person);
		assertThat(id.find()).as(person).isTrue();
		mvc.perform(post("/api/v1/cardcutting/persons/" + id.group(1) + "/involvements")
			.with(httpBasic("centre", DemoLogins.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"BANK_CARD_SOLD\",\"reference\":\"CARD-" + student + "\",\"detail\":\"出售本人银行卡\"}"));
		assertThat(home("school")).contains("涉&quot;两卡&quot;学生待处置").contains("学*").contains("href=\"/schools\"");
	}

	@Test
	void procuratorAndOversightSeeTheMonthsFigures() throws Exception {
		assertThat(home("procurator")).contains("id=\"month-figures\"").contains("本月数据").contains("接报案件");
		assertThat(home("oversight")).contains("id=\"month-figures\"").contains("href=\"/statistics\"");
		assertThat(home("centre")).doesNotContain("id=\"month-figures\"");
	}

	@Test
	void theCaseListPagesFiltersAndSearches() throws Exception {
		List<CaseSummary> made = new ArrayList<>();
		for (int i = 0; i < 52; i++) {
			made.add(report(1, List.of(), null));
		}
		String account = "PAGE" + System.nanoTime() % 1_000_000_000L;
		CaseSummary withAccount = report(2, List.of(), account);
		CaseRegister.Page first = cases.search(new CaseRegister.Query(null, null, null, null, null, null, 0, 50));
		CaseRegister.Page second = cases.search(new CaseRegister.Query(null, null, null, null, null, null, 1, 50));
		assertThat(first.total()).isGreaterThanOrEqualTo(53);
		assertThat(first.rows()).hasSize(50);
		String page2 = page("centre", "/cases?page=1", false);
		assertThat(page2).contains("id=\"case-pager\"")
			.contains("id=\"case-filter\"")
			.contains(second.rows().get(0).caseNumber())
			.doesNotContain(">" + first.rows().get(0).caseNumber() + "<");
		// search by a suspect's account: one row, the table alone for htmx
		String found = page("centre", "/cases?q=" + account, true);
		assertThat(found).contains("id=\"case-rows\"")
			.doesNotContain("<html")
			.contains(withAccount.caseNumber())
			.contains("共 1 条")
			.doesNotContain(made.get(0).caseNumber());
		// and by (part of) the case number
		assertThat(page("centre", "/cases?q=" + made.get(3).caseNumber(), true)).contains(made.get(3).caseNumber())
			.contains("共 1 条");
		// the running clock shows its countdown; the overdue filter leaves the fresh
		// cases out
		assertThat(page("centre", "/cases?status=RUNNING&q=" + account, true)).contains(withAccount.caseNumber())
			.contains("class=\"countdown\"");
		assertThat(page("centre", "/cases?status=OVERDUE&q=" + account, true)).doesNotContain(withAccount.caseNumber())
			.contains("共 0 条");
		assertThat(page("centre", "/cases?type=INVESTMENT&q=" + account, true)).contains("共 0 条");
		assertThat(page("centre", "/cases?from=2001-01-01&to=2001-01-02", true)).contains("共 0 条");
		// the station sees its own cases only, the procurator all of them
		assertThat(page("station", "/cases?q=" + account, true)).contains(withAccount.caseNumber());
	}

	@Test
	void theWarningListPagesPutsUrgentFirstAndFindsAPhone() throws Exception {
		Instant t = Instant.now().minusSeconds(30);
		List<SignalIntake.SignalIn> in = new ArrayList<>();
		for (int i = 0; i < 52; i++) {
			in.add(new SignalIntake.SignalIn("CALL_FROM_FRAUD_NUMBER", "1395555" + String.format("%04d", i), "孙某", null,
					"610113", "17012345678", "CONFIRMED", 600, null, null, "FAKE_POLICE", t));
		}
		intake.signals(AgencyType.TELECOM_OPERATOR, "test", in);
		DissuasionDesk.Viewer centre = DissuasionDesk.Viewer
			.of((FanzhaPrincipal) directory.loadUserByUsername("centre"), directory);
		DissuasionDesk.TaskPage first = warnings.search(centre,
				new DissuasionDesk.TaskQuery("OPEN_ALL", null, null, null, null, 0, 50));
		assertThat(first.total()).isGreaterThanOrEqualTo(52);
		// the nearest deadline first among the open tasks
		for (int i = 1; i < first.rows().size(); i++) {
			assertThat(first.rows().get(i).deadline()).isAfterOrEqualTo(first.rows().get(i - 1).deadline());
		}
		DissuasionDesk.TaskPage second = warnings.search(centre,
				new DissuasionDesk.TaskQuery("OPEN_ALL", null, null, null, null, 1, 50));
		String page2 = page("centre", "/warnings?page=1", false);
		assertThat(page2).contains("id=\"task-pager\"")
			.contains("id=\"task-" + second.rows().get(0).id() + "\"")
			.doesNotContain("id=\"task-" + first.rows().get(0).id() + "\"");
		// search by phone: the centre sees the number, the station a masked one
		String found = page("centre", "/warnings?phone=13955550007", true);
		assertThat(found).contains("id=\"task-rows\"")
			.doesNotContain("<html")
			.contains("<td class=\"task-person\">孙某 13955550007</td>")
			.contains("共 1 条");
		String station = page("station", "/warnings?phone=13955550007", true);
		assertThat(station).contains("<td class=\"task-person\">孙某 139****0007</td>").contains("共 1 条");
		assertThat(page("centre", "/warnings?phone=13955550007&status=CLOSED", true)).contains("共 0 条");
		assertThat(page("centre", "/warnings?phone=13955550007&type=FAKE_LOAN", true)).contains("共 0 条");
		assertThat(page("centre", "/warnings?phone=13955550007&type=FAKE_POLICE", true)).contains("共 1 条");
	}

	/**
	 * A number calling 80 strangers within an hour and a half (as in SimMeasuresTests):
	 * it gets a measure.
	 */
	static String spree(String caller, Instant start) {
		StringBuilder b = new StringBuilder("[");
		long t = 0;
		for (int i = 0; i < 80; i++) {
			t += 20 + (i * 37) % 90;
			boolean answered = i % 7 == 0;
			b.append(i == 0 ? "" : ",")
				.append("""
						{"type":"CALL","caller":"%s","callee":"1%010d","time":"%s","durationSeconds":%d,"answered":%s,
						 "cell":"4601","imei":"8612%s","calleeRegion":"%s"}""".formatted(caller,
						3_700_000_000L + i * 7919L, start.plusSeconds(t), answered ? 12 : 0, answered, caller,
						i % 2 == 0 ? "610113" : "610502"));
		}
		return b.append("]").toString();
	}

}
