package org.fanzha.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fanzha.core.BankCardNumber;
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
 * A real browser (Debian's Chromium, driven by Playwright) signs in and reaches the home
 * page. Skips with a message where no Chromium is installed; fails instead when CI=true,
 * so CI cannot pass without it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest {

	static final Path CHROMIUM = Browsers.CHROMIUM;

	@LocalServerPort
	int port;

	@BeforeAll
	static void requireChromium() {
		Browsers.requireChromium();
	}

	static Browser launch(Playwright playwright) {
		return Browsers.launch(playwright);
	}

	@Test
	void intakeThenConfirmThePlanThenSeeTheBankAnswer() throws Exception {
		try (Playwright playwright = Browsers.playwright(); Browser browser = launch(playwright)) {
			Page page = browser.newPage();
			String base = "http://localhost:" + port;
			page.navigate(base + "/login");
			page.fill("#username", "centre");
			page.fill("#password", DemoLogins.PASSWORD);
			page.click("#login-submit");
			page.waitForURL(base + "/");

			page.navigate(base + "/cases/new");
			page.fill("#f-name", "周八");
			page.fill("#f-id", "11010519491231002X");
			page.selectOption("#f-city", "610100");
			page.selectOption("#f-region", "610113");
			page.selectOption("#f-type", "FAKE_POLICE");
			page.fill("#f-payer", BankCardNumber.withLuhnDigit("622202000000000000"));
			page.fill("#f-payee-name", "吴某");
			page.fill("#f-payee", "ICBC:BROWSER1");
			page.selectOption("#f-bank", "ICBC");
			page.fill("#f-amount", "3000");
			page.fill("#f-time",
					LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(20).withSecond(0).withNano(0).toString());
			page.click("#f-submit");
			page.waitForURL(Pattern.compile(".*/cases/XA-AFC-.*"));
			String number = page.url().substring(page.url().lastIndexOf('/') + 1);
			assertThat(page.locator("#payments").textContent()).contains("吴某").contains("ICBC:BROWSER1");

			page.click("#to-plan");
			for (int i = 0; i < 50 && page.locator("#confirm-plan").count() == 0; i++) {
				Thread.sleep(200);
				page.reload();
			}
			assertThat(page.locator("#instructions").textContent()).contains("待确认").contains("紧急止付");
			page.click("#confirm-plan");
			assertThat(page.locator("#instructions").textContent()).contains("已下发");

			// the bank answers through its gateway; the centre sees the status change
			long id = instructionId(number);
			var answer = HttpRequest.newBuilder(URI.create(base + "/api/v1/funds/bank/instructions/" + id + "/answer"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(("bank:" + DemoLogins.PASSWORD).getBytes()))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"answerId\":\"ui-1\",\"result\":\"EXECUTED\"}"))
				.build();
			assertThat(HttpClient.newHttpClient().send(answer, HttpResponse.BodyHandlers.ofString()).statusCode())
				.isEqualTo(200);
			page.reload();
			assertThat(page.locator("#instructions").textContent()).contains("已止付");
			System.out.println("[browser] intake -> plan -> confirm -> bank answer passed for case " + number);
		}
	}

	/** Where the pages are photographed: {@code FANZHA_SHOTS} or target/screenshots. */
	static final Path SHOTS = Browsers.SHOTS;

	/**
	 * A station officer in zh-CN: the intake form (a failed try keeps what was typed),
	 * the case page with the linking identifiers and the payment form; the procurator's
	 * and the bank's refusals are Chinese pages. No raw message key and no horizontal
	 * overflow anywhere.
	 */
	@Test
	void aStationOfficersIntakeAndCasePagesInChinese() throws Exception {
		Files.createDirectories(SHOTS);
		try (Playwright playwright = Browsers.playwright(); Browser browser = launch(playwright)) {
			String base = "http://localhost:" + port;
			Page page = signIn(browser, base, "station");
			page.navigate(base + "/cases/new");
			check(page, "cases-new");
			page.fill("#f-name", "周八");
			page.fill("#f-id", "11010519491231002X");
			page.selectOption("#f-city", "610100");
			page.selectOption("#f-region", "610113");
			page.selectOption("#f-type", "INVESTMENT");
			page.fill("#f-narrative", "网友拉入“鑫汇VIP”微信群，诱导在虚假平台充值，提现时被要求缴纳保证金。");
			page.fill("#f-payer", BankCardNumber.withLuhnDigit("622202000000000000"));
			page.fill("#f-payee-name", "吴某");
			page.fill("#f-payee", "ICBC:SHOT1");
			page.selectOption("#f-bank", "ICBC");
			page.fill("#f-amount", "三万八");
			page.fill("#f-time",
					LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(20).withSecond(0).withNano(0).toString());
			page.selectOption("#f-chat-platform-0", "WECHAT");
			page.fill("#f-chat-0", "鑫汇VIP投资3群");
			page.selectOption("#f-im-platform-0", "TELEGRAM");
			page.fill("#f-im-0", "@xinhui_teacher");
			page.fill("#f-fund-inst-0", "ALIPAY");
			page.fill("#f-fund-0", "2088123412341234");
			page.selectOption("#f-cash-kind-0", "GOLD_CRYPTO_MERCHANT");
			page.fill("#f-cash-0", "西安市雁塔区小寨某金店");
			page.fill("#f-urls", "https://www.xinhui88.top/login");
			page.click("#f-submit");
			page.waitForSelector("#form-errors");
			assertThat(page.inputValue("#f-narrative")).contains("鑫汇VIP");
			assertThat(page.inputValue("#f-chat-0")).isEqualTo("鑫汇VIP投资3群");
			check(page, "cases-new-error");
			assertThat(page.inputValue("#f-region")).isEqualTo("610113");
			assertThat(page.inputValue("#f-bank")).isEqualTo("ICBC");
			page.fill("#f-amount", "38000");
			page.click("#f-submit");
			page.waitForURL(Pattern.compile(".*/cases/XA-YT-.*"));
			assertThat(page.locator("#created").textContent()).contains("报案已提交");
			assertThat(page.locator("#suspects").textContent()).contains("聊天群组").contains("微信").contains("取现点");
			check(page, "case-detail");
			page.close();

			Page procurator = signIn(browser, base, "procurator");
			procurator.navigate(base + "/cases/new");
			assertThat(procurator.locator("h1").textContent()).contains("无权访问");
			check(procurator, "procurator-403");
			procurator.close();
			Page bank = signIn(browser, base, "bank");
			Response r = bank.navigate(base + "/cases");
			assertThat(r.status()).isEqualTo(403);
			assertThat(bank.content()).doesNotContain("Whitelabel");
			check(bank, "bank-403");
		}
	}

	static Page signIn(Browser browser, String base, String user) {
		return Browsers.signIn(browser, base, user);
	}

	/**
	 * No raw message key, no enum code, no English Whitelabel, nothing wider than the
	 * window; the page saved as a PNG.
	 */
	static void check(Page page, String name) {
		Browsers.readable(page);
		Browsers.shot(page, name);
	}

	@Autowired
	FundControl funds;

	@Autowired
	DissuasionDesk warnings;

	@Autowired
	SignalIntake intake;

	/**
	 * The oversight role sees the platform's figures (here: a dissuasion just recorded)
	 * and exports the monthly report, and nowhere on its pages is a person's name, phone
	 * or ID number; case and task pages are closed to it.
	 */
	@Test
	void theOversightRoleSeesFiguresAndExportsTheMonthlyReportButNoPersonalData() throws Exception {
		Instant at = Instant.now().minusSeconds(60);
		intake.signals(AgencyType.BANK, "ICBC-SN/browser-test",
				List.of(new SignalIntake.SignalIn("TRANSFER_TO_RISKY_ACCOUNT", "13977770002", "钱某某", null, "610113",
						null, null, null, null, 800_000L, null, at)));
		var viewer = new DissuasionDesk.Viewer("browser", "XA-YT-XZL", DissuasionDesk.Viewer.Kind.STATION, null);
		long id = warnings.list(viewer, true, 100)
			.stream()
			.filter(t -> t.personPhone().equals("13977770002"))
			.findFirst()
			.orElseThrow()
			.id();
		warnings.close(id, viewer, "DISSUADED", null, null);
		try (Playwright playwright = Browsers.playwright(); Browser browser = launch(playwright)) {
			Page page = browser.newPage(new Browser.NewPageOptions().setAcceptDownloads(true));
			String base = "http://localhost:" + port;
			page.navigate(base + "/login");
			page.fill("#username", "oversight");
			page.fill("#password", DemoLogins.PASSWORD);
			page.click("#login-submit");
			page.waitForURL(base + "/");
			assertThat(page.locator("#sidenav a[data-area]").allTextContents()).contains("监督统计")
				.doesNotContain("案件受理", "预警劝阻", "止付冻结返还");
			page.click("#sidenav a[data-area=STATISTICS]");
			page.waitForSelector("#chart-cities canvas");
			assertThat(Long.parseLong(page.locator("#fig-warnings").textContent().strip())).isPositive();
			assertThat(page.locator("#by-city").textContent()).contains("西安市");
			String text = page.locator("body").innerText();
			assertThat(text).doesNotContain("钱某某").doesNotContain("13977770002");
			assertThat(Pattern.compile("1[3-9]\\d{9}|\\d{17}[\\dX]").matcher(text).find())
				.as("no phone or ID number on the oversight page")
				.isFalse();
			Download download = page.waitForDownload(() -> page.click("#export-xlsx"));
			assertThat(download.suggestedFilename()).startsWith("fanzha-report-").endsWith(".xlsx");
			Path saved = Path.of("target", "screenshots", download.suggestedFilename());
			download.saveAs(saved);
			try (var wb = new XSSFWorkbook(Files.newInputStream(saved))) {
				assertThat(wb.getSheet("汇总").getRow(0).getCell(0).getStringCellValue()).contains("电信网络诈骗治理工作统计");
			}
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "statistics-oversight.png"))
						.setFullPage(true));
			// a person's data stays closed: the case list and the tasks answer 403
			assertThat(page.navigate(base + "/cases").status()).isEqualTo(403);
			assertThat(page.navigate(base + "/warnings").status()).isEqualTo(403);
			System.out.println("[browser] oversight dashboard and xlsx export passed without personal data");
		}
	}

	/**
	 * A bank's signal makes a visit task for the Yanta station; its officer opens it and
	 * records the outcome.
	 */
	@Test
	void aStationOfficerClosesAVisitTaskInTheConsole() {
		Instant at = Instant.now().minusSeconds(60);
		intake.signals(AgencyType.BANK, "ICBC-SN/browser-test",
				List.of(new SignalIntake.SignalIn("TRANSFER_TO_RISKY_ACCOUNT", "13977770001", "赵某", null, "610113",
						null, null, null, null, 1_200_000L, null, at)));
		try (Playwright playwright = Browsers.playwright(); Browser browser = launch(playwright)) {
			Page page = browser.newPage();
			String base = "http://localhost:" + port;
			page.navigate(base + "/login");
			page.fill("#username", "station");
			page.fill("#password", DemoLogins.PASSWORD);
			page.click("#login-submit");
			page.waitForURL(base + "/");
			page.click("#sidenav a[data-area=WARNINGS]");
			// the station's list masks the phone; the task's own page shows the number to
			// call
			assertThat(page.locator("#tasks").textContent()).contains("139****0001").contains("见面劝阻");
			page.locator("#tasks tr", new Page.LocatorOptions().setHasText("139****0001"))
				.locator("a.task-link")
				.click();
			assertThat(page.locator("#task-phone").textContent()).isEqualTo("13977770001");
			assertThat(page.locator("#task-station").textContent()).contains("小寨路派出所");
			assertThat(page.locator("#task-evidence").textContent()).contains("向涉诈风险账户转账").contains("12,000.00");
			page.selectOption("#outcome-select", "DISSUADED");
			page.fill("#outcome-note", "已上门劝阻，暂停转账");
			page.click("#outcome-submit");
			page.waitForURL(Pattern.compile(".*/warnings\\?task=\\d+.*"));
			assertThat(page.locator("#task-status").textContent()).isEqualTo("已结案");
			assertThat(page.locator("#task-outcome").textContent()).contains("劝阻成功");
			assertThat(page.locator("#task-detail").textContent()).contains("12,000.00");
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "warnings-station.png"))
						.setFullPage(true));
			System.out.println("[browser] station closed a visit task in the console");
		}
	}

	long instructionId(String caseNumber) {
		return funds.forCase(caseNumber).get(0).id();
	}

	@Test
	void signInReachesTheHomePageAndSignOutReturnsToLogin() {
		try (Playwright playwright = Browsers.playwright(); Browser browser = launch(playwright)) {
			Page page = browser.newPage();
			String base = "http://localhost:" + port;

			page.navigate(base + "/");
			assertThat(page.url()).endsWith("/login");
			assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
			assertThat(page.locator("h1").textContent()).isEqualTo("反诈联合作战平台");

			page.fill("#username", "centre");
			page.fill("#password", "wrong-password1");
			page.click("#login-submit");
			assertThat(page.locator("#login-error").textContent()).isEqualTo("用户名或密码错误");

			page.fill("#username", "centre");
			page.fill("#password", DemoLogins.PASSWORD);
			page.click("#login-submit");
			page.waitForURL(base + "/");
			assertThat(page.locator("#home h1").textContent()).contains("王警官");
			assertThat(page.locator("#sidenav a[data-area]").allTextContents()).contains("案件受理", "止付冻结返还", "预警劝阻")
				.doesNotContain("用户与机构", "审计日志");
			Path shot = Path.of("target", "screenshots", "home-centre.png");
			page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));

			page.click("#sidenav a[data-area=CASES]");
			assertThat(page.locator("#case-list").isVisible()).isTrue();
			page.click("#sidenav a[data-area=LINKING]");
			assertThat(page.locator("#groups").isVisible()).isTrue();

			page.click("#logout");
			page.waitForURL(base + "/login?logout");
			page.navigate(base + "/cases");
			assertThat(page.url()).endsWith("/login");
			System.out.println("[browser] Chromium at " + CHROMIUM
					+ ": login -> home -> area -> logout passed; screenshot " + shot.toAbsolutePath());
		}
	}

}
