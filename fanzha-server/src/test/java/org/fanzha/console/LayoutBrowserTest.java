package org.fanzha.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.fanzha.identity.Area;
import org.fanzha.identity.Role;
import org.fanzha.support.Browsers;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * At a duty-room laptop's 1366×768 every role's pages hold: nothing scrolls sideways.
 * Photographs the busiest pages in zh-CN ({@code FANZHA_SHOTS}, default
 * target/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LayoutBrowserTest {

	static final int WIDTH = 1366;

	static final Path SHOTS = Browsers.SHOTS;

	/** Pages worth a photograph, by role. */
	static final Map<Role, List<String>> PHOTOGRAPHED = Map.of(Role.CENTRE_OFFICER, List.of("/monitoring", "/warnings"),
			Role.BANK_OFFICER, List.of("/monitoring"), Role.TELECOM_OFFICER, List.of("/telecom"), Role.STATION_OFFICER,
			List.of("/warnings"), Role.OVERSIGHT, List.of("/audit", "/statistics"));

	@LocalServerPort
	int port;

	@BeforeAll
	static void requireChromium() {
		Browsers.requireChromium();
	}

	void api(String user, String path, String json) throws Exception {
		HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
	}

	/**
	 * Decisions with long account names, a SIM measure with long reasons, warning tasks:
	 * the widest content.
	 */
	void demoData() throws Exception {
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < 12; i++) {
			batch.append(i == 0 ? "" : ",")
				.append(ConsolePagesTests.transfer("LAYOUT-TRANSFER-" + i + "-0000000000",
						"ICBC:6222020000000000000" + i, "ICBC:LAYOUTRECEIVINGACCOUNT0000000001", 10_000 + i,
						t0.plusSeconds(i * 20)));
		}
		api("bank", "/api/v1/transfers/decisions/batch", batch.append("]").toString());
		api("bank", "/api/v1/transfers/decisions", ConsolePagesTests.transfer("LAYOUT-OUT",
				"ICBC:LAYOUTRECEIVINGACCOUNT0000000001", "CCB:6217000000000000001", 100_000, t0.plusSeconds(300)));
		api("telecom", "/api/v1/sims/records", ConsolePagesTests.spree("13712349999",
				Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS)));
		Instant t = Instant.now().minusSeconds(60);
		api("telecom", "/api/v1/warnings/signals",
				"[" + """
						{"kind":"CALL_FROM_FRAUD_NUMBER","personPhone":"13910009001","personName":"欧阳某某","region":"610113",\
						"at":"%s","fraudNumber":"17012345678","confidence":"CONFIRMED","callSeconds":600,"fraudType":"FAKE_POLICE"}"""
					.formatted(t) + "]");
	}

	@Test
	void everyRolesPagesFitA1366PixelScreen() throws Exception {
		demoData();
		Files.createDirectories(SHOTS);
		List<String> overflowing = new ArrayList<>();
		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			String base = "http://localhost:" + port;
			for (Role role : Role.values()) {
				var context = browser
					.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, 768).setLocale("zh-CN"));
				Page page = context.newPage();
				page.navigate(base + "/login");
				page.fill("#username", DemoLogins.USER_BY_ROLE.get(role));
				page.fill("#password", DemoLogins.PASSWORD);
				page.click("#login-submit");
				page.waitForURL(base + "/");
				List<String> paths = new ArrayList<>(List.of("/"));
				for (Area a : Area.values()) {
					if (a.admits(role)) {
						paths.add(a.consolePath());
					}
				}
				for (String path : paths) {
					page.navigate(base + path);
					int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
					if (width > WIDTH) {
						overflowing.add(role + " " + path + ": " + width + " px");
					}
					if (PHOTOGRAPHED.getOrDefault(role, List.of()).contains(path)) {
						page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
							.setPath(SHOTS.resolve(role.name().toLowerCase() + path.replace('/', '-') + ".png")));
					}
				}
				context.close();
			}
		}
		assertThat(overflowing).as(String.join("\n", overflowing)).isEmpty();
	}

}
