package org.fanzha.stream;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fanzha.engine.monitor.RuleSet;

/**
 * The {@code flags} topic, keyed by payee: the first time the monitor acts (REVIEW or
 * more severe) on a payment into an account, one message names the account, as the
 * server's monitoring module announces it ({@code MuleAccountFlagged}). Decisions reach
 * this stage in no particular order within a watermark step, so the earliest acting
 * decision (by time, then transfer id) is held until the watermark passes it and only
 * then announced; later ones are dropped. State per payee: a flag "announced" and at most
 * one held decision.
 */
public class FlagStage extends KeyedProcessFunction<String, DecisionMessage, Keyed> {

	private transient ValueState<Boolean> announced;

	private transient ValueState<DecisionMessage> held;

	private transient RuleSet rules;

	@Override
	public void open(OpenContext context) {
		announced = getRuntimeContext().getState(new ValueStateDescriptor<>("announced", Types.BOOLEAN));
		held = getRuntimeContext().getState(new ValueStateDescriptor<>("held", Compact.DECISION));
		rules = Decider.withDefaultRules().rules();
	}

	@Override
	public void processElement(DecisionMessage d, Context ctx, Collector<Keyed> out) throws Exception {
		if (Boolean.TRUE.equals(announced.value())) {
			return;
		}
		DecisionMessage h = held.value();
		if (h == null || d.time < h.time || (d.time == h.time && d.transferId.compareTo(h.transferId) < 0)) {
			held.update(d);
			ctx.timerService().registerEventTimeTimer(d.time * 1000);
		}
	}

	@Override
	public void onTimer(long timestamp, OnTimerContext ctx, Collector<Keyed> out) throws Exception {
		DecisionMessage h = held.value();
		if (h == null || h.time * 1000 > timestamp || Boolean.TRUE.equals(announced.value())) {
			return;
		}
		announced.update(true);
		held.clear();
		out.collect(new Keyed(h.toAccount, Messages.flagJson(h, rules)));
	}

}
