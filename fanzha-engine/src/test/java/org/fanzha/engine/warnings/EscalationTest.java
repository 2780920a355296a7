package org.fanzha.engine.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.fanzha.engine.warnings.Escalation.Action;
import org.fanzha.engine.warnings.Escalation.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationTest {

	private static final Instant DEADLINE = Instant.parse("2024-03-01T02:30:00Z");

	private final Escalation escalation = new Escalation();

	@ParameterizedTest(name = "{0}, {1} failed, now = deadline {2} ns ⇒ {3} {4} → {5}")
	@CsvSource({
			// deadline boundary: at the deadline is overdue, one nanosecond before is not
			"SMS,        0, -1, KEEP,     ,            SMS", "SMS,        0,  0, ESCALATE, OVERDUE,     PHONE_CALL",
			"PHONE_CALL, 0, -1, KEEP,     ,            PHONE_CALL", "PHONE_CALL, 0,  0, ESCALATE, OVERDUE,     VISIT",
			"VISIT,      0, -1, KEEP,     ,            VISIT", "VISIT,      0,  0, REFER_UP, OVERDUE,     VISIT",
			// attempts boundary: 3 failed attempts is unreachable, 2 is not
			"SMS,        2, -1, KEEP,     ,            SMS", "SMS,        3, -1, ESCALATE, UNREACHABLE, PHONE_CALL",
			"PHONE_CALL, 3, -60000000000, ESCALATE, UNREACHABLE, VISIT",
			"VISIT,      3, -1, REFER_UP, UNREACHABLE, VISIT", "PHONE_CALL, 5,  1, ESCALATE, UNREACHABLE, VISIT" })
	void escalatesWhenUnreachableOrOverdue(Channel channel, int failed, long nanosFromDeadline, Action action,
			String code, Channel after) {
		Task task = new Task("T1", channel.grade(), channel, DEADLINE, failed);
		Instant now = DEADLINE.plusNanos(nanosFromDeadline);
		var d = escalation.decide(task, now);
		assertThat(d.action()).isEqualTo(action);
		assertThat(d.reasonCode()).isEqualTo(code);
		assertThat(d.task().channel()).isEqualTo(after);
		if (action == Action.ESCALATE) {
			assertThat(d.task().grade()).isEqualTo(after.grade());
			assertThat(d.task().failedAttempts()).isZero();
			assertThat(d.task().deadline()).isEqualTo(Deadlines.DEFAULTS.due(after, now));
			assertThat(d.task().taskId()).isEqualTo("T1");
		}
		else {
			assertThat(d.task()).isEqualTo(task);
		}
	}

	@Test
	void escalationKeepsAHigherGradeAndUsesConfiguredDeadlines() {
		var e = new Escalation(1, new Deadlines(Duration.ofMinutes(1), Duration.ofMinutes(7), Duration.ofMinutes(9)));
		var d = e.decide(new Task("T2", Grade.HIGH, Channel.SMS, DEADLINE, 1), DEADLINE.minusSeconds(600));
		assertThat(d.action()).isEqualTo(Action.ESCALATE);
		assertThat(d.task().grade()).isEqualTo(Grade.HIGH);
		assertThat(d.task().deadline()).isEqualTo(DEADLINE.minusSeconds(600).plus(Duration.ofMinutes(7)));
		assertThat(d.text()).contains("电话劝阻");
	}

	@Test
	void inputErrors() {
		assertThatThrownBy(() -> new Task("T", Grade.LOW, Channel.SMS, DEADLINE, -1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Escalation(0, Deadlines.DEFAULTS)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> escalation.decide(null, DEADLINE)).isInstanceOf(IllegalArgumentException.class);
	}

}
