package org.fanzha.engine.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.fanzha.core.RegionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionSheetTest {

	private static final Instant T = Instant.parse("2026-03-01T02:05:00Z"); // 10:05 in
																			// Beijing

	private final JurisdictionAdvisor advisor = new JurisdictionAdvisor();

	private JurisdictionAdvice sample() {
		return advisor.advise(
				List.of(ConnectionPoint.victim("610113", 600_000_00L, "报案笔录：被害人在家中被骗", T),
						ConnectionPoint.of(ConnectionKind.MONEY_WITHDRAWN, "610302", "取现记录：渭滨区ATM"),
						ConnectionPoint.overseas(ConnectionKind.CALL_OR_SMS_SENT, "MM", "话单：+95 主叫")),
				AcceptingUnit.of("西安市公安局雁塔分局", "610113"), null, false);
	}

	@Test
	void htmlCarriesEverySection() {
		String html = DecisionSheet.html(sample(), "XA-2026-0001", T);

		assertThat(html).startsWith("<section class=\"jurisdiction-sheet\">")
			.endsWith("</section>\n")
			.contains("<h2>管辖决策参考</h2>")
			.contains("XA-2026-0001")
			.contains("2026-03-01 10:05（北京时间）")
			// points table with basis and citation
			.contains("<td>被害人被骗时所在地</td>")
			.contains("西安市雁塔区（610113）")
			.contains("¥600,000.00")
			.contains("赃款取现地")
			.contains("境外：缅甸（MM）")
			.contains("法发〔2016〕32号")
			// candidates, recommendation, designation, follow-on, sources
			.contains("宝鸡市公安局渭滨分局")
			.contains("<strong>西安市公安局雁塔分局</strong>（最初受理地）")
			.contains("需报请公安部指定管辖")
			.contains("西安市雁塔区人民检察院")
			.contains("西安市雁塔区人民法院")
			.contains("西安市中级人民法院")
			.contains("<h3>六、法律依据</h3>")
			.contains("凭记忆引用")
			.contains("已核对原文")
			.contains("不是管辖决定");
		assertThat(html.indexOf("西安市公安局雁塔分局</td>")).as("the main location ranks first")
			.isLessThan(html.indexOf("宝鸡市公安局渭滨分局</td>"));
	}

	@Test
	void htmlEscapesEverythingFromTheData() {
		JurisdictionAdvice advice = advisor.advise(
				List.of(ConnectionPoint.of(ConnectionKind.MONEY_MOVED, "610113",
						"<script>alert('x')</script> & \"q\"")),
				new AcceptingUnit("<b>分局</b>", RegionCode.of("610113")), "<img src=x onerror=alert(1)>", false);

		String html = DecisionSheet.html(advice, "<i>case</i>", T);

		assertThat(html).doesNotContain("<script>")
			.doesNotContain("<img")
			.doesNotContain("<b>")
			.doesNotContain("<i>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
			.contains("&lt;img src=x onerror=alert(1)&gt;")
			.contains("&lt;i&gt;case&lt;/i&gt;")
			.contains("&lt;b&gt;分局&lt;/b&gt;");
	}

	@ParameterizedTest(name = "escape({0}) = {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = { "a<b | a&lt;b", "a>b | a&gt;b", "a&b | a&amp;b",
			"`a\"b` | a&quot;b", "a'b | a&#39;b", "&amp; | &amp;amp;", "雁塔 | 雁塔" })
	void escape(String in, String out) {
		assertThat(DecisionSheet.escape(in)).isEqualTo(out);
	}

	@Test
	void noMainlandPointSaysDesignationFirst() {
		JurisdictionAdvice advice = advisor
			.advise(List.of(ConnectionPoint.overseas(ConnectionKind.WEBSITE_SERVER, "KH", "服务器IP归属柬埔寨")));

		assertThat(DecisionSheet.html(advice, "G-1", T)).contains("境内无管辖地")
			.contains("无境内建议单位，报请指定管辖")
			.contains("待指定管辖后确定");
		assertThat(DecisionSheet.text(advice, "G-1", T)).contains("境内无管辖地").contains("需报请公安部指定管辖");
	}

	@Test
	void textHasTheSameContent() {
		String text = DecisionSheet.text(sample(), "XA-2026-0001", T);

		assertThat(text).startsWith("管辖决策参考\n")
			.contains("1. 被害人被骗时所在地｜西安市雁塔区（610113）")
			.contains("损失¥600,000.00")
			.contains("三、建议：西安市公安局雁塔分局（最初受理地）")
			.contains("四、指定管辖：需报请公安部指定管辖")
			.contains("五、随案检察院、法院：西安市雁塔区人民检察院、西安市雁塔区人民法院")
			.doesNotContain("<");
	}

	@Test
	void noDesignationIsSaidPlainly() {
		JurisdictionAdvice advice = advisor.advise(List.of(ConnectionPoint.victim("610122", 5_000_00L, "报案笔录", T)));

		assertThat(DecisionSheet.html(advice, "C-2", T)).contains("无须指定管辖").contains("蓝田县人民法院");
	}

	@Test
	void refusesMissingCaseReferenceOrTime() {
		JurisdictionAdvice advice = sample();
		assertThatThrownBy(() -> DecisionSheet.html(advice, " ", T)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("case reference");
		assertThatThrownBy(() -> DecisionSheet.text(advice, "C", null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("time");
		assertThatThrownBy(() -> DecisionSheet.html(null, "C", T)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no advice");
	}

}
