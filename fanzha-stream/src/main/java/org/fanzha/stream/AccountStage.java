package org.fanzha.stream;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The account stage, keyed by account: applies each account's legs (its transfers out,
 * its transfers in, reports naming it) to its state in event-time order and sends each
 * transfer side's features on to the decision stage.
 *
 * <p>
 * Legs of one account come from different Kafka partitions (out legs from the payer's
 * partition, in legs from other payers'), so arrival order is not event order. A leg is
 * parked in a list state of its own second (the state's namespace is the second, as
 * Flink's window operator keeps a window's elements) and an event-time timer is set for
 * that account and second; when the watermark passes the second, that second's legs are
 * read, cleared, sorted ({@link Leg#order}: the in-process monitor's order) and applied.
 * Timers of one account fire in time order, so seconds are applied in order. The
 * account's state is one {@code long[]} of {@link AccountLogic#LONGS} longs (about 700
 * bytes) in a value state: one read and one write per firing, however many legs the
 * second holds. Cost per leg: a list-state append (a RocksDB merge), the timer, and on
 * firing its share of one list read and delete, the sort, and {@link AccountLogic}'s two
 * copies of the state.
 *
 * <p>
 * Why an operator rather than a {@code KeyedProcessFunction} with one list per account:
 * the profile of that version (docs/benchmarks.md) spent about 40 % of this stage in
 * reading and rewriting the legs of later seconds left parked at each firing; a process
 * function cannot choose its state's namespace.
 */
public class AccountStage extends AbstractStreamOperator<Half>
		implements OneInputStreamOperator<Leg, Half>, Triggerable<String, Long> {

	private transient ListStateDescriptor<Leg> parkedDescriptor;

	private transient ValueState<long[]> account;

	private transient InternalTimerService<Long> seconds;

	private transient AccountLogic logic;

	private transient List<Leg> ready;

	private transient StreamRecord<Half> record;

	@Override
	public void open() throws Exception {
		super.open();
		parkedDescriptor = new ListStateDescriptor<>("parked", Compact.LEG);
		account = getPartitionedState(
				new ValueStateDescriptor<>("account", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
		seconds = getInternalTimerService("parked-seconds", LongSerializer.INSTANCE, this);
		logic = new AccountLogic();
		ready = new ArrayList<>();
		record = new StreamRecord<>(null);
	}

	private ListState<Leg> parked(long second) throws Exception {
		return getPartitionedState(second, LongSerializer.INSTANCE, parkedDescriptor);
	}

	@Override
	public void processElement(StreamRecord<Leg> r) throws Exception {
		Leg leg = r.getValue();
		parked(leg.time).add(leg);
		seconds.registerEventTimeTimer(leg.time, leg.time * 1000);
	}

	@Override
	public void onEventTime(InternalTimer<String, Long> timer) throws Exception {
		ListState<Leg> parked = parked(timer.getNamespace());
		ready.clear();
		for (Leg l : parked.get()) {
			ready.add(l);
		}
		parked.clear();
		if (ready.isEmpty()) {
			return;
		}
		ready.sort(Leg::order);
		long[] state = account.value();
		if (state == null) {
			state = logic.newState();
		}
		for (Leg l : ready) {
			apply(state, l, timer.getTimestamp());
		}
		account.update(state);
	}

	@Override
	public void onProcessingTime(InternalTimer<String, Long> timer) {
	}

	private void apply(long[] state, Leg l, long timestamp) {
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
		output.collect(record.replace(h, timestamp));
	}

}
