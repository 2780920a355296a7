package org.fanzha.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.fanzha.cases.CaseRegister;
import org.fanzha.cases.CaseSummary;
import org.fanzha.cases.Intake;
import org.fanzha.core.BankCardNumber;
import org.fanzha.core.IdNumber;
import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.ledger.TransferLedger;
import org.fanzha.support.Browsers;
import org.fanzha.support.DemoLogins;
import org.fanzha.support.LedgerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One working day through the console, every party in its own browser, zh-CN at 1366×768,
 * no simulation: the centre takes a report with one mistake (what was typed stays),
 * confirms the plan; the bank answers the stop in its inbox and the centre's fund-flow
 * picture changes without a reload; a station adds a payment the victim remembered later;
 * an operator finds a measure by the phone number and lifts it on appeal; oversight looks
 * at the map. Every page on the way must read as Chinese and fit the window. With
 * FANZHA_GALLERY set, the pages become the gallery of docs/console.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fanzha.simulation.enabled=false")
class ConsoleWalkBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TransferLedger ledger;

	@Autowired
	FundControl funds;

	@Autowired
	CaseRegister cases;

	@BeforeAll
	static void requireChromium() {
		Browsers.requireChromium();
	}

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void aDayInTheConsole() throws Exception {
		// the bank's feed already holds the victim's transfer and the mule's onward
		// transfers
		Instant paid = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(25, ChronoUnit.MINUTES);
		String payer = BankCardNumber.withLuhnDigit("622202000000000731");
		String mule = "ICBC:WALK1";
		LedgerFixture.account(ledger, payer, 10_000_000);
		LedgerFixture.account(ledger, mule, 0);
		LedgerFixture.account(ledger, "CCB:WALK2", 0);
		LedgerFixture.account(ledger, "ABC:WALK3", 0);
		LedgerFixture.transfer(ledger, "T-WALK-0", paid.getEpochSecond(), payer, mule, 4_800_000, "MOBILE");
		LedgerFixture.transfer(ledger, "T-WALK-1", paid.getEpochSecond() + 240, mule, "CCB:WALK2", 3_000_000, "MOBILE");
		LedgerFixture.transfer(ledger, "T-WALK-2", paid.getEpochSecond() + 300, mule, "ABC:WALK3", 1_500_000, "MOBILE");

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			// 1. the centre takes the report; the ID number is mistyped, nothing typed is
			// lost
			Page centre = Browsers.signIn(browser, base(), "centre");
			Browsers.readable(centre);
			Browsers.shot(centre, "centre-home");
			centre.navigate(base() + "/cases/new");
			centre.fill("#f-name", "韩某");
			centre.fill("#f-id", "110105194912310021");
			pickRegion(centre, "610100", "610113");
			centre.selectOption("#f-type", "INVESTMENT");
			centre.fill("#f-narrative", "在“鑫汇”投资群里被拉入虚假平台，充值后无法提现。");
			centre.fill("#f-payer", payer);
			centre.fill("#f-payee-name", "某汇商贸");
			centre.fill("#f-payee", mule);
			pickBank(centre, "#f-bank", "ICBC");
			centre.fill("#f-amount", "48000");
			centre.fill("#f-time", LocalDateTime.ofInstant(paid, ZoneOffset.ofHours(8)).toString());
			centre.fill("#f-transfer", "T-WALK-0");
			centre.click("#f-submit");
			centre.waitForSelector("#form-errors");
			assertThat(centre.locator("#form-errors").innerText()).contains("身份证号");
			assertThat(centre.inputValue("#f-narrative")).contains("鑫汇");
			assertThat(centre.inputValue("#f-payee")).isEqualTo(mule);
			assertThat(centre.inputValue("#f-amount")).isEqualTo("48000");
			assertThat(centre.inputValue("#f-region")).isEqualTo("610113");
			Browsers.readable(centre);
			Browsers.shot(centre, "centre-intake-error");
			centre.fill("#f-id", IdNumber.withCheckDigit("11010519491231002"));
			centre.click("#f-submit");
			centre.waitForURL(Pattern.compile(".*/cases/XA-AFC-.*"));
			String number = centre.url().substring(centre.url().lastIndexOf('/') + 1);
			assertThat(centre.locator("#created").innerText()).contains("报案已提交");
			Browsers.readable(centre);
			Browsers.shot(centre, "centre-case");

			// 2. the plan: proposed stops for the mule and the two accounts it paid on,
			// confirmed by the centre
			centre.click("#to-plan");
			for (int i = 0; i < 50 && centre.locator("#confirm-plan").count() == 0; i++) {
				Thread.sleep(200);
				centre.reload();
			}
			centre.click("#confirm-plan");
			assertThat(centre.locator("#instructions").innerText()).contains("已下发");
			List<InstructionView> plan = funds.forCase(number);
			assertThat(plan).extracting(InstructionView::accountId).contains(mule, "CCB:WALK2", "ABC:WALK3");
			long stop = plan.stream().filter(v -> v.accountId().equals(mule)).findFirst().orElseThrow().id();
			centre.waitForFunction(
					"() => window.echarts && echarts.getInstanceByDom(document.getElementById('flow-chart'))");
			assertThat(flowChart(centre)).contains("WALK1").contains("WALK2").contains("WALK3");
			assertThat(flowChart(centre)).doesNotContain("已止付");
			Browsers.readable(centre);
			Browsers.shot(centre, "centre-plan");

			// 3. the bank answers the stop in its inbox
			Page bank = Browsers.signIn(browser, base(), "bank");
			bank.navigate(base() + "/funds");
			assertThat(bank.locator("#stop-" + stop).innerText()).contains(number).contains("某汇商贸");
			Browsers.readable(bank);
			Browsers.shot(bank, "bank-inbox");
			bank.check("#stop-form-" + stop + " input[name=result][value=EXECUTED]");
			bank.click("#stop-form-" + stop + " button[type=submit]");
			bank.waitForSelector("#flash-ok");
			assertThat(bank.locator("#flash-ok").innerText()).contains("已提交答复");

			// 4. the centre's picture follows without a reload (the live fragment polls
			// every 5 s)
			centre.waitForCondition(() -> flowChart(centre).contains("已止付"),
					new Page.WaitForConditionOptions().setTimeout(20_000));
			assertThat(centre.locator("#instructions").innerText()).contains("已止付");
			Browsers.shot(centre, "centre-plan-answered");

			// 5. a station adds a payment its victim remembered after the report
			CaseSummary own = cases.report("XA-YT-XZL", "station",
					new Intake(new Intake.Victim("冯某", IdNumber.withCheckDigit("61011319900202731"), null, "610113"),
							"FAKE_POLICE", null, Instant.now().minus(40, ChronoUnit.MINUTES), List.of(), null));
			Page station = Browsers.signIn(browser, base(), "station");
			Browsers.readable(station);
			Browsers.shot(station, "station-home");
			station.navigate(base() + "/cases/" + own.caseNumber());
			station.fill("#p-payer", BankCardNumber.withLuhnDigit("622848000000000731"));
			station.fill("#p-payee-name", "卫某");
			station.fill("#p-payee", BankCardNumber.withLuhnDigit("622202777700000731"));
			pickBank(station, "#p-bank", "ICBC");
			station.fill("#p-amount", "12800");
			station.fill("#p-time",
					LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(45).withSecond(0).withNano(0).toString());
			station.click("#p-submit");
			station.waitForSelector("#payment-added");
			assertThat(station.locator("#payments").innerText()).contains("卫某").contains("12,800.00");
			Browsers.readable(station);
			Browsers.shot(station, "station-case-payment");

			// 6. an operator: a number the monitor restricted, found by the phone and
			// lifted on appeal
			String phone = "13791230731";
			assertThat(post("telecom", "/api/v1/sims/records",
					spree(phone, Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS)))
				.statusCode()).isEqualTo(200);
			Page operator = Browsers.signIn(browser, base(), "telecom");
			operator.onDialog(d -> d.accept());
			Browsers.readable(operator);
			Browsers.shot(operator, "operator-home");
			operator.navigate(base() + "/telecom");
			operator.fill("#measure-q", phone);
			operator.press("#measure-q", "Enter");
			operator.waitForCondition(() -> operator.locator("#measures tbody tr").count() == 1
					&& operator.locator("#measures").innerText().contains(phone));
			Browsers.readable(operator);
			Browsers.shot(operator, "operator-measures");
			operator.locator("#measures tbody tr").first().locator("a.handle").click();
			operator.fill("form.appeal input[name=statement]", "本人做保险电话销售，到厅核验");
			operator.check("form.appeal input[name=documents] >> nth=0");
			operator.check("form.appeal input[name=documents] >> nth=1");
			operator.click("form.appeal button[type=submit]");
			operator.waitForSelector("#flash-ok");
			operator.fill("form.lift input[name=note]", "现场实人核验通过");
			operator.click("form.lift button[type=submit]");
			operator.waitForSelector("#flash-ok");
			assertThat(operator.locator("#flash-ok").innerText()).contains("解除");
			Browsers.readable(operator);
			Browsers.shot(operator, "operator-lifted");

			// 7. oversight: the province by city and county
			Page oversight = Browsers.signIn(browser, base(), "oversight");
			oversight.navigate(base() + "/statistics");
			oversight.waitForFunction(
					"() => window.echarts && echarts.getInstanceByDom(document.getElementById('chart-map'))");
			Object map = oversight
				.evaluate("() => JSON.stringify(echarts.getInstanceByDom(document.getElementById('chart-map'))"
						+ ".getOption().series.map(s => s.type + ':' + s.map))");
			assertThat(map.toString()).contains("map:");
			Browsers.readable(oversight);
			Browsers.shot(oversight, "oversight-map");

			// 8. the other parties' first page: what is theirs to do now
			for (String user : List.of("school", "procurator")) {
				Page page = Browsers.signIn(browser, base(), user);
				assertThat(page.locator("#home h1").innerText()).isNotBlank();
				Browsers.readable(page);
				Browsers.shot(page, user + "-home");
			}
		}
	}

	/**
	 * What the fund-flow picture holds now: its nodes, edges and labels as ECharts has
	 * them.
	 */
	static String flowChart(Page page) {
		return String
			.valueOf(page.evaluate("() => { const c = echarts.getInstanceByDom(document.getElementById('flow-chart'));"
					+ " return c ? JSON.stringify(c.getOption().series) : ''; }"));
	}

	/** The region picker: the city first, then its county. */
	static void pickRegion(Page page, String city, String county) {
		page.selectOption("#f-city", city);
		page.selectOption("#f-region", county);
	}

	static void pickBank(Page page, String selector, String code) {
		if ("SELECT".equals(page.evalOnSelector(selector, "e => e.tagName"))) {
			page.selectOption(selector, code);
		}
		else {
			page.fill(selector, code);
		}
	}

	HttpResponse<String> post(String user, String path, String json) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A number dialling 80 strangers in an hour and a half from one handset, hardly
	 * anyone answering.
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
						 "cell":"4601","imei":"8613%s","calleeRegion":"%s"}""".formatted(caller,
						3_800_000_000L + i * 7919L, start.plusSeconds(t), answered ? 12 : 0, answered, caller,
						i % 2 == 0 ? "610113" : "610502"));
		}
		return b.append("]").toString();
	}

}
