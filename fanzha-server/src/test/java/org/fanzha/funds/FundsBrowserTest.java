package org.fanzha.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import org.fanzha.funds.Workflows.FreezeStatus;
import org.fanzha.funds.Workflows.ReturnStatus;
import org.fanzha.funds.Workflows.StopStatus;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.support.Browsers;
import org.fanzha.support.DemoLogins;
import org.fanzha.support.LedgerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fund chain in the console, in a real browser (Debian's Chromium, driven by
 * Playwright), zh-CN: the bank answers a stop with a CSV statement and answers the
 * freeze; the centre opens the freeze from the stop and a return round, and decides it;
 * the bank reports the return paid. Skips where no Chromium is installed; fails when
 * CI=true. Screenshots of the bank inbox, the board and the plan go to $FANZHA_SHOTS
 * (default target/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fanzha.simulation.enabled=false", "fanzha.funds.auto-issue=NONE" })
class FundsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TransferLedger ledger;

	@Autowired
	FundControl funds;

	@Autowired
	FreezeControl freezes;

	@Autowired
	ReturnControl returns;

	@BeforeAll
	static void requireChromium() {
		Browsers.requireChromium();
	}

	String base() {
		return "http://localhost:" + port;
	}

	Page signIn(Browser browser, String user) {
		return Browsers.signIn(browser, base(), user);
	}

	String report(String payer, String payee, long fen, Instant paid, String transferId) throws Exception {
		String json = """
				{"victim":{"name":"赵浏览","idNumber":"11010519491231002X","regionCode":"610113"},"fraudType":"INVESTMENT",
				 "reportedAt":"%s","payments":[{"payerAccount":"%s","payeeName":"某浏览商贸公司","payeeAccount":"%s",
				 "payeeBank":"ICBC","amountFen":%d,"paidAt":"%s","transferId":"%s"}]}"""
			.formatted(Instant.now().minusSeconds(60), payer, payee, fen, paid, transferId);
		HttpResponse<String> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/cases"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString(("centre:" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return r.body().replaceAll("(?s).*?\"caseNumber\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void theBankAnswersStopAndFreezeAndTheCentreFreezesAndReturnsInTheConsole() throws Exception {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3_600);
		LedgerFixture.account(ledger, "ICBC:FBV1", 1_000_000);
		LedgerFixture.account(ledger, "ICBC:FBM1", 0);
		LedgerFixture.transfer(ledger, "T-FB1", t0.getEpochSecond(), "ICBC:FBV1", "ICBC:FBM1", 30_000, "MOBILE");
		String number = report("ICBC:FBV1", "ICBC:FBM1", 30_000, t0, "T-FB1");
		List<InstructionView> plan = funds.forCase(number);
		for (int i = 0; i < 100 && plan.isEmpty(); i++) {
			Thread.sleep(100);
			plan = funds.forCase(number);
		}
		funds.confirm(number, "centre");
		long stop = funds.forCase(number)
			.stream()
			.filter(v -> v.accountId().equals("ICBC:FBM1"))
			.findFirst()
			.orElseThrow()
			.id();

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			// the bank: the stop waits in its inbox with the four fields and the deadline
			// counting down
			Page bank = signIn(browser, "bank");
			bank.navigate(base() + "/funds");
			String row = bank.locator("#stop-" + stop).innerText();
			assertThat(row).contains(number)
				.contains("某浏览商贸公司")
				.contains("ICBC:FBM1")
				.contains("¥300.00")
				.contains("剩余");
			assertThat(bank.locator("#tab-stop").innerText()).contains("止付");
			Browsers.readable(bank);
			Browsers.shot(bank, "funds-bank-inbox");

			// partly executed: ¥200.00 stopped, ¥100.00 had already moved on, as the
			// uploaded statement shows
			String csv = "交易时间,借贷标志,交易金额,对方账号,对方户名,对方开户行,交易渠道,交易流水号\n"
					+ DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
						.withZone(ZoneOffset.ofHours(8))
						.format(t0.plusSeconds(600))
					+ ",借,100.00,CCB:FBN1,钱某,CCB,网银,S-FB-1\n";
			String form = "#stop-form-" + stop;
			bank.check(form + " input[name=result][value=PARTIALLY_EXECUTED]");
			bank.fill(form + " input[name=stopped]", "200.00");
			bank.setInputFiles(form + " input[name=statement]",
					new FilePayload("流水.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
			bank.click(form + " button[type=submit]");
			bank.waitForSelector("#flash-ok");
			assertThat(bank.locator("#flash-ok").innerText()).contains("已提交答复").contains("部分执行").contains("流水 1 行");
			InstructionView answered = funds.byId(stop).orElseThrow();
			assertThat(answered.status()).isEqualTo(StopStatus.PARTIALLY_EXECUTED);
			assertThat(answered.stoppedFen()).isEqualTo(20_000);
			// the statement extended the trace: the next account is in the plan, one
			// level deeper
			List<InstructionView> extended = funds.forCase(number);
			for (int i = 0; i < 100 && extended.stream().noneMatch(v -> v.accountId().equals("CCB:FBN1")); i++) {
				Thread.sleep(100);
				extended = funds.forCase(number);
			}
			assertThat(extended).anySatisfy(v -> {
				assertThat(v.accountId()).isEqualTo("CCB:FBN1");
				assertThat(v.level()).isEqualTo(2);
			});
			bank.navigate(base() + "/funds/history/stop/" + stop);
			assertThat(bank.locator("#history-table").innerText()).contains("部分止付").contains("止付 ¥200.00");
			Browsers.readable(bank);
			Browsers.shot(bank, "bank-history");

			// the centre: the board, overdue first, links to the plan; the freeze is
			// requested from the stop
			Page centre = signIn(browser, "centre");
			centre.navigate(base() + "/funds/board?bank=ICBC");
			assertThat(centre.locator("#board-table").innerText()).contains(number).contains("部分止付");
			Browsers.readable(centre);
			Browsers.shot(centre, "centre-board");
			centre.click("#board-table a.to-plan:text('" + number + "')");
			centre.waitForURL(base() + "/funds/cases/" + number);
			String freezeForm = "#freeze-request-" + stop;
			centre.fill(freezeForm + " input[name=documentNumber]", "西公(反诈)冻字[2026]088号");
			centre.fill(freezeForm + " input[name=issuingUnit]", "西安市公安局反诈中心");
			centre.fill(freezeForm + " input[name=officerOne]", "王警官");
			centre.fill(freezeForm + " input[name=officerTwo]", "王警官");
			centre.click(freezeForm + " button[type=submit]");
			centre.waitForSelector("#flash-error");
			assertThat(centre.locator("#flash-error").innerText()).contains("两名不同的民警");
			assertThat(freezes.forCase(number)).isEmpty();
			centre.fill(freezeForm + " input[name=documentNumber]", "西公(反诈)冻字[2026]088号");
			centre.fill(freezeForm + " input[name=issuingUnit]", "西安市公安局反诈中心");
			centre.fill(freezeForm + " input[name=officerOne]", "王警官");
			centre.fill(freezeForm + " input[name=officerTwo]", "李警官");
			centre.click(freezeForm + " button[type=submit]");
			centre.waitForSelector("#flash-ok");
			assertThat(centre.locator("#flash-ok").innerText()).contains("已向银行发送冻结申请").contains("¥200.00");
			FreezeView requested = freezes.forCase(number).get(0);
			assertThat(requested.status()).isEqualTo(FreezeStatus.REQUESTED);
			assertThat(centre.locator("#freezes").innerText()).contains("待冻结");

			// the bank freezes what the stop holds
			bank.navigate(base() + "/funds?tab=freeze");
			assertThat(bank.locator("#freeze-" + requested.id()).innerText()).contains("冻字[2026]088号")
				.contains("某浏览商贸公司")
				.contains("¥200.00");
			Browsers.readable(bank);
			Browsers.shot(bank, "bank-freeze");
			bank.click("#freeze-form-" + requested.id() + " button[type=submit]");
			bank.waitForSelector("#flash-ok");
			assertThat(bank.locator("#flash-ok").innerText()).contains("已冻结");
			assertThat(freezes.byId(requested.id()).orElseThrow().status()).isEqualTo(FreezeStatus.FROZEN);
			assertThat(freezes.byId(requested.id()).orElseThrow().frozenFen()).isEqualTo(20_000);

			// the picture and the freezes table follow the bank's answer without a reload
			// (htmx polling)
			centre.waitForCondition(() -> centre.locator("#freezes").innerText().contains("已冻结"),
					new Page.WaitForConditionOptions().setTimeout(15_000));

			// a return round from the freeze, the victim's case preselected from the
			// trace; decided at once (direct)
			centre.reload();
			String propose = "#propose-" + requested.id();
			assertThat(centre.locator(propose + " input[name=cases][value='" + number + "']").isChecked()).isTrue();
			centre.click(propose + " button[type=submit]");
			centre.waitForSelector("#flash-ok");
			assertThat(centre.locator("#flash-ok").innerText()).contains("已发起第 1 轮返还").contains("¥200.00");
			ReturnView round = returns.forFreeze(requested.id()).get(0);
			assertThat(round.status()).isEqualTo(ReturnStatus.PROPOSED);
			centre.click("#decide-" + round.id() + " button[type=submit]");
			centre.waitForSelector("#flash-ok");
			assertThat(centre.locator("#flash-ok").innerText()).contains("已决定第 1 轮返还");
			assertThat(returns.byId(round.id()).orElseThrow().status()).isEqualTo(ReturnStatus.DECIDED);
			assertThat(centre.locator("#round-" + round.id()).innerText()).contains("已决定，待银行执行");

			// the bank pays the victim back
			bank.navigate(base() + "/funds?tab=return");
			assertThat(bank.locator("#return-" + round.id()).innerText()).contains(number).contains("¥200.00");
			Browsers.readable(bank);
			bank.click("#return-form-" + round.id() + " button[type=submit]");
			bank.waitForSelector("#flash-ok");
			assertThat(bank.locator("#flash-ok").innerText()).contains("执行完毕");
			assertThat(returns.byId(round.id()).orElseThrow().status()).isEqualTo(ReturnStatus.EXECUTED);

			centre.reload();
			String accounts = centre.locator("#victim-accounts").innerText();
			assertThat(accounts).contains(number).contains("¥300.00").contains("¥200.00");
			assertThat(returns.account(number).returnedFen()).isEqualTo(20_000);
			Browsers.readable(centre);
			Browsers.shot(centre, "funds-centre-plan");
			System.out.println(
					"[browser] stop with statement -> freeze -> return round in the console passed for case " + number);
		}
	}

	/** The fund-flow picture's nodes, legend and categories as ECharts holds them. */
	static final String FLOW = "() => { const c = echarts.getInstanceByDom(document.getElementById('flow-chart'));"
			+ " if (!c) return null; const o = c.getOption(); const s = o.series[0];"
			+ " return JSON.stringify({legend: o.legend[0].data, categories: s.categories.map(x => x.name),"
			+ " nodes: s.data.map(n => ({name: n.name, x: n.value[0], y: n.value[1], category: n.category, tip: n.tooltip.formatter})),"
			+ " links: s.links.map(l => l.source + '>' + l.target + ' ' + l.label.formatter)}); }";

	@Test
	void theFundFlowPictureIsLayeredByLevelColouredByBankAndOpensAnAccountInTheSidePanel() throws Exception {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3_600);
		LedgerFixture.account(ledger, "ICBC:FGV1", 1_000_000);
		LedgerFixture.account(ledger, "ICBC:FGM1", 0);
		LedgerFixture.account(ledger, "CCB:FGA1", 0);
		LedgerFixture.account(ledger, "ABC:FGB1", 0);
		LedgerFixture.transfer(ledger, "T-FG1", t0.getEpochSecond(), "ICBC:FGV1", "ICBC:FGM1", 40_000, "MOBILE");
		LedgerFixture.transfer(ledger, "T-FG2", t0.getEpochSecond() + 60, "ICBC:FGM1", "CCB:FGA1", 15_000, "MOBILE");
		LedgerFixture.transfer(ledger, "T-FG3", t0.getEpochSecond() + 120, "ICBC:FGM1", "ABC:FGB1", 15_000, "MOBILE");
		String number = report("ICBC:FGV1", "ICBC:FGM1", 40_000, t0, "T-FG1");
		List<InstructionView> plan = funds.forCase(number);
		for (int i = 0; i < 100 && plan.stream().filter(v -> v.level() == 2).count() < 2; i++) {
			Thread.sleep(100);
			plan = funds.forCase(number);
		}
		assertThat(plan).extracting(InstructionView::accountId).contains("CCB:FGA1", "ABC:FGB1");
		Map<String, Integer> level = new HashMap<>();
		level.put("ICBC:FGV1", 0);
		plan.forEach(v -> level.put(v.accountId(), v.level()));

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			Page centre = signIn(browser, "centre");
			centre.navigate(base() + "/funds/cases/" + number);
			centre.waitForFunction(FLOW);
			JsonNode flow = JsonMapper.builder().build().readTree(String.valueOf(centre.evaluate(FLOW)));

			// one legend entry per bank, by its Chinese name, and every node of a bank in
			// that bank's category
			List<String> legend = new ArrayList<>();
			flow.get("legend").forEach(x -> legend.add(x.asString()));
			assertThat(legend).containsExactlyInAnyOrder("中国工商银行", "中国建设银行", "中国农业银行");
			List<String> categories = new ArrayList<>();
			flow.get("categories").forEach(x -> categories.add(x.asString()));
			assertThat(categories).containsExactlyInAnyOrderElementsOf(legend);
			Map<String, double[]> at = new HashMap<>();
			Map<String, String> bankOf = new HashMap<>();
			Map<String, String> tip = new HashMap<>();
			for (JsonNode n : flow.get("nodes")) {
				at.put(n.get("name").asString(), new double[] { n.get("x").asDouble(), n.get("y").asDouble() });
				bankOf.put(n.get("name").asString(), categories.get(n.get("category").asInt()));
				tip.put(n.get("name").asString(), n.get("tip").asString());
			}
			assertThat(at.keySet()).containsAll(level.keySet());
			assertThat(bankOf).containsEntry("ICBC:FGV1", "中国工商银行")
				.containsEntry("CCB:FGA1", "中国建设银行")
				.containsEntry("ABC:FGB1", "中国农业银行");
			// left to right by level, the victim's account first; a level's accounts
			// share x and have distinct y
			for (String a : level.keySet()) {
				for (String b : level.keySet()) {
					if (a.equals(b)) {
						continue;
					}
					int la = level.get(a), lb = level.get(b);
					if (la == lb) {
						assertThat(at.get(a)[0]).as(a + " and " + b + " share a column").isEqualTo(at.get(b)[0]);
						assertThat(at.get(a)[1]).as(a + " and " + b + " do not overlap").isNotEqualTo(at.get(b)[1]);
					}
					else if (la < lb) {
						assertThat(at.get(a)[0]).as(a + " left of " + b).isLessThan(at.get(b)[0]);
					}
				}
			}
			// each stop's state in its tooltip, the amount to stop on its edge
			assertThat(tip.get("CCB:FGA1")).contains("待确认").contains("¥150.00");
			assertThat(flow.get("links").toString()).contains("ICBC:FGM1>CCB:FGA1 止付 ¥150.00");

			// a click on an account opens it in the side panel, with the instruction's
			// history linked
			InstructionView fga = plan.stream().filter(v -> v.accountId().equals("CCB:FGA1")).findFirst().orElseThrow();
			Object pixel = centre
				.evaluate("() => { const c = echarts.getInstanceByDom(document.getElementById('flow-chart'));"
						+ " const n = c.getOption().series[0].data.find(d => d.name === 'CCB:FGA1');"
						+ " const p = c.convertToPixel({seriesIndex: 0}, n.value);"
						+ " const r = document.getElementById('flow-chart').getBoundingClientRect(); return [r.left + p[0], r.top + p[1]]; }");
			List<?> xy = (List<?>) pixel;
			centre.mouse().click(((Number) xy.get(0)).doubleValue(), ((Number) xy.get(1)).doubleValue());
			centre.waitForCondition(() -> centre.locator("#flow-account").innerText().equals("CCB:FGA1"));
			assertThat(centre.locator("#flow-bank").innerText()).isEqualTo("中国建设银行");
			assertThat(centre.locator("#flow-status").innerText()).isEqualTo("待确认");
			assertThat(centre.locator("#flow-history").getAttribute("href"))
				.isEqualTo("/funds/history/stop/" + fga.id());
			assertThat(centre.locator("#flow-history").isVisible()).isTrue();
			Browsers.readable(centre);
			Object overflow = centre.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
			assertThat(overflow).isEqualTo(false);
			Browsers.shot(centre, "centre-plan-flow");
		}
	}

}
