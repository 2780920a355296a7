package org.fanzha.engine.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DedupTest {

	private static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");

	@ParameterizedTest(name = "{0} then {1} after {2} ms ⇒ {3}")
	@CsvSource({ "SMS,        SMS,        3600000,  true", "SMS,        SMS,        3599999,  false",
			"SMS,        SMS,        0,        false", "PHONE_CALL, PHONE_CALL, 3600000,  true",
			"PHONE_CALL, PHONE_CALL, 3599999,  false", "VISIT,      VISIT,      86400000, true",
			"VISIT,      VISIT,      86399999, false",
			// escalation: a higher grade passes at once
			"SMS,        PHONE_CALL, 0,        true", "SMS,        VISIT,      1,        true",
			"PHONE_CALL, VISIT,      0,        true",
			// a lower grade on a channel not yet used passes
			"VISIT,      SMS,        0,        true",
			// time going backwards counts as inside the window
			"SMS,        SMS,        -1,       false" })
	void windowPerChannelAndEscalations(Channel first, Channel second, long afterMillis, boolean admitted) {
		{
			Dedup d = new Dedup();
			assertThat(d.admit(7L, first.grade(), first, T0)).isTrue();
			assertThat(d.admit(7L, second.grade(), second, T0.plusMillis(afterMillis))).isEqualTo(admitted);
			Dedup s = new Dedup();
			assertThat(s.admit("person-7", first.grade(), first, T0)).isTrue();
			assertThat(s.admit("person-7", second.grade(), second, T0.plusMillis(afterMillis))).isEqualTo(admitted);
		}
	}

	@Test
	void aSuppressedWarningDoesNotRestartTheWindow() {
		Dedup d = new Dedup();
		assertThat(d.admit(1L, Grade.LOW, Channel.SMS, T0)).isTrue();
		assertThat(d.admit(1L, Grade.LOW, Channel.SMS, T0.plus(Duration.ofMinutes(59)))).isFalse();
		assertThat(d.admit(1L, Grade.LOW, Channel.SMS, T0.plus(Duration.ofMinutes(60)))).isTrue();
	}

	@Test
	void sameGradeAfterEscalationWaitsForItsWindow() {
		Dedup d = new Dedup();
		assertThat(d.admit(1L, Grade.MEDIUM, Channel.PHONE_CALL, T0)).isTrue();
		assertThat(d.admit(1L, Grade.MEDIUM, Channel.PHONE_CALL, T0.plusSeconds(60))).isFalse();
		assertThat(d.admit(1L, Grade.HIGH, Channel.VISIT, T0.plusSeconds(60))).isTrue();
		assertThat(d.admit(1L, Grade.HIGH, Channel.VISIT, T0.plusSeconds(120))).isFalse();
	}

	@Test
	void personsAreIndependentAndManyAreRemembered() {
		Dedup d = new Dedup();
		for (long id = 0; id < 20_000; id++) {
			assertThat(d.admit(id * 1_000_003L, Grade.LOW, Channel.SMS, T0)).isTrue();
		}
		for (long id = 0; id < 20_000; id++) {
			assertThat(d.admit(id * 1_000_003L, Grade.LOW, Channel.SMS, T0.plusSeconds(1))).isFalse();
		}
		assertThat(d.admit("0", Grade.LOW, Channel.SMS, T0)).as("String and long ids are distinct").isTrue();
		assertThat(d.size()).isEqualTo(20_001);
	}

	@Test
	void configurableWindowsAndInputErrors() {
		Dedup d = new Dedup(new Dedup.Windows(Duration.ofMinutes(5), Duration.ZERO, Duration.ofHours(1)));
		assertThat(d.admit(1L, Grade.LOW, Channel.SMS, T0)).isTrue();
		assertThat(d.admit(1L, Grade.LOW, Channel.SMS, T0.plus(Duration.ofMinutes(5)))).isTrue();
		assertThat(d.admit(2L, Grade.MEDIUM, Channel.PHONE_CALL, T0)).isTrue();
		assertThat(d.admit(2L, Grade.MEDIUM, Channel.PHONE_CALL, T0)).isTrue();
		assertThatThrownBy(() -> d.admit("", Grade.LOW, Channel.SMS, T0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> d.admit(1L, null, Channel.SMS, T0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Dedup.Windows(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
