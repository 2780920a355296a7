package org.fanzha.stream;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The SIM stage, keyed by calling phone: each call or text is booked on its caller's
 * state and decided by the engine's SIM monitor ({@link SimLogic}); the first time a
 * phone is restricted or suspended, one {@code measures} message (measures.v1.json, key:
 * the phone) goes out, as the server publishes {@code SimRestricted}.
 *
 * <p>
 * No event-time buffering, unlike the account stage: a phone's records all come from one
 * partition of {@code calls} (its key is the caller) and a keyed stream keeps their
 * order, so the stage sees each phone's records in the order they were produced, which is
 * the order the server's monitor books them in (it, too, takes records as they come, a
 * little out of time order included). The state is the engine's two slabs of one SIM
 * ({@code SimMonitor.SIM_INTS} ints and {@code SIM_LONGS} longs, about 450 bytes) in two
 * value states: one read and one write of each per record.
 */
public class SimStage extends KeyedProcessFunction<Long, Call, Keyed> {

	private transient ValueState<int[]> ints;

	private transient ValueState<long[]> longs;

	private transient SimLogic logic;

	@Override
	public void open(OpenContext context) {
		ints = getRuntimeContext()
			.getState(new ValueStateDescriptor<>("sim-ints", PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO));
		longs = getRuntimeContext()
			.getState(new ValueStateDescriptor<>("sim-longs", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
		logic = new SimLogic();
	}

	@Override
	public void processElement(Call c, Context ctx, Collector<Keyed> out) throws Exception {
		int[] is = ints.value();
		long[] ls = longs.value();
		boolean fresh = is == null;
		if (fresh) {
			is = SimLogic.newInts();
			ls = SimLogic.newLongs();
		}
		String measure = logic.apply(c, fresh, is, ls);
		ints.update(is);
		longs.update(ls);
		if (measure != null) {
			out.collect(new Keyed(Long.toString(c.caller), measure));
		}
	}

}
