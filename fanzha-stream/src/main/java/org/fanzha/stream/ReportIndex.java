package org.fanzha.stream;

import java.time.Duration;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns a victim's report into confirmations of the accounts it paid into, keyed by
 * transfer id: a report names the victim's transfers, not accounts, so each transfer's
 * payee is remembered here (a string per transfer, kept {@link #KEPT} by state TTL) and a
 * report's mention of the transfer becomes a {@link Leg#CONFIRM} of that payee at the
 * report's time. The report is held until the watermark passes its time, by when the
 * transfer it names (made earlier) has been seen.
 */
public class ReportIndex extends KeyedProcessFunction<String, Leg, Leg> {

	/** How long a transfer's payee is kept for reports to name it. */
	public static final Duration KEPT = Duration.ofDays(30);

	private transient ValueState<String> payee;

	private transient ValueState<Long> reportedAt;

	@Override
	public void open(OpenContext context) {
		ValueStateDescriptor<String> p = new ValueStateDescriptor<>("payee", Types.STRING);
		p.enableTimeToLive(StateTtlConfig.newBuilder(KEPT).build());
		payee = getRuntimeContext().getState(p);
		reportedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("reportedAt", Types.LONG));
	}

	@Override
	public void processElement(Leg l, Context ctx, Collector<Leg> out) throws Exception {
		if (l.kind == Leg.CONFIRM) {
			Long before = reportedAt.value();
			if (before == null || l.time < before) {
				reportedAt.update(l.time);
			}
			ctx.timerService().registerEventTimeTimer(l.time * 1000);
		}
		else {
			payee.update(l.account);
		}
	}

	@Override
	public void onTimer(long timestamp, OnTimerContext ctx, Collector<Leg> out) throws Exception {
		Long at = reportedAt.value();
		String account = payee.value();
		if (at == null) {
			return;
		}
		reportedAt.clear();
		if (account != null) {
			Leg c = new Leg(Leg.CONFIRM, account, null, null);
			c.time = at;
			out.collect(c);
		}
	}

}
