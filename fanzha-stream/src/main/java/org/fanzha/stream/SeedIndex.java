package org.fanzha.stream;

import java.time.Duration;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns a report into taint seeds, keyed by transfer id: a report names the victim's
 * transfers, so each payment's payee, amount and time are kept here ({@link #KEPT} by
 * state TTL, the tracing history: a report later than that cannot be replayed anyway) and
 * each case naming it gets a {@link TaintEvent#MOVE} of the whole amount at level 1 to
 * the payee, as {@code Trace} seeds a case. Report and payment may come in either order
 * (different topics); a report waits in state for its payment. Payments below the minimum
 * traced amount are not seeded (Trace's LIMIT exit).
 */
public class SeedIndex extends KeyedProcessFunction<String, TaintEvent, TaintEvent> {

	public static final Duration KEPT = Duration.ofHours(72);

	private final TaintLogic.Settings settings;

	private transient ValueState<TaintEvent> paid;

	/** Cases that named the transfer before it was seen, separated by newlines. */
	private transient ValueState<String> waiting;

	public SeedIndex(TaintLogic.Settings settings) {
		this.settings = settings;
	}

	@Override
	public void open(OpenContext context) {
		ValueStateDescriptor<TaintEvent> p = new ValueStateDescriptor<>("paid", TypeInformation.of(TaintEvent.class));
		p.enableTimeToLive(StateTtlConfig.newBuilder(KEPT).build());
		paid = getRuntimeContext().getState(p);
		ValueStateDescriptor<String> w = new ValueStateDescriptor<>("waiting", Types.STRING);
		w.enableTimeToLive(StateTtlConfig.newBuilder(KEPT).build());
		waiting = getRuntimeContext().getState(w);
	}

	@Override
	public void processElement(TaintEvent e, Context ctx, Collector<TaintEvent> out) throws Exception {
		if (e.kind == TaintEvent.PAID) {
			paid.update(e);
			String w = waiting.value();
			if (w != null) {
				waiting.clear();
				for (String c : w.split("\n")) {
					seed(e, c, out);
				}
			}
			return;
		}
		TaintEvent p = paid.value();
		if (p != null) {
			seed(p, e.caseNumber, out);
		}
		else {
			String w = waiting.value();
			waiting.update(w == null ? e.caseNumber : w + "\n" + e.caseNumber);
		}
	}

	private void seed(TaintEvent p, String caseNumber, Collector<TaintEvent> out) {
		if (p.amountFen >= settings.minAmountFen()) {
			out.collect(TaintEvent.move(p.account, p.transferId, caseNumber, p.amountFen, 1,
					p.time + settings.horizonSeconds(), p.time));
		}
	}

}
