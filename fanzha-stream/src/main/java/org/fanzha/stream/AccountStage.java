package org.fanzha.stream;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The account stage, keyed by account: applies each account's legs (its transfers out,
 * its transfers in, reports naming it) to its state in event-time order and sends each
 * transfer side's features on to the decision stage.
 *
 * <p>
 * Legs of one account come from different Kafka partitions (out legs from the payer's
 * partition, in legs from other payers'), so arrival order is not event order. A leg is
 * parked in the key's list state and an event-time timer set at its second; when the
 * watermark passes that second the parked legs up to it are sorted ({@link Leg#order}:
 * the in-process monitor's order) and applied. The account's state is one {@code long[]}
 * of {@link AccountLogic#LONGS} longs (about 700 bytes) in a value state: one read and
 * one write per timer firing, however many legs the second holds. Cost per leg: a
 * list-state append, the timer, and on firing a sort of the second's legs plus
 * {@link AccountLogic}'s two copies of the state.
 */
public class AccountStage extends KeyedProcessFunction<String, Leg, Half> {

	private transient ValueState<long[]> account;

	private transient ListState<Leg> parked;

	private transient AccountLogic logic;

	@Override
	public void open(OpenContext context) {
		account = getRuntimeContext()
			.getState(new ValueStateDescriptor<>("account", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
		parked = getRuntimeContext().getListState(new ListStateDescriptor<>("parked", Compact.LEG));
		logic = new AccountLogic();
	}

	@Override
	public void processElement(Leg leg, Context ctx, Collector<Half> out) throws Exception {
		parked.add(leg);
		ctx.timerService().registerEventTimeTimer(leg.time * 1000);
	}

	@Override
	public void onTimer(long timestamp, OnTimerContext ctx, Collector<Half> out) throws Exception {
		List<Leg> ready = new ArrayList<>();
		List<Leg> later = new ArrayList<>();
		for (Leg l : parked.get()) {
			(l.time * 1000 <= timestamp ? ready : later).add(l);
		}
		if (ready.isEmpty()) {
			return;
		}
		ready.sort(Leg::order);
		long[] state = account.value();
		if (state == null) {
			state = logic.newState();
		}
		for (Leg l : ready) {
			apply(state, l, out);
		}
		account.update(state);
		if (later.isEmpty()) {
			parked.clear();
		}
		else {
			parked.update(later);
		}
	}

	private void apply(long[] state, Leg l, Collector<Half> out) {
		if (l.kind == Leg.CONFIRM) {
			logic.confirm(state, l.time);
			return;
		}
		Half h = new Half();
		h.transferId = l.transferId;
		h.bank = l.bank;
		h.fromAccount = l.fromAccount;
		h.toAccount = l.kind == Leg.OUT ? l.counterparty : l.account;
		h.side = l.kind;
		h.paired = l.counterparty != null;
		h.amountFen = l.amountFen;
		h.time = l.time;
		h.producedAt = l.producedAt;
		h.features = AccountLogic.vector();
		int counterparty = AccountLogic.identity(l.counterparty);
		if (l.kind == Leg.OUT) {
			logic.out(state, counterparty, l.amountFen, l.time, h.features);
		}
		else {
			logic.in(state, counterparty, l.amountFen, l.time, h.features);
		}
		out.collect(h);
	}

}
