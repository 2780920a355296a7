package org.fanzha.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.audit.AuditQuery;
import org.fanzha.audit.AuditTrail;
import org.fanzha.cases.SuspectPhonesReported;
import org.fanzha.core.IdNumber;
import org.fanzha.engine.warnings.Channel;
import org.fanzha.engine.warnings.WarningGrader;
import org.fanzha.engine.warnings.WarningGrader.Confidence;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.support.DemoLogins;
import org.fanzha.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Early warning end to end on the API, with an injected clock: grading into the three
 * channels, routing of visits to the station of the person's county, de-duplication,
 * escalation when overdue or unreachable, outcomes with prevented loss, the prefilled
 * case intake, who sees what, audit, and bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WarningsTests {

	static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@TestConfiguration
	static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(START);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	DissuasionDesk warnings;

	@Autowired
	SignalIntake intake;

	@Autowired
	AuditTrail audit;

	@Autowired
	Directory directory;

	@Autowired
	StationRoutes routes;

	@Test
	void aStationThatJoinsLaterGetsTheVisitsOfItsCountyWithoutARestart() {
		String county = "610526"; // 蒲城县: no station of the sample agencies
		assertThat(routes.route(Channel.VISIT, county).code()).isEqualTo("COUNTY-" + county);
		directory.createAgency("WN-PC-TEST", "渭南市公安局蒲城分局测试派出所", AgencyType.POLICE_STATION, county);
		assertThat(routes.route(Channel.VISIT, county))
			.isEqualTo(new StationRoutes.Route("WN-PC-TEST", "渭南市公安局蒲城分局测试派出所"));
		// calls still go to the centre above the county, SMS to 12381
		assertThat(routes.route(Channel.SMS, county).code()).isEqualTo("12381");
	}

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

	String ok(MvcResult r) throws Exception {
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	/** A signal as JSON; {@code extra} adds fields such as the fraud number. */
	static String signal(String kind, String phone, String region, Instant at, String extra) {
		return """
				{"kind":"%s","personPhone":"%s","personName":"张某","region":"%s","at":"%s"%s}""".formatted(kind, phone,
				region, at, extra == null ? "" : "," + extra);
	}

	/** The one task of a person as the centre sees it (newest first). */
	String taskOf(String phone) throws Exception {
		String all = ok(get("centre", "/api/v1/warnings/tasks"));
		Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"personPhone\":\"" + phone + "\"[^}]*?\"channel\":\"([A-Z_]+)\"")
			.matcher(all);
		assertThat(m.find()).as("a task for " + phone + " in " + all).isTrue();
		return m.group(1);
	}

	/** The first (top-level) number of that name in a JSON object. */
	static long figure(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
		assertThat(m.find()).as(name + " in " + json).isTrue();
		return Long.parseLong(m.group(1));
	}

	long tasksOf(String phone) throws Exception {
		return Pattern.compile("\"personPhone\":\"" + phone + "\"")
			.matcher(ok(get("centre", "/api/v1/warnings/tasks")))
			.results()
			.count();
	}

	@Test
	void theGradeDecidesTheChannelAndVisitsGoToTheStationOfThePersonsCounty() throws Exception {
		Instant t = clock.instant().minusSeconds(60);
		// a 10-minute answered call from a confirmed fraud number: high ⇒ visit by the
		// Yanta station (610113)
		String r = ok(post("telecom", "/api/v1/warnings/signals", "[" + signal("CALL_FROM_FRAUD_NUMBER", "13910000001",
				"610113", t,
				"\"fraudNumber\":\"17012345678\",\"confidence\":\"CONFIRMED\",\"callSeconds\":600,\"fraudType\":\"FAKE_POLICE\"")
				+ "]"));
		assertThat(r).contains("\"tasksRaised\":1");
		String high = ok(get("centre", "/api/v1/warnings/tasks/" + taskOf("13910000001")));
		assertThat(high).contains("\"grade\":\"HIGH\"")
			.contains("\"channel\":\"VISIT\"")
			.contains("\"stationCode\":\"XA-YT-XZL\"")
			.contains("LONG_CALL_CONFIRMED")
			.contains("\"fraudType\":\"FAKE_POLICE\"");
		assertThat(high).contains("\"deadline\":\"" + clock.instant().plus(Duration.ofHours(2)) + "\"");
		// the same in Weiyang (610112) goes to the Weiyang station, and a county without
		// a station on the platform
		// goes to its county bureau
		ok(post("telecom", "/api/v1/warnings/signals", "["
				+ signal("CALL_FROM_FRAUD_NUMBER", "13910000002", "610112", t,
						"\"fraudNumber\":\"17012345678\",\"confidence\":\"CONFIRMED\",\"callSeconds\":600")
				+ "," + signal("CALL_FROM_FRAUD_NUMBER", "13910000003", "610822", t,
						"\"fraudNumber\":\"17012345678\",\"confidence\":\"CONFIRMED\",\"callSeconds\":600")
				+ "]"));
		assertThat(ok(get("centre", "/api/v1/warnings/tasks/" + taskOf("13910000002"))))
			.contains("\"stationCode\":\"XA-WY-ZGL\"");
		// the Xi'an centre sees only Xi'an; the provincial centre's admin view is not a
		// task view
		assertThat(ok(get("centre", "/api/v1/warnings/tasks"))).doesNotContain("13910000003");
		// a short answered call from a confirmed number: medium ⇒ the 96110 desk of the
		// Xi'an centre
		ok(post("telecom", "/api/v1/warnings/signals", "[" + signal("CALL_FROM_FRAUD_NUMBER", "13910000004", "610113",
				t, "\"fraudNumber\":\"17012345678\",\"confidence\":\"CONFIRMED\",\"callSeconds\":40") + "]"));
		String medium = ok(get("centre", "/api/v1/warnings/tasks/" + taskOf("13910000004")));
		assertThat(medium).contains("\"grade\":\"MEDIUM\"")
			.contains("\"channel\":\"PHONE_CALL\"")
			.contains("\"stationCode\":\"XA-AFC\"")
			.contains("\"status\":\"OPEN\"");
		// one text from a suspected number: low ⇒ an SMS, sent at once, with no link and
		// no call-back number
		ok(post("telecom", "/api/v1/warnings/signals",
				"[" + signal("SMS_FROM_FRAUD_NUMBER", "13910000005", "610113", t,
						"\"fraudNumber\":\"16512345678\",\"confidence\":\"SUSPECTED\",\"fraudType\":\"TASK_REBATE\"")
						+ "]"));
		String low = ok(get("centre", "/api/v1/warnings/tasks/" + taskOf("13910000005")));
		assertThat(low).contains("\"grade\":\"LOW\"")
			.contains("\"channel\":\"SMS\"")
			.contains("\"status\":\"CLOSED\"")
			.contains("\"outcome\":\"SMS_SENT\"")
			.contains("刷单");
		String sms = low.replaceAll(".*\"smsText\":\"([^\"]*)\".*", "$1");
		assertThat(sms).doesNotContain("http").doesNotContain("www").doesNotContain("16512345678");
		// the station sees its visit and not the others
		String station = ok(get("station", "/api/v1/warnings/tasks"));
		assertThat(station).contains("13910000001").doesNotContain("13910000002").doesNotContain("13910000004");
		assertThat(get("station", "/api/v1/warnings/tasks/" + taskOf("13910000002")).getResponse().getStatus())
			.isEqualTo(404);
		// banks and operators send signals but see no tasks
		assertThat(get("bank", "/api/v1/warnings/tasks").getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theSignalsOfContactsThatGotThroughComeFromOperatorsAndBanks() throws Exception {
		Instant t = clock.instant().minusSeconds(60);
		// an operator: a script-length call from an unrestricted number, and a person who
		// opened a reported app
		ok(post("telecom", "/api/v1/warnings/signals",
				"[" + signal("SCRIPT_CALL", "13977000001", "610113", t, "\"callSeconds\":420") + ","
						+ signal("EXPOSED_TO_REPORTED", "13977000002", "610113", t, null) + "]"));
		// a bank: the rebate from a flagged account before any payment
		ok(post("bank", "/api/v1/warnings/signals",
				"[" + signal("CREDIT_FROM_FLAGGED", "13977000003", "610113", t, "\"amountFen\":1200") + "]"));
		for (String phone : List.of("13977000001", "13977000002", "13977000003")) {
			String task = ok(get("centre", "/api/v1/warnings/tasks/" + taskOf(phone)));
			assertThat(task).as(phone).contains("\"grade\":\"MEDIUM\"").contains("\"channel\":\"PHONE_CALL\"");
		}
		assertThat(ok(get("centre", "/api/v1/warnings/tasks/" + taskOf("13977000001") + "/evidence")))
			.contains("陌生新号码长通话")
			.contains("420秒");
		assertThat(ok(get("centre", "/api/v1/warnings/tasks/" + taskOf("13977000003") + "/evidence")))
			.contains("收到涉诈风险账户转入");
		// each sender only its own kinds
		MvcResult refused = post("bank", "/api/v1/warnings/signals",
				"[" + signal("SCRIPT_CALL", "13977000004", "610113", t, "\"callSeconds\":420") + "]");
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString()).contains("not a signal your agency sends");
	}

	@Test
	void aPersonIsNotWarnedFiveTimesAnHour() throws Exception {
		String phone = "13920000001";
		String first = null;
		int raised = 0;
		for (int i = 0; i < 5; i++) {
			String r = ok(post("bank", "/api/v1/warnings/signals", "[" + signal("PAYER_WARNING", phone, "610113",
					clock.instant().minusSeconds(5), "\"amountFen\":" + (100_000 + i)) + "]"));
			raised += r.contains("\"tasksRaised\":1") ? 1 : 0;
			if (first == null) {
				first = taskOf(phone);
			}
			clock.advance(Duration.ofMinutes(10));
		}
		assertThat(raised).isEqualTo(1);
		assertThat(tasksOf(phone)).isEqualTo(1);
		// all five signals are behind the one task
		assertThat(ok(get("station", "/api/v1/warnings/tasks/" + first + "/evidence"))).contains("1,000.04")
			.contains("1,000.00");
		// dissuaded; a new high signal the same day is held back (visit window 24 h), the
		// next day it is a new visit
		ok(post("station", "/api/v1/warnings/tasks/" + first + "/outcome", "{\"outcome\":\"DISSUADED\"}"));
		String held = ok(post("bank", "/api/v1/warnings/signals",
				"[" + signal("PAYER_WARNING", phone, "610113", clock.instant().minusSeconds(5), null) + "]"));
		assertThat(held).contains("\"tasksRaised\":0").contains("\"suppressed\":1");
		clock.advance(Duration.ofHours(24));
		assertThat(ok(post("bank", "/api/v1/warnings/signals",
				"[" + signal("PAYER_WARNING", phone, "610113", clock.instant().minusSeconds(5), null) + "]")))
			.contains("\"tasksRaised\":1");
		assertThat(tasksOf(phone)).isEqualTo(2);
	}

	@Test
	void anOverdueCallBecomesAVisitAndAnOverdueVisitIsReferredUp() throws Exception {
		String phone = "13930000001";
		ok(post("centre", "/api/v1/warnings/signals", "[" + signal("PUBLIC_REPORT", phone, "610113",
				clock.instant().minusSeconds(30), "\"fraudType\":\"FAKE_INVESTMENT\"") + "]"));
		String id = taskOf(phone);
		assertThat(ok(get("centre", "/api/v1/warnings/tasks/" + id))).contains("\"channel\":\"PHONE_CALL\"");
		clock.advance(Duration.ofMinutes(29));
		warnings.escalateDue();
		assertThat(ok(get("centre", "/api/v1/warnings/tasks/" + id))).contains("\"channel\":\"PHONE_CALL\"");
		clock.advance(Duration.ofMinutes(1)); // the deadline itself is overdue
		warnings.escalateDue();
		String visit = ok(get("centre", "/api/v1/warnings/tasks/" + id));
		assertThat(visit).contains("\"channel\":\"VISIT\"")
			.contains("\"grade\":\"HIGH\"")
			.contains("\"stationCode\":\"XA-YT-XZL\"")
			.contains("OVERDUE")
			.contains("\"deadline\":\"" + clock.instant().plus(Duration.ofHours(2)) + "\"");
		clock.advance(Duration.ofHours(2));
		warnings.escalateDue();
		assertThat(ok(get("station", "/api/v1/warnings/tasks/" + id))).contains("\"status\":\"REFERRED\"");
		// a referred visit can still be closed by the station
		assertThat(ok(post("station", "/api/v1/warnings/tasks/" + id + "/outcome", "{\"outcome\":\"DISSUADED\"}")))
			.contains("\"status\":\"CLOSED\"")
			.contains("\"preventedFen\":5000000"); // assumed loss of fake investment
	}

	@Test
	void threeFailedCallsEscalateAtOnce() throws Exception {
		String phone = "13930000002";
		ok(post("centre", "/api/v1/warnings/signals",
				"[" + signal("PUBLIC_REPORT", phone, "610112", clock.instant().minusSeconds(30), null) + "]"));
		String id = taskOf(phone);
		ok(post("centre", "/api/v1/warnings/tasks/" + id + "/attempts", "{\"note\":\"无人接听\"}"));
		assertThat(ok(post("centre", "/api/v1/warnings/tasks/" + id + "/attempts", "{}")))
			.contains("\"failedAttempts\":2")
			.contains("\"channel\":\"PHONE_CALL\"");
		assertThat(ok(post("centre", "/api/v1/warnings/tasks/" + id + "/attempts", "{}")))
			.contains("\"channel\":\"VISIT\"")
			.contains("UNREACHABLE")
			.contains("\"stationCode\":\"XA-WY-ZGL\"")
			.contains("\"failedAttempts\":0");
	}

	@Test
	void outcomesRecordPreventedLossAndAlreadyPaidOpensAPrefilledIntake() throws Exception {
		String before = ok(get("centre", "/api/v1/warnings/statistics"));
		String id17 = "61011319900307123";
		String idNumber = IdNumber.withCheckDigit(id17);
		Instant t = clock.instant().minusSeconds(60);
		ok(post("bank", "/api/v1/warnings/signals",
				"[{\"kind\":\"TRANSFER_TO_RISKY_ACCOUNT\",\"personPhone\":\"13940000001\","
						+ "\"personName\":\"李某\",\"idNumber\":\"" + idNumber + "\",\"amountFen\":2500000,\"at\":\"" + t
						+ "\"}]"));
		String visit = taskOf("13940000001");
		// the region came from the ID number; the station sees the ID masked, the centre
		// in full
		assertThat(ok(get("station", "/api/v1/warnings/tasks/" + visit)))
			.contains("\"idNumber\":\"610***********" + idNumber.substring(14) + "\"");
		assertThat(ok(get("centre", "/api/v1/warnings/tasks/" + visit))).contains("\"idNumber\":\"" + idNumber + "\"");
		String closed = ok(post("station", "/api/v1/warnings/tasks/" + visit + "/outcome",
				"{\"outcome\":\"DISSUADED\",\"note\":\"已当面劝阻\"}"));
		assertThat(closed).contains("\"preventedFen\":2500000").contains("\"intake\":null"); // the
																								// bank's
																								// amount
		// closing twice is a conflict; an unknown outcome and a negative amount are bad
		// input
		assertThat(post("station", "/api/v1/warnings/tasks/" + visit + "/outcome", "{\"outcome\":\"DISSUADED\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
		ok(post("centre", "/api/v1/warnings/signals",
				"[" + signal("PUBLIC_REPORT", "13940000002", "610113", t, "\"fraudType\":\"FAKE_POLICE\"") + ","
						+ signal("CALL_FROM_FRAUD_NUMBER", "13940000002", "610113", t,
								"\"fraudNumber\":\"17044440001\",\"confidence\":\"SUSPECTED\",\"callSeconds\":20")
						+ "]"));
		String call = taskOf("13940000002");
		MvcResult bad = post("centre", "/api/v1/warnings/tasks/" + call + "/outcome",
				"{\"outcome\":\"MAYBE\",\"amountAtRiskFen\":-5}");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("outcome").contains("amountAtRiskFen");
		String paid = ok(
				post("centre", "/api/v1/warnings/tasks/" + call + "/outcome", "{\"outcome\":\"ALREADY_PAID\"}"));
		assertThat(paid).contains("\"preventedFen\":0")
			.contains("\"intake\":\"/cases/new?phone=13940000002&regionCode=610113&fraudType=FAKE_POLICE")
			.contains("&suspectPhone=17044440001");
		// an officer's amount wins over the assumption
		ok(post("centre", "/api/v1/warnings/signals",
				"[" + signal("PUBLIC_REPORT", "13940000003", "610113", t, "\"fraudType\":\"FAKE_POLICE\"") + "]"));
		assertThat(ok(post("centre", "/api/v1/warnings/tasks/" + taskOf("13940000003") + "/outcome",
				"{\"outcome\":\"DISSUADED\",\"amountAtRiskFen\":880000}")))
			.contains("\"preventedFen\":880000");
		String stats = ok(get("centre", "/api/v1/warnings/statistics"));
		// the figures moved by exactly this test's outcomes (other tests share the
		// database)
		assertThat(figure(stats, "dissuaded") - figure(before, "dissuaded")).isEqualTo(2);
		assertThat(figure(stats, "preventedFen") - figure(before, "preventedFen")).isEqualTo(2_500_000 + 880_000);
		assertThat(stats).contains("\"label\":\"西安市\"").contains("冒充公检法");
		assertThat(stats).doesNotContain("13940000001").doesNotContain(idNumber);
		// the centre's console page: its tasks, the public-report form, the figures by
		// city and type
		String page = mvc
			.perform(MockMvcRequestBuilders.get("/warnings?open=false&task=" + call)
				.with(SecurityMockMvcRequestPostProcessors.user(directory.loadUserByUsername("centre"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"task-detail\"")
			.contains("已被骗转账")
			.contains("id=\"report-form\"")
			.contains("<select id=\"report-city\"")
			.contains("<select name=\"region\" id=\"report-region\"")
			.contains("id=\"by-city\"")
			.contains("id=\"by-type\"")
			.contains("13940000001");
		// a bank officer's page says how to send signals and shows no task
		String bankPage = mvc
			.perform(MockMvcRequestBuilders.get("/warnings")
				.with(SecurityMockMvcRequestPostProcessors.user(directory.loadUserByUsername("bank"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bankPage).contains("id=\"warnings-sender\"").doesNotContain("13940000001");
		// every read of a person's task is in the audit log
		assertThat(audit.search(new AuditQuery(null, null, null, null, null, 500))
			.stream()
			.filter(e -> "warning-task".equals(e.subjectType()) && visit.equals(e.subjectRef()))).isNotEmpty();
	}

	@Test
	void badSignalsAreRefusedWholeWithTheFieldsNamed() throws Exception {
		Instant t = clock.instant().minusSeconds(60);
		String bad = "[" + signal("PAYER_WARNING", "13950000001", "610113", t, null) + ","
				+ "{\"kind\":\"PAYER_WARNING\",\"personPhone\":\"12345\",\"idNumber\":\"610113199003071230\",\"amountFen\":-1,"
				+ "\"at\":\"" + clock.instant().plus(Duration.ofDays(1)) + "\"}]";
		MvcResult r = post("bank", "/api/v1/warnings/signals", bad);
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(r.getResponse().getContentType()).contains("application/problem+json");
		assertThat(r.getResponse().getContentAsString()).contains("[1].personPhone")
			.contains("[1].amountFen")
			.contains("[1].at");
		// nothing of the batch was stored, not even the good first signal
		assertThat(ok(get("centre", "/api/v1/warnings/tasks"))).doesNotContain("13950000001");
		// a bank does not send call records; an operator must say how sure it is of an
		// unknown number
		assertThat(post("bank", "/api/v1/warnings/signals",
				"[" + signal("CALL_FROM_FRAUD_NUMBER", "13950000002", "610113", t,
						"\"fraudNumber\":\"17000000000\",\"confidence\":\"CONFIRMED\"") + "]")
			.getResponse()
			.getContentAsString()).contains("not a signal your agency sends");
		assertThat(
				post("telecom", "/api/v1/warnings/signals",
						"[" + signal("CALL_FROM_FRAUD_NUMBER", "13950000002", "610113", t,
								"\"fraudNumber\":\"17000000099\"") + "]")
					.getResponse()
					.getContentAsString())
			.contains("not on file as a fraud number");
		assertThat(post("telecom", "/api/v1/warnings/signals", "[{\"kind\":").getResponse().getStatus()).isEqualTo(400);
		assertThat(post("telecom", "/api/v1/warnings/signals", "[]").getResponse().getStatus()).isEqualTo(400);
		assertThat(post("centre", "/api/v1/warnings/signals",
				"[" + signal("PUBLIC_REPORT", "13950000003", "610100", t, null) + "]")
			.getResponse()
			.getContentAsString()).contains("county-level");
	}

	@Test
	void aNumberNamedInAReportIsAConfirmedFraudNumber() throws Exception {
		String idNumber = IdNumber.withCheckDigit("61011319851111002");
		String report = """
				{"victim":{"name":"王某","idNumber":"%s","phone":"13960000001","regionCode":"610113"},"fraudType":"FAKE_POLICE",
				 "narrative":"冒充公安","payments":[],"suspects":{"phones":["17098765432"]}}"""
			.formatted(idNumber);
		MvcResult c = post("centre", "/api/v1/cases", report);
		assertThat(c.getResponse().getStatus()).as(c.getResponse().getContentAsString()).isBetween(200, 201);
		// the report reaches warnings twice, asynchronously: as a named number
		// (confirmed) and, through the operator's
		// restriction of the SIM, as a suspected one; wait for the stronger
		for (int i = 0; i < 100 && !intake.fraudNumber("17098765432").equals(Optional.of(Confidence.CONFIRMED)); i++) {
			Thread.sleep(50);
		}
		assertThat(intake.fraudNumber("17098765432")).contains(WarningGrader.Confidence.CONFIRMED);
		// an operator's record of that number calling someone needs no confidence of its
		// own
		assertThat(
				ok(post("telecom", "/api/v1/warnings/signals",
						"[" + signal("CALL_FROM_FRAUD_NUMBER", "13960000002", "610113",
								clock.instant().minusSeconds(10), "\"fraudNumber\":\"17098765432\",\"callSeconds\":300")
								+ "]")))
			.contains("\"tasksRaised\":1");
	}

	/**
	 * Operators' feeds carry no fraud type: a call from a number a victim named takes the
	 * type of that victim's case.
	 */
	@Test
	void aCallFromANumberNamedInACaseCarriesTheCasesFraudType() throws Exception {
		intake.on(new SuspectPhonesReported("XA-AFC-2026-009999", clock.instant(), List.of("17099990001"), "LOAN"));
		// the listener runs asynchronously, as it does for a real report
		for (int i = 0; i < 100 && !intake.isFraudNumber(17_099_990_001L); i++) {
			Thread.sleep(50);
		}
		intake.observeContact(true, 17_099_990_001L, 13_910_009_901L, clock.instant().minusSeconds(30).getEpochSecond(),
				600, true, "610113");
		assertThat(ok(get("centre", "/api/v1/warnings/tasks/" + taskOf("13910009901"))))
			.contains("\"fraudType\":\"FAKE_LOAN\"");
	}

}
