package org.fanzha.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.fanzha.core.BankCardNumber;
import org.fanzha.support.Browsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The intake form in a real browser, as a station officer types it: the region picker
 * (city, then its counties by name), banks by name, a second payment row added and a
 * third added and removed in place, one mistake that keeps every row, then the case page
 * saying the report is in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fanzha.simulation.enabled=false")
class IntakeBrowserTest {

	@LocalServerPort
	int port;

	@BeforeAll
	static void requireChromium() {
		Browsers.requireChromium();
	}

	@Test
	void pickARegionAddAndRemovePaymentRowsFixAMistakeAndSubmit() {
		String base = "http://localhost:" + port;
		String paidAt = LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(20).withSecond(0).withNano(0).toString();
		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			Page page = Browsers.signIn(browser, base, "station");
			page.navigate(base + "/cases/new");

			// no city yet: no county to choose; Xi'an: its districts and counties by
			// name, none of Yulin's
			assertThat(page.locator("#f-region option").count()).isEqualTo(1);
			page.selectOption("#f-city", "610100");
			assertThat(page.locator("#f-region").innerText()).contains("雁塔区").contains("周至县").doesNotContain("榆阳区");
			page.selectOption("#f-region", "610113");
			page.fill("#f-name", "郑十");
			page.fill("#f-id", "11010519491231002X");
			page.selectOption("#f-type", "INVESTMENT");

			fillRow(page, "", new String[] { BankCardNumber.withLuhnDigit("622202000000000000"), "甲某", "ICBC:ROWS1",
					"ICBC", "1000", paidAt, "T-ROWS1" });

			// a second transfer in a row of its own; its amount is mistyped
			page.click("#f-add-payment");
			assertThat(page.locator(".payment-row").count()).isEqualTo(2);
			assertThat(page.inputValue("#f-payee-1")).isEmpty();
			fillRow(page, "-1", new String[] { BankCardNumber.withLuhnDigit("622848000000000000"), "乙某", "CCB:ROWS2",
					"CCB", "三千", paidAt, "" });
			// a third row, added by mistake and removed again
			page.click("#f-add-payment");
			assertThat(page.locator(".payment-row").count()).isEqualTo(3);
			page.locator(".payment-row").nth(2).locator(".remove-payment").click();
			assertThat(page.locator(".payment-row").count()).isEqualTo(2);
			assertThat(page.locator(".payment-row").first().locator(".remove-payment").isVisible()).isFalse();

			page.click("#f-submit");
			page.waitForSelector("#form-errors");
			assertThat(page.locator("#form-errors").innerText()).contains("第 2 笔转账").contains("金额");
			assertThat(page.inputValue("#f-city")).isEqualTo("610100");
			assertThat(page.inputValue("#f-region")).isEqualTo("610113");
			assertThat(page.locator("#f-region").innerText()).doesNotContain("榆阳区");
			assertThat(page.inputValue("#f-name")).isEqualTo("郑十");
			assertThat(page.inputValue("#f-payee")).isEqualTo("ICBC:ROWS1");
			assertThat(page.inputValue("#f-bank")).isEqualTo("ICBC");
			assertThat(page.inputValue("#f-transfer")).isEqualTo("T-ROWS1");
			assertThat(page.inputValue("#f-payee-1")).isEqualTo("CCB:ROWS2");
			assertThat(page.inputValue("#f-bank-1")).isEqualTo("CCB");
			assertThat(page.inputValue("#f-amount-1")).isEqualTo("三千");
			assertThat(page.locator(".payment-row").nth(1).locator(".remove-payment").isVisible()).isTrue();
			// buttons by meaning: submitting is the primary colour, adding a row neutral,
			// neither the alarm red
			assertThat(background(page, "#f-submit")).isEqualTo("rgb(29, 79, 145)");
			assertThat(background(page, "#f-add-payment")).isEqualTo("rgb(255, 255, 255)");
			Browsers.readable(page);
			Browsers.shot(page, "intake-rows-error");

			page.fill("#f-amount-1", "3000");
			page.click("#f-submit");
			page.waitForURL(Pattern.compile(".*/cases/XA-YT-.*"));
			assertThat(page.locator("#created").innerText()).contains("报案已提交");
			assertThat(page.locator("#payments").innerText()).contains("ICBC:ROWS1")
				.contains("CCB:ROWS2")
				.contains("3,000.00")
				.contains("中国工商银行")
				.contains("中国建设银行");
			assertThat(page.locator("#case-detail").innerText()).contains("西安市雁塔区");
			assertThat(page.inputValue("#p-bank")).isEmpty();
			Browsers.readable(page);
			Browsers.shot(page, "intake-rows-created");

			// a destructive action asks first: turning the confirmation down sends
			// nothing
			Page centre = Browsers.signIn(browser, base, "centre");
			centre.navigate(base + "/cardcutting");
			centre.locator("#cc-listings tr.overdue a").first().click();
			centre.waitForSelector("form.dismiss");
			String listing = centre.url();
			centre.fill("form.dismiss input[name=note]", "证据不足");
			List<String> asked = new ArrayList<>();
			centre.onceDialog(d -> {
				asked.add(d.message());
				d.dismiss();
			});
			centre.click("form.dismiss button[type=submit]");
			assertThat(asked).containsExactly("确定不予列入惩戒名单？");
			assertThat(centre.url()).isEqualTo(listing);
			assertThat(centre.locator("form.dismiss").count()).isEqualTo(1);
			assertThat(background(centre, "form.reject button, form.decide button")).isEqualTo("rgb(178, 34, 34)");
		}
	}

	/**
	 * One payment row: payer, payee name, payee account, bank, amount, time, transfer id;
	 * {@code n} the id suffix.
	 */
	static void fillRow(Page page, String n, String[] values) {
		String[] ids = { "#f-payer", "#f-payee-name", "#f-payee", "#f-bank", "#f-amount", "#f-time", "#f-transfer" };
		for (int i = 0; i < ids.length; i++) {
			if (ids[i].equals("#f-bank")) {
				page.selectOption(ids[i] + n, values[i]);
			}
			else {
				page.fill(ids[i] + n, values[i]);
			}
		}
	}

	static String background(Page page, String selector) {
		return String.valueOf(page.evalOnSelector(selector, "e => getComputedStyle(e).backgroundColor"));
	}

}
