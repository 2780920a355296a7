package org.fanzha.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.fanzha.support.Browsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The oversight dashboard in a real browser (Debian's Chromium, Playwright), zh-CN at
 * 1366×768: the map of Shaanxi draws from the GeoJSON under /geo, switches between
 * reports, losses and warnings, and the reports and warnings bars each have their own
 * axis so neither vanishes beside the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsBrowserTest {

	@LocalServerPort
	int port;

	@BeforeAll
	static void requireChromium() {
		Browsers.requireChromium();
	}

	static final String MAP_SERIES = "() => { const c = echarts.getInstanceByDom(document.getElementById('chart-map'));"
			+ " if (!c) return null; const s = c.getOption().series || [];"
			+ " const m = s.find(x => x.type === 'map'); return m ? m.name + '|' + m.data.length : null; }";

	@Test
	void theMapOfShaanxiAndEveryBarIsDrawn() {
		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			String base = "http://localhost:" + port;
			Page page = Browsers.signIn(browser, base, "oversight");
			page.navigate(base + "/statistics");
			page.waitForFunction(
					"() => { const c = window.echarts && echarts.getInstanceByDom(document.getElementById('chart-map'));"
							+ " return !!c && (c.getOption().series || []).some(s => s.type === 'map'); }");
			assertThat(page.evaluate(MAP_SERIES)).isEqualTo("报案|10");
			assertThat(page.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-map')).getOption()"
					+ ".visualMap.length"))
				.isEqualTo(1);
			assertThat(page.locator("#map-credit").innerText()).contains("Apache ECharts 4.9.0").contains("Apache-2.0");

			page.click("#map-warnings");
			assertThat(page.evaluate(MAP_SERIES)).isEqualTo("预警|10");
			assertThat(page.locator("#map-warnings").getAttribute("aria-pressed")).isEqualTo("true");
			page.click("#map-loss");
			assertThat(page.evaluate(MAP_SERIES)).isEqualTo("损失（元）|10");

			// a click on 西安市 (a point in 长安区) shows its counties as bars
			assertThat(page.locator("#chart-counties").isVisible()).isFalse();
			page.locator("#chart-map").scrollIntoViewIfNeeded();
			Object xy = page
				.evaluate("() => { const c = echarts.getInstanceByDom(document.getElementById('chart-map'));"
						+ " const p = c.convertToPixel({seriesIndex: 0}, [108.95, 34.0]);"
						+ " const r = document.getElementById('chart-map').getBoundingClientRect(); return [r.left + p[0], r.top + p[1]]; }");
			List<?> at = (List<?>) xy;
			page.mouse().click(((Number) at.get(0)).doubleValue(), ((Number) at.get(1)).doubleValue());
			page.waitForFunction("() => { const e = document.getElementById('chart-counties');"
					+ " return !e.hidden && echarts.getInstanceByDom(e); }");
			Object counties = page
				.evaluate("() => { const o = echarts.getInstanceByDom(document.getElementById('chart-counties'))"
						+ ".getOption(); return o.title[0].text + '|' + o.xAxis[0].data.join(',') + '|' + o.yAxis.length; }");
			assertThat(String.valueOf(counties)).startsWith("西安市").contains("雁塔区").contains("长安区").endsWith("|2");

			// reports on the left axis, warnings on the right: two y-axes, one per bar
			// series
			Object axes = page
				.evaluate("() => { const o = echarts.getInstanceByDom(document.getElementById('chart-cities'))"
						+ ".getOption(); return o.yAxis.length + ':' + o.series.map(s => s.type + s.yAxisIndex).join(','); }");
			assertThat(axes).isEqualTo("2:bar0,bar1");
			Browsers.readable(page);
			Browsers.shot(page, "oversight-statistics");
		}
	}

}
