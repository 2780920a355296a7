package org.fanzha.engine.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.engine.trace.Policy;
import org.fanzha.engine.trace.Trace;
import org.fanzha.engine.trace.TraceRequest;
import org.fanzha.engine.trace.TraceResult;
import org.junit.jupiter.api.Test;

class StopPaymentPlannerTest {

	static final long T0 = 1_772_323_200L;

	/**
	 * The victim pays FAST (a mule that passed money on within 5 minutes before) and SLOW
	 * (an ordinary-looking account that keeps money for days); FAST keeps part of the
	 * money after paying NEXT.
	 */
	static TransferGraph graph() {
		TransferGraph g = new TransferGraph();
		for (String a : new String[] { "V", "FAST", "SLOW", "NEXT", "X" }) {
			g.addAccount(a, a.equals("V") || a.equals("X") ? 1_000_000 : 0);
		}
		// history: FAST passes money on within 5 minutes, SLOW within 2 days
		g.append("T1", T0 - 10 * 86_400, "X", "FAST", 1_000, "MOBILE");
		g.append("T2", T0 - 10 * 86_400 + 300, "FAST", "X", 1_000, "MOBILE");
		g.append("T3", T0 - 9 * 86_400, "X", "SLOW", 1_000, "MOBILE");
		g.append("T4", T0 - 7 * 86_400, "SLOW", "X", 1_000, "MOBILE");
		g.append("T5", T0, "V", "SLOW", 80_000, "MOBILE");
		g.append("T6", T0 + 60, "V", "FAST", 20_000, "MOBILE");
		g.append("T7", T0 + 200, "FAST", "NEXT", 15_000, "MOBILE");
		return g;
	}

	static TraceResult trace(TransferGraph g) {
		return Trace.run(g, new TraceRequest(new int[] { g.transferIndex("T5"), g.transferIndex("T6") }, new int[2],
				T0 + 600, Policy.FIFO, 8, 0, 86_400));
	}

	@Test
	void mostUrgentFirstWithTheFourFieldsTheBankChecks() {
		TransferGraph g = graph();
		AccountInfo info = new AccountInfo() {
			@Override
			public String holderName(int a) {
				return "holder of " + g.accountId(a);
			}

			@Override
			public String institution(int a) {
				return "ICBC";
			}

			@Override
			public String number(int a) {
				return "6222" + a;
			}
		};
		StopPaymentPlanner.Plan plan = StopPaymentPlanner.plan(g, trace(g), info, new StopRegistry(), T0 + 600, 1);
		assertThat(plan.instructions()).extracting(StopInstruction::accountId).containsExactly("FAST", "NEXT", "SLOW");
		StopInstruction fast = plan.instructions().get(0);
		assertThat(fast.amountFen()).isEqualTo(5_000);
		assertThat(fast.payeeName()).isEqualTo("holder of FAST");
		assertThat(fast.accountNumber()).startsWith("6222");
		assertThat(fast.transactionTime()).isEqualTo(T0 + 60);
		assertThat(fast.transferId()).isEqualTo("T6");
		assertThat(fast.kind()).isEqualTo(StopInstruction.Kind.EMERGENCY);
		assertThat(fast.expectedMoveAt()).isEqualTo(T0 + 60 + 300);
		StopInstruction next = plan.instructions().get(1);
		assertThat(next.kind()).isEqualTo(StopInstruction.Kind.EXTENDED);
		assertThat(next.level()).isEqualTo(2);
		assertThat(next.parentAccount()).isEqualTo("FAST");
		assertThat(plan.totalFen()).isEqualTo(100_000);
	}

	@Test
	void frozenAndTwiceStoppedAccountsAreSkippedWithTheReason() {
		TransferGraph g = graph();
		StopRegistry registry = new StopRegistry();
		registry.recordFreeze("SLOW");
		registry.recordStop("FAST", T0 - 5 * 86_400);
		registry.recordStop("FAST", T0 - 3 * 86_400);
		registry.recordStop("NEXT", T0 - 3_600);
		StopPaymentPlanner.Plan plan = StopPaymentPlanner.plan(g, trace(g), AccountInfo.NONE, registry, T0 + 600, 1);
		assertThat(plan.instructions()).isEmpty();
		assertThat(plan.skipped()).extracting(StopPaymentPlanner.Skipped::reason)
			.containsExactlyInAnyOrder("already frozen", "already stopped twice: apply for a freeze",
					"a stop is in force");
		assertThatThrownBy(() -> registry.recordStop("FAST", T0)).hasMessageContaining("twice");
		// a stop lasts 48 hours
		assertThat(registry.stoppedAt("NEXT", T0 - 3_600 + StopRegistry.STOP_SECONDS - 1)).isTrue();
		assertThat(registry.stoppedAt("NEXT", T0 - 3_600 + StopRegistry.STOP_SECONDS)).isFalse();
	}

}
