package org.fanzha.engine.jurisdiction;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.fanzha.core.Beijing;
import org.fanzha.core.Money;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.Candidate;
import org.fanzha.engine.jurisdiction.JurisdictionAdvice.FollowOn;

/*
 * The printable decision-support sheet (管辖决策参考) for a JurisdictionAdvice: the connection points with their
 * bases, the candidate units, the recommendation and its reasoning, the designation flag, the procuratorate and
 * court that follow, and every source with its verification status. Two renderings from the same content: an
 * HTML fragment (a <section>, no <html>/<head>: the server puts it in a page; every text from the data is
 * escaped) and plain text. Plain string building, one pass; times in China Standard Time (Asia/Shanghai).
 * The sheet supports a decision; it is not one, and says so.
 */
public final class DecisionSheet {

	public static final String TITLE = "管辖决策参考";

	private static final ZoneId CHINA = Beijing.ZONE;

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

	private DecisionSheet() {
	}

	/**
	 * @param caseReference the case or group number shown in the heading (escaped)
	 * @param generatedAt when the sheet is made (injected; printed in Beijing time)
	 */
	public static String html(JurisdictionAdvice advice, String caseReference, Instant generatedAt) {
		check(advice, caseReference, generatedAt);
		StringBuilder b = new StringBuilder(4096);
		b.append("<section class=\"jurisdiction-sheet\">\n");
		b.append("<h2>").append(TITLE).append("</h2>\n");
		b.append("<p class=\"meta\">案件：")
			.append(escape(caseReference))
			.append("　生成时间：")
			.append(MINUTES.format(generatedAt))
			.append("（北京时间）</p>\n");
		advice.firstAccepting()
			.ifPresent(a -> b.append("<p>最初受理单位：")
				.append(escape(a.name()))
				.append("（")
				.append(escape(UnitNames.regionName(a.region())))
				.append("，")
				.append(a.region())
				.append("）</p>\n"));
		advice.dispute().ifPresent(d -> b.append("<p>管辖争议：").append(escape(d)).append("</p>\n"));
		if (advice.multiLevelChain()) {
			b.append("<p>本案标记为多层级链条、跨区域案件。</p>\n");
		}

		b.append(
				"<h3>一、连接点</h3>\n<table class=\"points\">\n<thead><tr><th>序号</th><th>连接点</th><th>地点</th><th>证据/说明</th><th>时间</th>")
			.append("<th>被害人损失</th><th>法律依据</th></tr></thead>\n<tbody>\n");
		int n = 0;
		for (ConnectionPoint p : advice.points()) {
			b.append("<tr><td>")
				.append(++n)
				.append("</td><td>")
				.append(escape(p.kind().label()))
				.append("</td><td>")
				.append(escape(p.place().label()))
				.append("</td><td>")
				.append(escape(p.evidence()))
				.append("</td><td>")
				.append(p.when().map(MINUTES::format).orElse("—"))
				.append("</td><td>")
				.append(loss(p.lossFen()))
				.append("</td><td>")
				.append(escape(p.kind().basis()))
				.append("<br><small>")
				.append(escape(p.kind().citation().display()))
				.append("</small></td></tr>\n");
		}
		b.append("</tbody>\n</table>\n");

		b.append("<h3>二、有管辖权的公安机关（候选）</h3>\n");
		if (advice.candidates().isEmpty()) {
			b.append("<p>境内无管辖地。</p>\n");
		}
		else {
			b.append(
					"<table class=\"candidates\">\n<thead><tr><th>排序</th><th>公安机关</th><th>区划</th><th>连接点</th><th>管辖依据</th>")
				.append("<th>被害人损失</th><th>被害人数</th></tr></thead>\n<tbody>\n");
			int rank = 0;
			for (Candidate c : advice.candidates()) {
				b.append("<tr><td>")
					.append(++rank)
					.append("</td><td>")
					.append(escape(c.policeUnit()))
					.append("</td><td>")
					.append(escape(c.regionName()))
					.append("（")
					.append(c.region())
					.append("）</td><td>")
					.append(escape(String.join("、", c.kinds().stream().map(ConnectionKind::label).toList())))
					.append("</td><td>")
					.append(escape(String.join("；", c.bases().stream().map(Citation::display).toList())))
					.append("</td><td>")
					.append(loss(c.victimLossFen()))
					.append("</td><td>")
					.append(c.victimCount())
					.append("</td></tr>\n");
			}
			b.append("</tbody>\n</table>\n");
		}

		JurisdictionAdvice.Recommendation r = advice.recommendation();
		b.append("<h3>三、建议</h3>\n<p class=\"recommendation\"><strong>")
			.append(escape(r.policeUnit().orElse("无境内建议单位，报请指定管辖")))
			.append("</strong>（")
			.append(r.ground().label())
			.append("）</p>\n");
		list(b, r.reasoning());
		b.append("<p><small>依据：")
			.append(escape(String.join("；", r.citations().stream().map(Citation::display).toList())))
			.append("</small></p>\n");

		JurisdictionAdvice.Designation d = advice.designation();
		b.append("<h3>四、指定管辖</h3>\n");
		if (d.needed()) {
			b.append("<p class=\"designation\"><strong>需报请")
				.append(escape(d.superior().map(s -> s.name()).orElse("共同上级公安机关")))
				.append("指定管辖</strong></p>\n");
			list(b, d.reasons());
			b.append("<p><small>依据：")
				.append(escape(String.join("；", d.citations().stream().map(Citation::display).toList())))
				.append("</small></p>\n");
		}
		else {
			b.append("<p>无须指定管辖：未声明争议，未标记多层级链条，无境外连接点。</p>\n");
		}

		b.append("<h3>五、随案检察院、法院</h3>\n");
		if (advice.followOn().isPresent()) {
			FollowOn f = advice.followOn().get();
			b.append("<p>人民检察院：")
				.append(escape(f.procuratorate()))
				.append("；人民法院：")
				.append(escape(f.court()))
				.append("</p>\n");
			if (f.intermediateCourt().isPresent()) {
				b.append("<p>可能判处无期徒刑时第一审：")
					.append(escape(f.intermediateProcuratorate().orElseThrow()))
					.append("、")
					.append(escape(f.intermediateCourt().get()))
					.append("</p>\n");
			}
			list(b, f.notes());
		}
		else {
			b.append("<p>待指定管辖后确定。</p>\n");
		}

		b.append("<h3>六、法律依据</h3>\n<ol class=\"sources\">\n");
		for (Citation c : advice.sources()) {
			b.append("<li>").append(escape(c.display())).append("</li>\n");
		}
		b.append("</ol>\n<p class=\"note\"><small>本表为辅助决策参考，不是管辖决定；标注“二手资料”“凭记忆引用”的条文须核对原文后使用。</small></p>\n");
		b.append("</section>\n");
		return b.toString();
	}

	/**
	 * The same content as plain text, for printing without a browser or pasting into a
	 * report.
	 */
	public static String text(JurisdictionAdvice advice, String caseReference, Instant generatedAt) {
		check(advice, caseReference, generatedAt);
		StringBuilder b = new StringBuilder(2048);
		b.append(TITLE)
			.append('\n')
			.append("案件：")
			.append(caseReference)
			.append("　生成时间：")
			.append(MINUTES.format(generatedAt))
			.append("（北京时间）\n");
		advice.firstAccepting()
			.ifPresent(a -> b.append("最初受理单位：").append(a.name()).append("（").append(a.region()).append("）\n"));
		advice.dispute().ifPresent(d -> b.append("管辖争议：").append(d).append('\n'));
		b.append("\n一、连接点\n");
		int n = 0;
		for (ConnectionPoint p : advice.points()) {
			b.append(++n)
				.append(". ")
				.append(p.kind().label())
				.append("｜")
				.append(p.place().label())
				.append("｜")
				.append(p.evidence());
			p.when().ifPresent(t -> b.append("｜").append(MINUTES.format(t)));
			if (p.lossFen() > 0) {
				b.append("｜损失").append(Money.ofFen(p.lossFen()));
			}
			b.append("\n   依据：")
				.append(p.kind().basis())
				.append("，")
				.append(p.kind().citation().display())
				.append('\n');
		}
		b.append("\n二、有管辖权的公安机关（候选）\n");
		int rank = 0;
		for (Candidate c : advice.candidates()) {
			b.append(++rank)
				.append(". ")
				.append(c.policeUnit())
				.append("（")
				.append(c.region())
				.append("）：")
				.append(String.join("、", c.kinds().stream().map(ConnectionKind::label).toList()))
				.append("；被害人损失")
				.append(Money.ofFen(c.victimLossFen()))
				.append("，被害人")
				.append(c.victimCount())
				.append("名\n");
		}
		if (advice.candidates().isEmpty()) {
			b.append("境内无管辖地。\n");
		}
		JurisdictionAdvice.Recommendation r = advice.recommendation();
		b.append("\n三、建议：")
			.append(r.policeUnit().orElse("无境内建议单位，报请指定管辖"))
			.append("（")
			.append(r.ground().label())
			.append("）\n");
		r.reasoning().forEach(s -> b.append("   ").append(s).append('\n'));
		JurisdictionAdvice.Designation d = advice.designation();
		b.append("\n四、指定管辖：");
		if (d.needed()) {
			b.append("需报请").append(d.superior().map(s -> s.name()).orElse("共同上级公安机关")).append("指定管辖\n");
			d.reasons().forEach(s -> b.append("   ").append(s).append('\n'));
		}
		else {
			b.append("无须\n");
		}
		b.append("\n五、随案检察院、法院：");
		if (advice.followOn().isPresent()) {
			FollowOn f = advice.followOn().get();
			b.append(f.procuratorate()).append("、").append(f.court()).append('\n');
			f.notes().forEach(s -> b.append("   ").append(s).append('\n'));
		}
		else {
			b.append("待指定管辖后确定\n");
		}
		b.append("\n六、法律依据\n");
		int i = 0;
		for (Citation c : advice.sources()) {
			b.append(++i).append(". ").append(c.display()).append('\n');
		}
		b.append("\n本表为辅助决策参考，不是管辖决定；标注“二手资料”“凭记忆引用”的条文须核对原文后使用。\n");
		return b.toString();
	}

	/** Escapes the five characters that matter in HTML text and attribute values. */
	public static String escape(String s) {
		StringBuilder b = new StringBuilder(s.length() + 16);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '&' -> b.append("&amp;");
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '"' -> b.append("&quot;");
				case '\'' -> b.append("&#39;");
				default -> b.append(c);
			}
		}
		return b.toString();
	}

	private static void list(StringBuilder b, List<String> lines) {
		b.append("<ul>\n");
		for (String s : lines) {
			b.append("<li>").append(escape(s)).append("</li>\n");
		}
		b.append("</ul>\n");
	}

	private static String loss(long fen) {
		return fen == 0 ? "—" : escape(Money.ofFen(fen).toString());
	}

	private static void check(JurisdictionAdvice advice, String caseReference, Instant generatedAt) {
		if (advice == null) {
			throw new IllegalArgumentException("no advice to render");
		}
		if (caseReference == null || caseReference.isBlank()) {
			throw new IllegalArgumentException("the decision sheet needs a case reference");
		}
		if (generatedAt == null) {
			throw new IllegalArgumentException("the decision sheet needs the time it is generated");
		}
	}

}
