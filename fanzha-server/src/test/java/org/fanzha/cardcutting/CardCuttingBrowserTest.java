package org.fanzha.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.fanzha.support.Browsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The card-cutting console in a real browser (Debian's Chromium, driven by Playwright),
 * zh-CN: the centre opens a demo person from the list and the bank queries the list, and
 * no ID number ever shows in the address bar; no Content-Security-Policy violation on the
 * way. Screenshots go to $FANZHA_SHOTS (default target/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CardCuttingBrowserTest {

	static final Path SHOTS = Browsers.SHOTS;

	static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

	/** The demo's listed card dealer 张某 (DemoCardCutting). */
	static final String DEALER = "610113199503150310";

	@LocalServerPort
	int port;

	@BeforeAll
	static void requireChromium() {
		Browsers.requireChromium();
	}

	@Test
	void theCentreOpensAPersonAndTheBankQueriesWithoutAnIdNumberInTheUrl() throws Exception {
		Files.createDirectories(SHOTS);
		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
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
		Page page = Browsers.signIn(browser, base, user);
		page.onConsoleMessage(m -> {
			if (m.text().contains("Content Security Policy")) {
				violations.add(user + ": " + m.text());
			}
		});
		return page;
	}

}
