package org.fanzha.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import org.fanzha.cases.CaseRegister;
import org.fanzha.cases.CaseSummary;
import org.fanzha.cases.Intake;
import org.fanzha.core.BankCardNumber;
import org.fanzha.core.IdNumber;
import org.fanzha.funds.FundControl;
import org.fanzha.identity.AgencyType;
import org.fanzha.support.Browsers;
import org.fanzha.support.DemoLogins;
import org.fanzha.warnings.DissuasionDesk;
import org.fanzha.warnings.SignalIntake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: the centre's home lists an overdue case with its countdown running,
 * the warnings search finds a task by phone without reloading the page; the homes of
 * bank, station and operator and the two lists photographed in zh-CN (into
 * {@code FANZHA_SHOTS}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkQueueBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	CaseRegister cases;

	@Autowired
	FundControl funds;

	@Autowired
	DissuasionDesk warnings;

	@Autowired
	SignalIntake intake;

	@BeforeAll
	static void requireChromium() {
		Browsers.requireChromium();
	}

	CaseSummary report(long minutesAgo, String serial, List<Intake.Payment> payments) {
		String id = IdNumber.withCheckDigit("61011319900202" + serial);
		return cases.report("XA-YT-XZL", "station",
				new Intake(new Intake.Victim("冯某", id, null, "610113"), "INVESTMENT", null,
						Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(minutesAgo, ChronoUnit.MINUTES), payments,
						null));
	}

	@Test
	void theCentresQueueCountsDownAndTheWarningSearchFindsAPhone() throws Exception {
		Files.createDirectories(Browsers.SHOTS);
		CaseSummary overdue = report(45, "501", List.of());
		report(4, "502", List.of());
		CaseSummary paid = report(6, "503",
				List.of(new Intake.Payment(BankCardNumber.withLuhnDigit("622848000000000000"), "卫某",
						BankCardNumber.withLuhnDigit("622202777700000000"), "ICBC", 1_280_000L,
						Instant.now().minus(15, ChronoUnit.MINUTES), null)));
		for (int i = 0; i < 50 && funds.forCase(paid.caseNumber()).isEmpty(); i++) {
			Thread.sleep(100);
		}
		funds.confirm(paid.caseNumber(), "centre");
		Instant t = Instant.now().minusSeconds(60);
		intake.signals(AgencyType.TELECOM_OPERATOR, "test",
				List.of(new SignalIntake.SignalIn("CALL_FROM_FRAUD_NUMBER", "13988880001", "陈某", null, "610113",
						"17088880000", "CONFIRMED", 600, null, null, "FAKE_POLICE", t),
						new SignalIntake.SignalIn("CALL_FROM_FRAUD_NUMBER", "13988880002", "褚某", null, "610113",
								"17088880000", "CONFIRMED", 600, null, null, "FAKE_INVESTMENT", t)));
		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			String base = "http://localhost:" + port;
			APIRequestContext api = playwright.request()
				.newContext(new APIRequest.NewContextOptions().setBaseURL(base)
					// sent at once: the API answers 401 without a challenge to answer
					.setExtraHTTPHeaders(Map.of("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString(("telecom:" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8)))));
			assertThat(api
				.post("/api/v1/sims/records",
						RequestOptions.create()
							.setHeader("Content-Type", "application/json")
							.setData(WorkQueueTests.spree("13777770003", t.minus(2, ChronoUnit.HOURS))))
				.status()).isEqualTo(200);
			api.dispose();

			Page centre = Browsers.signIn(browser, base, "centre");
			var row = centre.locator("#work-queue tr", new Page.LocatorOptions().setHasText(overdue.caseNumber()));
			assertThat(row.getAttribute("class")).contains("overdue");
			// the script has replaced the printed time with the running count
			centre
				.waitForFunction(
						"n => [...document.querySelectorAll('#work-queue tr')].some(r => r.textContent.includes(n)"
								+ " && r.querySelector('.countdown').textContent.startsWith('已超时'))",
						overdue.caseNumber());
			assertThat(row.locator(".countdown").textContent()).matches("已超时 00:1\\d:\\d\\d");
			ConsoleBrowserTest.check(centre, "home-centre");
			row.locator("a").first().click();
			centre.waitForURL(base + "/cases/" + overdue.caseNumber());

			centre.navigate(base + "/warnings");
			centre.fill("#task-phone-q", "13988880002");
			centre.waitForFunction("() => document.querySelector('#task-total').textContent.startsWith('共 1 条')"
					+ " && document.querySelector('#tasks tbody').textContent.includes('13988880002')");
			assertThat(centre.locator("#tasks tbody").textContent()).contains("13988880002")
				.doesNotContain("13988880001");
			assertThat(centre.url()).contains("phone=13988880002");
			centre.fill("#task-phone-q", "");
			centre.waitForFunction("() => !document.querySelector('#task-total').textContent.startsWith('共 1 条')");
			ConsoleBrowserTest.check(centre, "warnings");
			centre.navigate(base + "/cases");
			ConsoleBrowserTest.check(centre, "cases");
			centre.selectOption("#case-status", "OVERDUE");
			centre.waitForFunction("() => new URL(location.href).searchParams.get('status') === 'OVERDUE'");
			centre.waitForSelector("#case-list >> text=" + overdue.caseNumber());
			ConsoleBrowserTest.check(centre, "cases-overdue");
			centre.close();

			for (String user : List.of("bank", "station", "telecom")) {
				Page page = Browsers.signIn(browser, base, user);
				assertThat(page.locator("#work-queue tbody tr").count()).as(user).isGreaterThan(0);
				assertThat(page.locator("#queue-empty").count()).as(user).isZero();
				ConsoleBrowserTest.check(page, "home-" + user);
				page.close();
			}
		}
	}

}
