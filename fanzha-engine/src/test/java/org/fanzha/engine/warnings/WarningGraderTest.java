package org.fanzha.engine.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fanzha.engine.warnings.WarningGrader.Confidence;
import org.fanzha.engine.warnings.WarningGrader.Signal;
import org.fanzha.engine.warnings.WarningGrader.SignalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarningGraderTest {

	private static final Instant NOW = Instant.parse("2024-03-01T02:00:00Z");

	private final WarningGrader grader = new WarningGrader();

	@ParameterizedTest(name = "{0} call {1}s x{2} ⇒ {3} {4}")
	@CsvSource({ "CONFIRMED, 180, 1, HIGH,   LONG_CALL_CONFIRMED", "CONFIRMED, 179, 1, MEDIUM, CALL_ANSWERED",
			"CONFIRMED,   1, 1, MEDIUM, CALL_ANSWERED", "CONFIRMED,   0, 1, LOW,    SINGLE_CALL",
			"SUSPECTED, 180, 1, MEDIUM, LONG_CALL_SUSPECTED", "SUSPECTED, 179, 1, LOW,    SINGLE_CALL",
			"SUSPECTED,   0, 2, MEDIUM, REPEATED_CONTACT", "CONFIRMED, 600, 3, HIGH,   LONG_CALL_CONFIRMED" })
	void callsAreGradedByConfidenceDurationAndRepetition(Confidence c, int seconds, int count, Grade grade,
			String code) {
		var r = grader.grade(List.of(Signal.call(c, seconds, count, NOW.minusSeconds(60), FraudType.FAKE_POLICE)), NOW);
		assertThat(r.grade()).isEqualTo(grade);
		assertThat(r.reasons().get(0).code()).isEqualTo(code);
		assertThat(r.channel()).isEqualTo(grade.channel());
		assertThat(r.likelyType()).isEqualTo(FraudType.FAKE_POLICE);
	}

	@ParameterizedTest(name = "{0} ⇒ {1}")
	@CsvSource({ "TRANSFER_TO_RISKY_ACCOUNT, HIGH, VISIT, 7200", "PAYER_WARNING, HIGH, VISIT, 7200",
			"PUBLIC_REPORT, MEDIUM, PHONE_CALL, 1800" })
	void otherSignalsAndTheirChannelAndDeadline(SignalKind kind, Grade grade, Channel channel, long seconds) {
		var r = grader.grade(List.of(Signal.of(kind, NOW, null)), NOW);
		assertThat(r.grade()).isEqualTo(grade);
		assertThat(r.channel()).isEqualTo(channel);
		assertThat(r.deadline()).isEqualTo(NOW.plusSeconds(seconds));
		assertThat(r.likelyType()).isEqualTo(FraudType.UNKNOWN);
	}

	@ParameterizedTest(name = "{0} SMS ⇒ {1}")
	@CsvSource({ "1, LOW, SMS, 600", "2, MEDIUM, PHONE_CALL, 1800" })
	void aSingleSmsIsLowRepeatedIsMedium(int count, Grade grade, Channel channel, long seconds) {
		var r = grader.grade(List.of(Signal.sms(Confidence.SUSPECTED, count, NOW, FraudType.TASK_REBATE)), NOW);
		assertThat(r.grade()).isEqualTo(grade);
		assertThat(r.channel()).isEqualTo(channel);
		assertThat(r.deadline()).isEqualTo(NOW.plusSeconds(seconds));
		assertThat(r.reasons()).allSatisfy(reason -> assertThat(reason.text()).isNotBlank());
	}

	@Test
	void repetitionSumsOverCallsAndSms() {
		var r = grader.grade(List.of(Signal.sms(Confidence.SUSPECTED, 1, NOW.minusSeconds(100), FraudType.FAKE_LOAN),
				Signal.call(Confidence.SUSPECTED, 0, 1, NOW.minusSeconds(50), null)), NOW);
		assertThat(r.grade()).isEqualTo(Grade.MEDIUM);
		assertThat(r.reasons().get(0).code()).isEqualTo("REPEATED_CONTACT");
		assertThat(r.likelyType()).isEqualTo(FraudType.FAKE_LOAN);
	}

	@Test
	void theHighestSignalDecidesGradeAndType() {
		var r = grader.grade(List.of(Signal.sms(Confidence.CONFIRMED, 1, NOW.minusSeconds(300), FraudType.TASK_REBATE),
				Signal.of(SignalKind.TRANSFER_TO_RISKY_ACCOUNT, NOW.minusSeconds(10), FraudType.FAKE_INVESTMENT)), NOW);
		assertThat(r.grade()).isEqualTo(Grade.HIGH);
		assertThat(r.likelyType()).isEqualTo(FraudType.FAKE_INVESTMENT);
		assertThat(r.reasons()).extracting(WarningGrader.Reason::code)
			.containsExactly("TRANSFER_ATTEMPT", "SINGLE_SMS");
	}

	@ParameterizedTest(name = "signal {0} h before now counts: {1}")
	@CsvSource({ "72, true", "73, false" })
	void lookBackWindowIncludesItsStart(long hours, boolean counts) {
		var old = Signal.of(SignalKind.PAYER_WARNING, NOW.minus(Duration.ofHours(hours)), null);
		var recent = Signal.sms(Confidence.SUSPECTED, 1, NOW, null);
		assertThat(grader.grade(List.of(old, recent), NOW).grade()).isEqualTo(counts ? Grade.HIGH : Grade.LOW);
	}

	@Test
	void inputErrors() {
		assertThatThrownBy(() -> grader.grade(List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> grader.grade(List.of(Signal.of(SignalKind.PUBLIC_REPORT, NOW.plusSeconds(1), null)), NOW))
			.hasMessageContaining("after now");
		assertThatThrownBy(() -> Signal.call(null, 10, 1, NOW, null)).hasMessageContaining("confidence");
		assertThatThrownBy(() -> Signal.call(Confidence.CONFIRMED, 10, 0, NOW, null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void deadlinesAreConfigurable() {
		var g = new WarningGrader(WarningGrader.Thresholds.DEFAULTS,
				new Deadlines(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3)));
		assertThat(g.grade(List.of(Signal.of(SignalKind.PAYER_WARNING, NOW, null)), NOW).deadline())
			.isEqualTo(NOW.plusSeconds(180));
	}

}
