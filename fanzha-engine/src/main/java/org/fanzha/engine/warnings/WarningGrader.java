package org.fanzha.engine.warnings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/*
 * Grades a potential victim (潜在受害人) from the signals that point at them and picks the dissuasion channel and
 * deadline (精准预警劝阻: Anti-Telecom-Fraud Law art. 34; DOMAIN.md §2 capability 4 and §3 "Warning and dissuasion").
 *
 * Each signal inside the look-back window (default 72 h before `now`; signals after `now` are refused as input errors)
 * gives one reason; the highest reason decides the grade (HIGH > MEDIUM > LOW). The thresholds are assumptions
 * (configurable in Thresholds), chosen so that the grade follows how close the person is to losing money:
 *
 *   code                  when                                                                   grade
 *   TRANSFER_ATTEMPT      a transfer to a risky (involved) account was attempted                 HIGH
 *   PAYER_WARNING         transfer monitoring flagged the person as a payer to fraud (art. 18)   HIGH
 *   LONG_CALL_CONFIRMED   an answered call of >= 180 s from a confirmed fraud number             HIGH
 *   LONG_CALL_SUSPECTED   an answered call of >= 180 s from a suspected fraud number             MEDIUM
 *   CALL_ANSWERED         an answered shorter call from a confirmed fraud number                 MEDIUM
 *   REPEATED_CONTACT      >= 2 calls or SMS (summed over signals) from fraud numbers             MEDIUM
 *   PUBLIC_REPORT         a member of the public (often family) reports the person is targeted   MEDIUM
 *   SCRIPT_CALL           an answered call of script length from a number not (yet) restricted  MEDIUM
 *                         that calls like a fraud script (ScriptCallWatch: new, many strangers,
 *                         no call-backs)
 *   EXPOSED_TO_REPORTED   the person installed an app, opened a website or joined a chat group   MEDIUM
 *                         that a victim's report named (before or after the report)
 *   CREDIT_FROM_FLAGGED   the person received money from an account the banks' monitor held or   MEDIUM
 *                         flagged, or a report named as a payee (the rebate before a first payment)
 *   SINGLE_CALL           one unanswered call, or a short call from a suspected number           LOW
 *   SINGLE_SMS            one SMS from a fraud number                                            LOW
 *
 * Channel by grade (DOMAIN.md §3): LOW ⇒ SMS (12381), MEDIUM ⇒ phone call (96110), HIGH ⇒ in-person visit by the
 * station of the person's region; the deadline is `now` plus the channel's Deadlines entry. The likely fraud type is
 * the type named by the highest-grade signal that names one (ties: the latest signal), else UNKNOWN.
 * Pure function of its inputs; the clock is the caller's `now`.
 */
/**
 * Grades a potential victim's signals into {@link Grade} HIGH/MEDIUM/LOW with reasons,
 * channel and deadline.
 */
public final class WarningGrader {

	public enum SignalKind {

		CALL_FROM_FRAUD_NUMBER, SMS_FROM_FRAUD_NUMBER, PAYER_WARNING, TRANSFER_TO_RISKY_ACCOUNT, PUBLIC_REPORT,
		/**
		 * An answered call of script length from a number calling like a fraud script.
		 */
		SCRIPT_CALL,
		/** Exposure to an app, website or chat group named in a victim's report. */
		EXPOSED_TO_REPORTED,
		/** Money received from an account held, flagged or named as a payee. */
		CREDIT_FROM_FLAGGED

	}

	/**
	 * Whether the fraud number is confirmed (used in a reported case) or only suspected
	 * (by model or reports).
	 */
	public enum Confidence {

		CONFIRMED, SUSPECTED

	}

	/**
	 * One signal about a potential victim.
	 *
	 * @param confidence of the calling/sending number; required for calls and SMS,
	 * ignored otherwise (may be null)
	 * @param callSeconds answered duration of the longest call (0 = not answered); calls
	 * only
	 * @param count how many calls/SMS the signal stands for (at least 1)
	 * @param fraudType the likely type when known, or null/UNKNOWN
	 */
	public record Signal(SignalKind kind, Confidence confidence, int callSeconds, int count, Instant at,
			FraudType fraudType) {

		public Signal {
			if (kind == null || at == null) {
				throw new IllegalArgumentException("signal kind and time are required");
			}
			if ((kind == SignalKind.CALL_FROM_FRAUD_NUMBER || kind == SignalKind.SMS_FROM_FRAUD_NUMBER)
					&& confidence == null) {
				throw new IllegalArgumentException(kind + " needs a confidence (CONFIRMED or SUSPECTED)");
			}
			if (callSeconds < 0 || count < 1) {
				throw new IllegalArgumentException("callSeconds must be >= 0 and count >= 1");
			}
			if (fraudType == null) {
				fraudType = FraudType.UNKNOWN;
			}
		}

		public static Signal call(Confidence confidence, int seconds, int count, Instant at, FraudType type) {
			return new Signal(SignalKind.CALL_FROM_FRAUD_NUMBER, confidence, seconds, count, at, type);
		}

		public static Signal sms(Confidence confidence, int count, Instant at, FraudType type) {
			return new Signal(SignalKind.SMS_FROM_FRAUD_NUMBER, confidence, 0, count, at, type);
		}

		public static Signal of(SignalKind kind, Instant at, FraudType type) {
			return new Signal(kind, null, 0, 1, at, type);
		}

		/** A script-length call from a number not known as a fraud number. */
		public static Signal scriptCall(int seconds, Instant at) {
			return new Signal(SignalKind.SCRIPT_CALL, null, seconds, 1, at, null);
		}
	}

	/**
	 * Thresholds; {@link #DEFAULTS}: long call 180 s, repeated contact 2, look-back 72 h
	 * (assumptions, configurable).
	 */
	public record Thresholds(int longCallSeconds, int repeatedContacts, Duration lookBack) {

		public static final Thresholds DEFAULTS = new Thresholds(180, 2, Duration.ofHours(72));

		public Thresholds {
			if (longCallSeconds < 1 || repeatedContacts < 2 || lookBack == null || lookBack.isNegative()) {
				throw new IllegalArgumentException("longCallSeconds >= 1, repeatedContacts >= 2, lookBack >= 0");
			}
		}
	}

	/** A reason: code, the grade it gives, Chinese text for the operator. */
	public record Reason(String code, Grade grade, String text) {
	}

	/**
	 * The grade, its channel, the deadline to act by, the reasons (highest first) and the
	 * likely fraud type.
	 */
	public record Result(Grade grade, Channel channel, Instant deadline, List<Reason> reasons, FraudType likelyType) {
	}

	private final Thresholds thresholds;

	private final Deadlines deadlines;

	public WarningGrader() {
		this(Thresholds.DEFAULTS, Deadlines.DEFAULTS);
	}

	public WarningGrader(Thresholds thresholds, Deadlines deadlines) {
		if (thresholds == null || deadlines == null) {
			throw new IllegalArgumentException("thresholds and deadlines are required");
		}
		this.thresholds = thresholds;
		this.deadlines = deadlines;
	}

	/**
	 * Grades the signals seen up to {@code now}.
	 * @throws IllegalArgumentException when no signal lies in the look-back window, or
	 * one lies after {@code now}
	 */
	public Result grade(List<Signal> signals, Instant now) {
		if (signals == null || now == null) {
			throw new IllegalArgumentException("signals and now are required");
		}
		Instant from = now.minus(thresholds.lookBack());
		List<Reason> reasons = new ArrayList<>();
		Grade best = null;
		FraudType type = FraudType.UNKNOWN;
		Grade typeGrade = null;
		Instant typeAt = null;
		int contacts = 0;
		FraudType contactType = FraudType.UNKNOWN;
		Instant contactAt = null;
		for (Signal s : signals) {
			if (s.at().isAfter(now)) {
				throw new IllegalArgumentException("signal at " + s.at() + " lies after now " + now);
			}
			if (s.at().isBefore(from)) {
				continue;
			}
			Reason r = reasonFor(s);
			reasons.add(r);
			if (s.kind() == SignalKind.CALL_FROM_FRAUD_NUMBER || s.kind() == SignalKind.SMS_FROM_FRAUD_NUMBER) {
				contacts += s.count();
				if (s.fraudType() != FraudType.UNKNOWN && (contactAt == null || !s.at().isBefore(contactAt))) {
					contactType = s.fraudType();
					contactAt = s.at();
				}
			}
			if (best == null || r.grade().compareTo(best) > 0) {
				best = r.grade();
			}
			if (s.fraudType() != FraudType.UNKNOWN && (typeGrade == null || r.grade().compareTo(typeGrade) > 0
					|| (r.grade() == typeGrade && !s.at().isBefore(typeAt)))) {
				type = s.fraudType();
				typeGrade = r.grade();
				typeAt = s.at();
			}
		}
		if (best == null) {
			throw new IllegalArgumentException("no signal in the " + thresholds.lookBack() + " before " + now);
		}
		if (contacts >= thresholds.repeatedContacts()) {
			reasons.add(new Reason("REPEATED_CONTACT", Grade.MEDIUM, "近期被涉诈号码呼叫或发送短信" + contacts + "次（重复联系）"));
			if (best.compareTo(Grade.MEDIUM) < 0) {
				best = Grade.MEDIUM;
			}
			if (contactType != FraudType.UNKNOWN && (typeGrade == null || typeGrade.compareTo(Grade.MEDIUM) < 0)) {
				type = contactType;
			}
		}
		reasons.sort((a, b) -> b.grade().compareTo(a.grade()));
		Channel channel = best.channel();
		return new Result(best, channel, deadlines.due(channel, now), List.copyOf(reasons), type);
	}

	private Reason reasonFor(Signal s) {
		boolean confirmed = s.confidence() == Confidence.CONFIRMED;
		String source = confirmed ? "已确认涉诈号码" : "疑似涉诈号码";
		return switch (s.kind()) {
			case TRANSFER_TO_RISKY_ACCOUNT -> new Reason("TRANSFER_ATTEMPT", Grade.HIGH, "正在向涉诈风险账户转账");
			case PAYER_WARNING -> new Reason("PAYER_WARNING", Grade.HIGH, "资金监测预警：疑似向诈骗分子付款");
			case PUBLIC_REPORT -> new Reason("PUBLIC_REPORT", Grade.MEDIUM, "群众举报：本人可能正在被骗");
			case SCRIPT_CALL ->
				new Reason("SCRIPT_CALL", Grade.MEDIUM, "接听陌生新号码来电" + s.callSeconds() + "秒，该号码正集中呼叫大量陌生人");
			case EXPOSED_TO_REPORTED -> new Reason("EXPOSED_TO_REPORTED", Grade.MEDIUM, "安装、访问或加入了受害人举报的涉诈APP、网站或群组");
			case CREDIT_FROM_FLAGGED -> new Reason("CREDIT_FROM_FLAGGED", Grade.MEDIUM, "收到涉诈风险账户转入的款项（疑似刷单返利）");
			case SMS_FROM_FRAUD_NUMBER -> new Reason("SINGLE_SMS", Grade.LOW, "收到" + source + "短信");
			case CALL_FROM_FRAUD_NUMBER -> {
				if (s.callSeconds() >= thresholds.longCallSeconds()) {
					yield confirmed
							? new Reason("LONG_CALL_CONFIRMED", Grade.HIGH, "与" + source + "通话" + s.callSeconds() + "秒")
							: new Reason("LONG_CALL_SUSPECTED", Grade.MEDIUM,
									"与" + source + "通话" + s.callSeconds() + "秒");
				}
				if (s.callSeconds() > 0 && confirmed) {
					yield new Reason("CALL_ANSWERED", Grade.MEDIUM, "接听" + source + "来电" + s.callSeconds() + "秒");
				}
				yield new Reason("SINGLE_CALL", Grade.LOW, "接到" + source + "来电");
			}
		};
	}

}
