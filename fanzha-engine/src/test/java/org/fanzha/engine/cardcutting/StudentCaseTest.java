package org.fanzha.engine.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.fanzha.engine.cardcutting.StudentCase.Stage;
import org.junit.jupiter.api.Test;

class StudentCaseTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	@Test
	void warningAnalysisEducationDisciplineClosed() {
		StudentCase c = StudentCase.open(T0);
		assertThat(c.stage()).isEqualTo(Stage.WARNING);
		c.advance(Stage.ANALYSIS, "school", "约谈本人，确认出借银行卡", T0.plusSeconds(60));
		assertThat(c.contactParents("school", "电话联系父亲", T0.plusSeconds(120))).isTrue();
		c.advance(Stage.EDUCATION, "school", "反诈教育", T0.plusSeconds(180));
		assertThat(c.contactParents("school", "家长到校", T0.plusSeconds(240))).isFalse();
		assertThat(c.parentContactedAt()).isEqualTo(T0.plusSeconds(120));
		c.advance(Stage.DISCIPLINE, "school", "警告处分", T0.plusSeconds(300));
		c.advance(Stage.CLOSED, "school", "处理完毕", T0.plusSeconds(360));
		assertThat(c.stage()).isEqualTo(Stage.CLOSED);
		assertThatThrownBy(() -> c.contactParents("school", "x", T0.plusSeconds(400)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void stepsGoForwardOneAtATime() {
		StudentCase c = StudentCase.open(T0);
		assertThatThrownBy(() -> c.advance(Stage.EDUCATION, "school", "x", T0))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("WARNING cannot move to EDUCATION");
		assertThatThrownBy(() -> c.advance(Stage.CLOSED, "school", "x", T0)).isInstanceOf(IllegalStateException.class);
		c.advance(Stage.ANALYSIS, "school", "x", T0);
		c.advance(Stage.CLOSED, "school", "研判未涉及", T0);
		assertThatThrownBy(() -> c.advance(Stage.ANALYSIS, "school", "x", T0)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("closed");
		StudentCase e = StudentCase.restore(Stage.EDUCATION, null, T0);
		e.advance(Stage.CLOSED, "school", "教育完毕", T0);
		assertThat(e.stage()).isEqualTo(Stage.CLOSED);
	}

	@Test
	void badInputIsRefused() {
		StudentCase c = StudentCase.open(T0);
		assertThatThrownBy(() -> c.advance(Stage.ANALYSIS, "school", " ", T0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> c.advance(Stage.ANALYSIS, "school", "x", T0.minusSeconds(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> StudentCase.open(null)).isInstanceOf(IllegalArgumentException.class);
	}

}
