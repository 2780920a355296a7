package org.fanzha.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The card-cutting console in a real browser (Debian's Chromium, driven by Playwright), zh-CN: the centre opens a
 * demo person from the list and the bank queries the list, and no ID number ever shows in the address bar; no
 * Content-Security-Policy violation on the way. Screenshots go to $FANZHA_SHOTS (default target/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CardCuttingBrowserTest {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FANZHA_CHROMIUM", "/usr/bin/chromium"));

	static final Path SHOTS = Path.of(System.getenv().getOrDefault("FANZHA_SHOTS", "target/screenshots"));

	static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

	/** The demo's listed card dealer 张某 (DemoCardCutting). */
	static final String DEALER = "610113199503150310";

	@LocalServerPort
	int port;

	@BeforeAll
	static void requireChromium() {
		if (!Files.isExecutable(CHROMIUM)) {
			String message = "Browser test needs Chromium at " + CHROMIUM + " (apt-get install chromium)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message + " - CI=true, so this is a failure, not a skip");
			}
			Assumptions.abort(message + " - skipped");
		}
	}

	@Test
	void theCentreOpensAPersonAndTheBankQueriesWithoutAnIdNumberInTheUrl() throws Exception {
		Files.createDirectories(SHOTS);
		try (Playwright playwright = Playwright.create(
				new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
				Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
						.setExecutablePath(CHROMIUM).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu",
								"--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run")))) {
			String base = "http://localhost:" + port;
			List<String> violations = new ArrayList<>();
			Page centre = signIn(browser, base, "centre", violations);
			centre.navigate(base + "/cardcutting");
			centre.locator("#cc-persons a", new Page.LocatorOptions().setHasText("张某")).click();
			centre.waitForURL(Pattern.compile(".*/cardcutting/persons/[^/]+$"));
			assertThat(ID_NUMBER.matcher(centre.url()).find()).as(centre.url()).isFalse();
			assertThat(centre.locator("h1").textContent()).contains("张某").contains(DEALER);
			assertThat(centre.locator("#cc-assessment").textContent()).contains("情节严重");
			centre.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cardcutting-person-centre.png"))
					.setFullPage(true));

			Page bank = signIn(browser, base, "bank", violations);
			bank.navigate(base + "/cardcutting");
			bank.fill("#cc-query input[name=idNumber]", DEALER);
			bank.click("#cc-query button[type=submit]");
			bank.waitForSelector("#cc-answer");
			assertThat(bank.url()).doesNotContain(DEALER);
			assertThat(bank.locator("#cc-answer").textContent()).contains("在惩戒名单中");
			bank.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cardcutting-query-bank.png"))
					.setFullPage(true));
			assertThat(violations).isEmpty();
		}
	}

	static Page signIn(Browser browser, String base, String user, List<String> violations) {
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
		page.onConsoleMessage(m -> {
			if (m.text().contains("Content Security Policy")) {
				violations.add(user + ": " + m.text());
			}
		});
		page.navigate(base + "/login");
		page.fill("#username", user);
		page.fill("#password", DemoLogins.PASSWORD);
		page.click("#login-submit");
		page.waitForURL(base + "/");
		return page;
	}
}
