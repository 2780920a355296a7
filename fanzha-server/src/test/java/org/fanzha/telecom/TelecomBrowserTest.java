package org.fanzha.telecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.fanzha.support.Browsers;
import org.fanzha.support.DemoLogins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's officer in a real browser: finds a restricted number by typing it and
 * pressing Enter, opens the measure, records the holder's appeal with the documents
 * shown, and lifts the measure after saying yes to the question the lift form asks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fanzha.simulation.enabled=false")
class TelecomBrowserTest {

	@LocalServerPort
	int port;

	@BeforeAll
	static void chromium() {
		Browsers.requireChromium();
	}

	String base() {
		return "http://localhost:" + port;
	}

	int post(String user, String path, String json) throws Exception {
		HttpRequest req = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	@Test
	void anOfficerFindsANumberRecordsTheAppealAndLiftsTheMeasure() throws Exception {
		String phone = "13791230588";
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
		assertThat(post("telecom", "/api/v1/sims/records", SimMeasuresTests.spree(phone, start))).isEqualTo(200);
		// another number of the same operator, so that the search has something to leave
		// out
		assertThat(
				post("telecom", "/api/v1/sims/records", SimMeasuresTests.spree("13791230589", start.plusSeconds(60))))
			.isEqualTo(200);
		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			Page page = Browsers.signIn(browser, base(), "telecom");
			List<String> asked = new CopyOnWriteArrayList<>();
			page.onDialog(d -> {
				asked.add(d.message());
				d.accept();
			});
			page.navigate(base() + "/telecom");
			Browsers.readable(page);
			page.fill("#measure-q", phone);
			page.press("#measure-q", "Enter");
			page.waitForURL(u -> u.contains("q=" + phone));
			assertThat(page.locator("#measures tbody tr").count()).isEqualTo(1);
			assertThat(page.locator("#measures").innerText()).contains(phone).doesNotContain("13791230589");
			Browsers.readable(page);
			Browsers.shot(page, "telecom-search");

			page.locator("#measures tbody tr").first().locator("a.handle").click();
			page.waitForSelector("form.appeal");
			assertThat(page.locator("#measure-facts").innerText()).contains(phone).contains("第三十二条");
			assertThat(page.locator("form.appeal input[name=documents]:checked").count()).isZero();
			Browsers.readable(page);
			Browsers.shot(page, "telecom-measure");
			page.fill("form.appeal input[name=statement]", "本人做保险电话销售，到厅核验");
			page.check("form.appeal input[name=documents] >> nth=0");
			page.check("form.appeal input[name=documents] >> nth=1");
			page.click("form.appeal button[type=submit]");
			page.waitForSelector("#flash-ok");
			assertThat(page.locator("#flash-ok").innerText()).contains("已登记申诉");
			assertThat(asked).as("recording an appeal asks nothing").isEmpty();
			assertThat(page.locator("#measure-facts").innerText()).contains("申诉中").contains("本人做保险电话销售");
			Browsers.readable(page);
			Browsers.shot(page, "telecom-appealed");

			page.fill("form.lift input[name=note]", "现场实人核验通过");
			page.click("form.lift button[type=submit]");
			page.waitForSelector("#flash-ok >> text=解除");
			assertThat(page.locator("#flash-ok").innerText()).contains("解除");
			assertThat(asked).as("the lift asks once").hasSize(1).first().asString().contains(phone).contains("解除");
			assertThat(page.locator("#measure-facts").innerText()).contains("已解除").contains("现场实人核验通过");
			assertThat(page.locator("form.lift").count()).isZero();
			Browsers.readable(page);
			Browsers.shot(page, "telecom-lifted");
		}
	}

}
