package org.fanzha.telecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.core.IdNumber;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Abnormal-SIM measures end to end: records in, a graded measure with its reasons and
 * documents out, the holder's appeal recorded, turned down with a reason, appealed again
 * and lifted at once — each step with who decided — and the numbers a victim names
 * suspended.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SimMeasuresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	String get(String user, String path) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static long id(String json) {
		Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return Long.parseLong(m.group(1));
	}

	/**
	 * A number calling 80 strangers across the province within an hour and a half from
	 * its own handset (an IMEI made from the number, so that tests do not share one);
	 * hardly anyone answers.
	 */
	static String spree(String caller, Instant start) {
		StringBuilder b = new StringBuilder("[");
		long t = 0;
		for (int i = 0; i < 80; i++) {
			t += 20 + (i * 37) % 90; // irregular gaps: a person dialling, not a machine
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

	@Test
	void aMeasureIsAppealedTurnedDownAppealedAgainAndLiftedWithWhoDecidedEachStep() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
		MvcResult sent = post("telecom", "/api/v1/sims/records", spree("13712345678", start));
		assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(sent.getResponse().getContentAsString()).contains("\"records\":80").doesNotContain("\"measures\":0");
		String open = get("telecom", "/api/v1/sims/measures?open=true");
		assertThat(open).contains("\"phone\":\"13712345678\"")
			.contains("\"status\":\"ACTIVE\"")
			.contains("\"decidedBy\":\"fanzha-sim-monitor\"")
			.contains("本人有效身份证件")
			.contains("第三十二条");
		long m = id(open.substring(open.indexOf("{\"id\"")));
		// an appeal names the documents shown
		assertThat(post("telecom", "/api/v1/sims/measures/" + m + "/appeal", "{\"statement\":\"本人使用\"}").getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(post("telecom", "/api/v1/sims/measures/" + m + "/appeal",
				"{\"statement\":\"本人做保险电话销售\",\"documents\":[\"本人有效身份证件原件\"]}")
			.getResponse()
			.getContentAsString()).contains("\"status\":\"APPEALED\"").contains("本人做保险电话销售");
		assertThat(post("telecom", "/api/v1/sims/measures/" + m + "/turn-down", "{}").getResponse().getStatus())
			.isEqualTo(400);
		assertThat(
				post("telecom", "/api/v1/sims/measures/" + m + "/turn-down", "{\"note\":\"未能提供现场实人核验\"}").getResponse()
					.getContentAsString())
			.contains("\"status\":\"ACTIVE\"")
			.contains("\"closedBy\":\"telecom\"")
			.contains("未能提供现场实人核验");
		post("telecom", "/api/v1/sims/measures/" + m + "/appeal",
				"{\"statement\":\"到厅核验\",\"documents\":[\"本人有效身份证件原件\",\"营业厅现场实人核验\"]}");
		// the centre sees the measure, but the operator decides
		assertThat(get("centre", "/api/v1/sims/measures")).contains("13712345678");
		assertThat(post("centre", "/api/v1/sims/measures/" + m + "/lift", "{}").getResponse().getStatus())
			.isEqualTo(403);
		String lifted = post("telecom", "/api/v1/sims/measures/" + m + "/lift", "{\"note\":\"现场核验通过\"}").getResponse()
			.getContentAsString();
		assertThat(lifted).contains("\"status\":\"LIFTED\"")
			.contains("\"closedBy\":\"telecom\"")
			.contains("\"closedAt\":");
		assertThat(post("telecom", "/api/v1/sims/measures/" + m + "/lift", "{}").getResponse().getStatus())
			.isEqualTo(409);
		assertThat(get("telecom", "/api/v1/sims/measures?open=true")).doesNotContain("13712345678");
	}

	/** The id of the newest measure on a phone the operator sees. */
	long measureOn(String phone) throws Exception {
		String all = get("telecom", "/api/v1/sims/measures");
		int at = all.indexOf("\"phone\":\"" + phone + "\"");
		assertThat(at).as(phone + " has no measure").isPositive();
		return id(all.substring(all.lastIndexOf("{\"id\"", at)));
	}

	long audited(String path) {
		return jdbc
			.sql("""
					SELECT COUNT(*) FROM audit_entry WHERE actor = 'telecom' AND action = 'READ' AND subject_type = 'SIM_MEASURE'
					  AND subject_ref LIKE ?""")
			.param("%" + path)
			.query(Long.class)
			.single();
	}

	static int rows(String html) {
		return html.split("<tr id=\"measure-", -1).length - 1;
	}

	MvcResult form(String user, String path, String... params) throws Exception {
		var req = MockMvcRequestBuilders.post(path).with(httpBasic(user, DemoLogins.PASSWORD)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			req.param(params[i], params[i + 1]);
		}
		return mvc.perform(req).andReturn();
	}

	/** The measure page as it is shown right after a form sent the officer back to it. */
	String after(MvcResult r) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.get(r.getResponse().getRedirectedUrl())
				.with(httpBasic("telecom", DemoLogins.PASSWORD))
				.flashAttrs(r.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theConsoleFindsAMeasureByPhoneAndHandlesItOnItsOwnPage() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
		post("telecom", "/api/v1/sims/records", spree("13787654321", start));
		post("telecom", "/api/v1/sims/records", spree("13787654322", start.plusSeconds(60)));
		long m = measureOn("13787654321");
		// the full number finds that measure only; part of it finds both; a link leads to
		// the measure page
		String found = get("telecom", "/telecom?q=13787654321");
		assertThat(rows(found)).isEqualTo(1);
		assertThat(found).contains("id=\"measure-" + m + "\"")
			.contains("href=\"/telecom/measures/" + m + "\"")
			.contains("class=\"handle\"")
			.doesNotContain("13787654322")
			.doesNotContain("class=\"lift");
		assertThat(rows(get("telecom", "/telecom?q=137-8765-432"))).isEqualTo(2);
		assertThat(get("telecom", "/telecom?q=abc")).contains("id=\"telecom-error\"").contains("号码");
		// the measure page: facts in words, the appeal channel (art. 32), nothing ticked
		// in advance; the read is audited
		long reads = audited("/telecom/measures/" + m);
		String page = get("telecom", "/telecom/measures/" + m);
		assertThat(audited("/telecom/measures/" + m)).isEqualTo(reads + 1);
		assertThat(page).contains("13787654321")
			.contains("第三十二条")
			.contains("执行中")
			.contains("fanzha-sim-monitor")
			.contains("class=\"appeal")
			.contains("class=\"lift")
			.contains("data-confirm=")
			.doesNotContain("checked")
			.doesNotContain("class=\"turn-down");
		// an appeal without the documents is refused in words; with them it is recorded
		MvcResult bare = form("telecom", "/telecom/measures/" + m + "/appeal", "statement", "本人使用");
		assertThat(bare.getResponse().getRedirectedUrl()).isEqualTo("/telecom/measures/" + m);
		assertThat(bare.getFlashMap().get("error").toString()).contains("申诉材料");
		assertThat(after(bare)).contains("id=\"flash-error\"");
		MvcResult appealed = form("telecom", "/telecom/measures/" + m + "/appeal", "statement", "本人做保险电话销售",
				"documents", "本人有效身份证件原件", "documents", "营业厅现场实人核验");
		assertThat(appealed.getResponse().getRedirectedUrl()).isEqualTo("/telecom/measures/" + m);
		assertThat(appealed.getFlashMap().get("notice").toString()).contains("已登记申诉");
		String shown = after(appealed);
		assertThat(shown).contains("id=\"flash-ok\"")
			.contains("已登记申诉")
			.contains("申诉中")
			.contains("本人做保险电话销售")
			.contains("class=\"turn-down")
			.doesNotContain("class=\"appeal");
		// under appeal it comes first in the list
		assertThat(get("telecom", "/telecom?q=1378765432").indexOf("13787654321"))
			.isLessThan(get("telecom", "/telecom?q=1378765432").indexOf("13787654322"));
		// the centre sees it, read-only, and may not decide
		assertThat(get("centre", "/telecom/measures/" + m)).contains("13787654321").doesNotContain("class=\"lift");
		assertThat(form("centre", "/telecom/measures/" + m + "/lift").getResponse().getStatus()).isEqualTo(403);
		MvcResult lifted = form("telecom", "/telecom/measures/" + m + "/lift", "note", "营业厅核验通过");
		assertThat(lifted.getFlashMap().get("notice").toString()).contains("解除").contains("13787654321");
		assertThat(after(lifted)).contains("id=\"flash-ok\"")
			.contains("已解除")
			.contains("营业厅核验通过")
			.doesNotContain("class=\"lift");
		assertThat(get("telecom", "/api/v1/sims/measures/" + m)).contains("\"status\":\"LIFTED\"").contains("营业厅核验通过");
		MvcResult again = form("telecom", "/telecom/measures/" + m + "/lift");
		assertThat(again.getFlashMap().get("error").toString()).contains("未能完成");
		assertThat(get("telecom", "/telecom?q=13787654321&status=LIFTED")).contains("id=\"measure-" + m + "\"");
		assertThat(rows(get("telecom", "/telecom?q=13787654321&status=OPEN"))).isZero();
	}

	@Test
	void theListIsPagedTwentyAtATime() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(7, ChronoUnit.HOURS);
		for (int i = 0; i < 23; i++) {
			post("telecom", "/api/v1/sims/records", spree("137665500%02d".formatted(i), start.plusSeconds(i * 60L)));
		}
		String first = get("telecom", "/telecom?q=137665500&status=OPEN");
		assertThat(rows(first)).isEqualTo(20);
		assertThat(first).contains("id=\"measures-pager\"")
			.contains("共 23 条")
			.contains("/telecom?q=137665500&amp;status=OPEN&amp;page=1");
		String second = get("telecom", "/telecom?q=137665500&status=OPEN&page=1");
		assertThat(rows(second)).isEqualTo(3);
		assertThat(second).contains("第 2/2 页");
		// newest first: the last number sent is on the first page
		assertThat(first).contains("13766550022");
		assertThat(second).contains("13766550000");
		assertThat(rows(get("telecom", "/telecom?q=137665500&status=OPEN&page=99"))).isEqualTo(3);
	}

	@Test
	void theNumbersAVictimNamesAreSuspended() throws Exception {
		Instant at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String intake = """
				{"victim":{"name":"李华","idNumber":"11010519491231002X","phone":"13912345678","regionCode":"610113"},
				 "fraudType":"FAKE_POLICE","narrative":"自称公安民警来电","reportedAt":"%s","payments":[],
				 "suspects":{"phones":["17050001234","+639171234567"]}}""".formatted(at);
		MvcResult c = post("centre", "/api/v1/cases", intake);
		assertThat(c.getResponse().getStatus()).as(c.getResponse().getContentAsString()).isEqualTo(201);
		String measures = "";
		for (int i = 0; i < 200 && !measures.contains("17050001234"); i++) {
			measures = get("centre", "/api/v1/sims/measures");
			if (!measures.contains("17050001234")) {
				Thread.sleep(50);
			}
		}
		assertThat(measures).contains("\"phone\":\"17050001234\"")
			.contains("\"measure\":\"SUSPEND\"")
			.contains("CONFIRMED");
	}

	@Test
	void anAgentWhoseCardsTurnOutToBeFraudSimsIsListedAndItsApplicationsGetAnExtraCheck() throws Exception {
		LocalDate born = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(22);
		String holder = IdNumber.withCheckDigit("610113" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + "201");
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(4, ChronoUnit.HOURS);
		for (int i = 0; i < 3; i++) {
			String phone = "1365550000" + i;
			assertThat(post("telecom", "/api/v1/sims", """
					{"phone":"%s","idNumber":"%s","agentId":"AG-BAD","activatedOn":"2026-11-01"}""".formatted(phone,
					holder))
				.getResponse()
				.getStatus()).isEqualTo(201);
			post("telecom", "/api/v1/sims/records", spree(phone, start.plusSeconds(i * 60L)));
		}
		post("telecom", "/api/v1/sims", """
				{"phone":"13655500009","idNumber":"%s","agentId":"AG-GOOD","activatedOn":"2026-11-01"}"""
			.formatted(holder));
		String agents = get("telecom", "/api/v1/sims/agents");
		assertThat(agents).contains("{\"agentId\":\"AG-BAD\",\"sold\":3,\"fraud\":3")
			.contains("\"listed\":true")
			.contains("{\"agentId\":\"AG-GOOD\",\"sold\":1,\"fraud\":0");
		assertThat(agents.indexOf("AG-BAD")).isLessThan(agents.indexOf("AG-GOOD"));
		String other = IdNumber
			.withCheckDigit("610113" + born.minusYears(5).format(DateTimeFormatter.BASIC_ISO_DATE) + "202");
		MvcResult r = post("telecom", "/api/v1/sims/applications/check", """
				{"applicationId":"AGENT-1","operator":"CMCC","idNumber":"%s","idValidUntil":"长期","face":"PASSED",
				 "agentId":"AG-BAD","riskNoticeSigned":true}""".formatted(other));
		assertThat(r.getResponse().getContentAsString()).contains("\"decision\":\"EXTRA_CHECK\"")
			.contains("AGENT_WATCHED");
		assertThat(get("telecom", "/telecom")).contains("id=\"agents\"").contains("AG-BAD");
	}

	@Test
	void reVerificationPassedLiftsAndFailedSuspends() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(6, ChronoUnit.HOURS);
		for (String phone : new String[] { "13733330001", "13733330002" }) {
			post("telecom", "/api/v1/sims/records", spree(phone, start));
		}
		assertThat(post("telecom", "/api/v1/sims/13733330001/reverification", "{}").getResponse().getStatus())
			.isEqualTo(400);
		String failed = post("telecom", "/api/v1/sims/13733330002/reverification", "{\"passed\":false}").getResponse()
			.getContentAsString();
		assertThat(failed).contains("\"measure\":\"SUSPEND\"").contains("\"status\":\"ACTIVE\"");
		MvcResult passed = post("telecom", "/api/v1/sims/13733330001/reverification", "{\"passed\":true}");
		String body = passed.getResponse().getContentAsString();
		if (body.contains("\"measure\":\"SUSPEND\"") || passed.getResponse().getStatus() == 409) {
			// the spree was machine-like enough to be suspended: a suspension needs an
			// appeal, not a re-verification
			assertThat(passed.getResponse().getStatus()).isEqualTo(409);
		}
		else {
			assertThat(body).contains("\"status\":\"LIFTED\"").contains("二次实人核验通过");
		}
		assertThat(post("telecom", "/api/v1/sims/13799999999/reverification", "{\"passed\":true}").getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void anotherOperatorSeesNoneOfThis() throws Exception {
		if (directory.agency("CUCC-SN").isEmpty()) {
			directory.createAgency("CUCC-SN", "中国联通陕西省分公司", AgencyType.TELECOM_OPERATOR, "610000");
		}
		if (!directory.userExists("unicom")) {
			directory.register(new NewUser("unicom", DemoLogins.PASSWORD, "钱工（中国联通）", "13800000009", "CUCC-SN",
					Set.of(Role.TELECOM_OFFICER)));
		}
		post("telecom", "/api/v1/sims/records",
				spree("13711112222", Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.HOURS)));
		String mine = get("telecom", "/api/v1/sims/measures");
		assertThat(mine).contains("13711112222");
		long m = id(mine.substring(mine.lastIndexOf("{\"id\"", mine.indexOf("13711112222"))));
		assertThat(get("unicom", "/api/v1/sims/measures")).doesNotContain("13711112222");
		assertThat(mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/sims/measures/" + m)
				.with(httpBasic("unicom", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(post("unicom", "/api/v1/sims/measures/" + m + "/lift", "{}").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc
			.perform(
					MockMvcRequestBuilders.get("/telecom/measures/" + m).with(httpBasic("unicom", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(rows(get("unicom", "/telecom?q=13711112222"))).isZero();
		assertThat(get("unicom", "/api/v1/sims/applications")).doesNotContain("CHINA_MOBILE");
		assertThat(get("unicom", "/api/v1/sims/agents")).doesNotContain("AG-XA-001").doesNotContain("AG-BAD");
	}

	@Test
	void badRecordsAreRefusedWholeWithEveryFieldNamed() throws Exception {
		MvcResult bad = post("telecom", "/api/v1/sims/records", """
				[{"type":"FAX","caller":"123","callee":"abc","time":"2099-01-01T00:00:00Z","durationSeconds":-1,
				  "imei":"12","calleeRegion":"61"}]""");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("[0].type")
			.contains("[0].caller")
			.contains("[0].callee")
			.contains("[0].time")
			.contains("[0].durationSeconds")
			.contains("[0].imei")
			.contains("[0].calleeRegion");
		assertThat(post("telecom", "/api/v1/sims/records", "[]").getResponse().getStatus()).isEqualTo(400);
		StringBuilder oversized = new StringBuilder("[");
		for (int i = 0; i <= SimControl.MAX_RECORDS; i++) {
			oversized.append(i == 0 ? "" : ",").append("{\"type\":\"SMS\"}");
		}
		MvcResult tooMany = post("telecom", "/api/v1/sims/records", oversized.append("]").toString());
		assertThat(tooMany.getResponse().getStatus()).isEqualTo(400);
		assertThat(tooMany.getResponse().getContentAsString()).contains("send 1 to 10,000 records");
		assertThat(post("bank", "/api/v1/sims/records", "[]").getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/sims/measures/999999")
				.with(httpBasic("telecom", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

}
