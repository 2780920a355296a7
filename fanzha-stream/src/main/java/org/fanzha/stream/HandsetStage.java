package org.fanzha.stream;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fanzha.engine.telecom.SimMonitor;

/**
 * The handset stage, keyed by IMEI: the calls and texts that carry a handset are booked
 * on that handset's state ({@link HandsetLogic}: the SIMs seen in it, its calls in the
 * hour) and the SIM-box rules that read only handset features are run; when one acts, the
 * handset's SIMs get their {@code measures} message (SUSPEND, SIM box), and so does every
 * SIM seen in it later. One value state of {@link HandsetLogic#LONGS} longs per handset:
 * a read and a write per record.
 *
 * <p>
 * Order: a handset's records come from the partitions of their callers (calls is keyed by
 * caller), so where several SIMs share a handset the stage sees them in arrival order,
 * not in time order; the counts it keeps (distinct SIMs, calls in a window of buckets) do
 * not depend on the order within the hour, but the record at which a rule first acts may.
 */
public class HandsetStage extends KeyedProcessFunction<Long, Call, Keyed> {

	private transient ValueState<long[]> handset;

	private transient MapState<Long, Boolean> measured;

	private transient HandsetLogic logic;

	@Override
	public void open(OpenContext context) {
		handset = getRuntimeContext()
			.getState(new ValueStateDescriptor<>("handset", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
		measured = getRuntimeContext().getMapState(new MapStateDescriptor<>("measured", Types.LONG, Types.BOOLEAN));
		logic = new HandsetLogic();
	}

	@Override
	public void processElement(Call c, Context ctx, Collector<Keyed> out) throws Exception {
		if (c.imei == SimMonitor.UNKNOWN) {
			return; // no handset (texts as the province books them); the job filters
					// these
		}
		long[] s = handset.value();
		if (s == null) {
			s = HandsetLogic.newState();
		}
		for (Keyed k : logic.apply(c, s, phone -> {
			if (measured.contains(phone)) {
				return false;
			}
			measured.put(phone, true);
			return true;
		})) {
			out.collect(k);
		}
		handset.update(s);
	}

}
