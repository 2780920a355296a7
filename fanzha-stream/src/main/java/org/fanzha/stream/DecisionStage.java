package org.fanzha.stream;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The decision stage, keyed by transfer id: waits for the payer's and the payee's halves
 * of a transfer (the payer's alone for cash), scores them with the monitor's rules
 * ({@link Decider}) and emits the decision with its {@code decisions} message. State: at
 * most one parked half per transfer in flight, cleared when the decision is made.
 *
 * <p>
 * The rule engine's guard (a rule acting on too large a share of traffic is shadowed)
 * counts per instance of this stage and is not checkpointed: after a restore it starts a
 * fresh block, and at parallelism n each instance watches its n-th of the traffic
 * (docs/stream.md, "Differences").
 */
public class DecisionStage extends KeyedProcessFunction<String, Half, DecisionMessage> {

	private transient ValueState<Half> waiting;

	private transient Decider decider;

	private transient Messages.DecisionWriter writer;

	@Override
	public void open(OpenContext context) {
		waiting = getRuntimeContext().getState(new ValueStateDescriptor<>("waiting", Compact.HALF));
		decider = Decider.withDefaultRules();
		writer = new Messages.DecisionWriter(decider.rules());
	}

	@Override
	public void processElement(Half h, Context ctx, Collector<DecisionMessage> out) throws Exception {
		if (!h.paired) {
			emit(decider.decide(h, null), out);
			return;
		}
		Half other = waiting.value();
		if (other == null) {
			waiting.update(h);
			return;
		}
		waiting.clear();
		emit(h.side == Leg.OUT ? decider.decide(h, other) : decider.decide(other, h), out);
	}

	private void emit(DecisionMessage d, Collector<DecisionMessage> out) {
		d.json = writer.json(d);
		Latency.record(d.producedAt);
		out.collect(d);
	}

}
