package org.fanzha.engine.linking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.fanzha.core.Beijing;

/*
 * Where a suspect's telecom-fraud facts stand against the thresholds of Criminal Law art. 266. Sources:
 *
 * 法释〔2011〕7号 (verified, reference/law/fraud-interpretation-2011.md) art. 1: ¥3,000–10,000 / ¥30,000–100,000 /
 *   ¥500,000 and above are "数额较大 / 数额巨大 / 数额特别巨大", provinces choosing within the ranges. The 2016 Opinion on
 *   telecom and network fraud (两高一部《关于办理电信网络诈骗等刑事案件适用法律若干问题的意见》, secondary via DOMAIN.md §3)
 *   fixes telecom fraud at the lower ends: ¥3,000 / ¥30,000 / ¥500,000 (the DEFAULTS here), and adds up repeated
 *   fraud within two years that was not dealt with (多次实施…二年内…累计计算).
 * art. 5 para. 2 (verified): amount unprovable, attempted fraud with "其他严重情节" when >= 5,000 messages sent or
 *   >= 500 calls made; the 2016 Opinion adds >= 5,000 page views of the published fraud information; art. 5 para. 3:
 *   10× any of these is "其他特别严重情节".
 *
 * Two-year accumulation: the frauds are sorted by time and a sliding window finds the largest sum over any stretch
 * whose first and last fraud are within two years by the China-time calendar date (last date <= first date + 2
 * years; exactly two years apart is within). That sum is the accumulated amount the thresholds apply to. O(n log n).
 * Every threshold is ">= standard": one fen (or one message) below does not meet it. Money is long fen. Not applied:
 * the Opinion's "close to the standard (80 %) plus an aggravating circumstance" rule, and art. 6 (attempt and
 * completion in different ranges); the officer decides those. Decision support, not a legal finding.
 */
/**
 * The telecom-fraud amount and attempted-fraud thresholds, with two-year accumulation.
 */
public final class FraudAmountThresholds {

	private static final ZoneOffset CHINA = Beijing.ZONE;

	private static final String INTERPRETATION = "法释〔2011〕7号";

	private static final String OPINION_2016 = "《关于办理电信网络诈骗等刑事案件适用法律若干问题的意见》（2016）";

	/** 数额较大 / 数额巨大 / 数额特别巨大. */
	public enum AmountLevel {

		NONE(""), LARGE("数额较大"), HUGE("数额巨大"), ESPECIALLY_HUGE("数额特别巨大");

		private final String text;

		AmountLevel(String text) {
			this.text = text;
		}

		public String text() {
			return text;
		}

	}

	/** Attempted fraud when the amount can't be proven: 其他严重情节 / 其他特别严重情节. */
	public enum Circumstances {

		NONE, SERIOUS, ESPECIALLY_SERIOUS

	}

	/**
	 * The standards; {@link #DEFAULTS}: ¥3,000, ¥30,000, ¥500,000; 5,000 messages, 500
	 * calls, 5,000 page views; ×10.
	 */
	public record Standards(long largeFen, long hugeFen, long especiallyHugeFen, long messages, long calls,
			long pageViews, int especiallyMultiplier) {

		public static final Standards DEFAULTS = new Standards(300_000L, 3_000_000L, 50_000_000L, 5_000, 500, 5_000,
				10);

		public Standards {
			if (largeFen < 1 || hugeFen <= largeFen || especiallyHugeFen <= hugeFen || messages < 1 || calls < 1
					|| pageViews < 1 || especiallyMultiplier < 2) {
				throw new IllegalArgumentException("standards must be positive and rising, the multiplier at least 2");
			}
		}
	}

	/** One completed fraud: when, and the victim's loss in fen. */
	public record Fraud(Instant time, long amountFen) {

		public Fraud {
			if (time == null || amountFen < 0) {
				throw new IllegalArgumentException("a fraud needs a time and a non-negative amount");
			}
		}
	}

	/**
	 * Attempted-fraud counts, already added up (messages sent, calls made, page views of
	 * the fraud information).
	 */
	public record Attempts(long messages, long calls, long pageViews) {

		public static final Attempts NONE = new Attempts(0, 0, 0);

		public Attempts {
			if (messages < 0 || calls < 0 || pageViews < 0) {
				throw new IllegalArgumentException("counts must not be negative");
			}
		}
	}

	/**
	 * A met threshold: code, Chinese text with the fact and the standard, and its source.
	 */
	public record Met(String code, String text, String source) {
	}

	/**
	 * The assessment: the accumulated amount (largest two-year window, from
	 * {@code windowFrom} to {@code windowTo}, null when there is no fraud), its level,
	 * the attempted-fraud circumstances, and the met thresholds.
	 */
	public record Assessment(long accumulatedFen, Instant windowFrom, Instant windowTo, int fraudsInWindow,
			AmountLevel level, Circumstances attempted, List<Met> met) {

		/** Whether anything reaches a criminal threshold. */
		public boolean criminal() {
			return level != AmountLevel.NONE || attempted != Circumstances.NONE;
		}

		public boolean has(String code) {
			return met.stream().anyMatch(m -> m.code().equals(code));
		}
	}

	private final Standards standards;

	public FraudAmountThresholds() {
		this(Standards.DEFAULTS);
	}

	public FraudAmountThresholds(Standards standards) {
		if (standards == null) {
			throw new IllegalArgumentException("standards are required");
		}
		this.standards = standards;
	}

	public Standards standards() {
		return standards;
	}

	/** The level of an amount in fen. */
	public AmountLevel level(long fen) {
		if (fen < 0) {
			throw new IllegalArgumentException("amount must not be negative");
		}
		return fen >= standards.especiallyHugeFen() ? AmountLevel.ESPECIALLY_HUGE : fen >= standards.hugeFen()
				? AmountLevel.HUGE : fen >= standards.largeFen() ? AmountLevel.LARGE : AmountLevel.NONE;
	}

	/**
	 * Whether {@code later} is within two years of {@code earlier} (China calendar date;
	 * exactly two years is within).
	 */
	public static boolean withinTwoYears(Instant earlier, Instant later) {
		LocalDate a = LocalDate.ofInstant(earlier, CHINA);
		LocalDate b = LocalDate.ofInstant(later, CHINA);
		return !b.isAfter(a.plusYears(2));
	}

	public Assessment assess(List<Fraud> frauds, Attempts attempts) {
		if (frauds == null || attempts == null) {
			throw new IllegalArgumentException("frauds and attempts are required (use an empty list, Attempts.NONE)");
		}
		List<Fraud> sorted = new ArrayList<>(frauds);
		sorted.sort(Comparator.comparing(Fraud::time));
		long best = 0;
		int bestFrom = -1;
		int bestTo = -1;
		long sum = 0;
		int from = 0;
		for (int to = 0; to < sorted.size(); to++) {
			sum = Math.addExact(sum, sorted.get(to).amountFen());
			while (!withinTwoYears(sorted.get(from).time(), sorted.get(to).time())) {
				sum -= sorted.get(from++).amountFen();
			}
			if (bestFrom < 0 || sum > best) {
				best = sum;
				bestFrom = from;
				bestTo = to;
			}
		}
		List<Met> met = new ArrayList<>();
		AmountLevel level = bestFrom < 0 ? AmountLevel.NONE : level(best);
		if (level != AmountLevel.NONE) {
			long standard = switch (level) {
				case LARGE -> standards.largeFen();
				case HUGE -> standards.hugeFen();
				default -> standards.especiallyHugeFen();
			};
			int n = bestTo - bestFrom + 1;
			met.add(new Met(level.name(), "诈骗数额" + yuan(best) + (n > 1 ? "（二年内" + n + "次累计）" : "") + "，" + level.text()
					+ "（标准：" + yuan(standard) + "以上）", INTERPRETATION + "第一条；" + OPINION_2016));
		}
		Circumstances attempted = Circumstances.NONE;
		int k = standards.especiallyMultiplier();
		String[] what = { "发送诈骗信息", "拨打诈骗电话", "诈骗信息页面浏览量" };
		String[] unit = { "条", "人次", "次" };
		String[] code = { "MESSAGES", "CALLS", "PAGE_VIEWS" };
		long[] count = { attempts.messages(), attempts.calls(), attempts.pageViews() };
		long[] std = { standards.messages(), standards.calls(), standards.pageViews() };
		String[] source = { INTERPRETATION + "第五条第二款第（一）项", INTERPRETATION + "第五条第二款第（二）项", OPINION_2016 };
		for (int i = 0; i < 3; i++) {
			if (count[i] >= std[i] * k) {
				met.add(new Met(code[i] + "_" + k + "X",
						what[i] + count[i] + unit[i] + "，其他特别严重情节（标准：" + std[i] * k + unit[i] + "以上）",
						source[i] + "；" + INTERPRETATION + "第五条第三款"));
				attempted = Circumstances.ESPECIALLY_SERIOUS;
			}
			else if (count[i] >= std[i]) {
				met.add(new Met(code[i], what[i] + count[i] + unit[i] + "，其他严重情节（标准：" + std[i] + unit[i] + "以上）",
						source[i]));
				if (attempted == Circumstances.NONE) {
					attempted = Circumstances.SERIOUS;
				}
			}
		}
		return new Assessment(best, bestFrom < 0 ? null : sorted.get(bestFrom).time(),
				bestFrom < 0 ? null : sorted.get(bestTo).time(), bestFrom < 0 ? 0 : bestTo - bestFrom + 1, level,
				attempted, List.copyOf(met));
	}

	/** Fen as yuan text, e.g. 300000 ⇒ "3000.00元". */
	static String yuan(long fen) {
		return String.format(Locale.ROOT, "%d.%02d元", fen / 100, fen % 100);
	}

}
