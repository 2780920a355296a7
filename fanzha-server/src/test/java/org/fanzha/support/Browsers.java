package org.fanzha.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotType;
import org.junit.jupiter.api.Assumptions;

/**
 * What every browser test needs: Debian's Chromium (skipped with a message where it is
 * missing, a failure when CI=true), a signed-in page per role in zh-CN, the check that a
 * page reads as Chinese and fits its window, and the screenshots: {@code FANZHA_SHOTS}
 * (default target/screenshots) for looking at, {@code FANZHA_GALLERY} (unset by default)
 * for the gallery in docs/console.md.
 */
public final class Browsers {

	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FANZHA_CHROMIUM", "/usr/bin/chromium"));

	public static final Path SHOTS = Path.of(System.getenv().getOrDefault("FANZHA_SHOTS", "target/screenshots"));

	/**
	 * Enum names that must never reach a zh-CN page, and Thymeleaf's mark of a missing
	 * message key.
	 */
	public static final Pattern CODES = Pattern
		.compile("\\?\\?|Whitelabel|\\b(PROPOSED|ISSUED|EXECUTED|PARTIALLY_EXECUTED"
				+ "|REJECTED|EXPIRED|REQUESTED|FROZEN|UNFROZEN|LAPSED|NOTICE|DECIDED|SINGLE_DEPOSIT|TIMESTAMPS|PRO_RATA"
				+ "|EMERGENCY|EXTENDED|ANSWERED|ACTIVE|APPEALED|LIFTED|ALLOW|DELAY|PROTECTIVE_FREEZE|INVESTMENT|FAKE_POLICE)\\b");

	private Browsers() {
	}

	public static void requireChromium() {
		if (!Files.isExecutable(CHROMIUM)) {
			String message = "Browser test needs Chromium at " + CHROMIUM + " (apt-get install chromium)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message + " - CI=true, so this is a failure, not a skip");
			}
			Assumptions.abort(message + " - skipped");
		}
	}

	/**
	 * Playwright without its own browser download: the system's Chromium is the one
	 * driven.
	 */
	public static Playwright playwright() {
		return Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--lang=zh-CN", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run")));
	}

	/**
	 * A fresh browser context (its own cookies) signed in as {@code user}, zh-CN, at a
	 * laptop's 1366×768.
	 */
	public static Page signIn(Browser browser, String base, String user) {
		Page page = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1366, 768))
			.newPage();
		page.navigate(base + "/login");
		page.fill("#username", user);
		page.fill("#password", DemoLogins.PASSWORD);
		page.click("#login-submit");
		page.waitForURL(base + "/");
		return page;
	}

	/**
	 * The page reads as Chinese (no enum code, no missing key, no Whitelabel) and is no
	 * wider than its window.
	 */
	public static void readable(Page page) {
		String text = page.locator("body").innerText();
		assertThat(CODES.matcher(text).find()).as("codes or ??keys?? on %s:%n%s", page.url(), text).isFalse();
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
		assertThat(overflow).as(page.url() + " overflows horizontally").isEqualTo(false);
	}

	/**
	 * A full-page PNG into {@link #SHOTS}, and a JPEG of the window into the gallery when
	 * one is asked for.
	 */
	public static void shot(Page page, String name) {
		try {
			Files.createDirectories(SHOTS);
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
			String gallery = System.getenv("FANZHA_GALLERY");
			if (gallery != null && !gallery.isBlank()) {
				Path dir = Path.of(gallery);
				Files.createDirectories(dir);
				page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".jpg"))
					.setType(ScreenshotType.JPEG)
					.setQuality(70)
					.setFullPage(false));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
