package org.fanzha.stream;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The tracing stage, keyed by account: each account's {@link TaintLogic.Account} (its
 * last 72 h of transfers, the traced lots per case) in one value state of bytes (RocksDB:
 * one read and one write per event). Own transfers and taint moves are applied as they
 * arrive, in any order ({@link TaintLogic} replays); holdings that change go to the main
 * output (key: the account), moves to {@link #MOVES} (key: the receiving account), which
 * the job writes to the {@code taint} topic and reads back (the feedback edge,
 * {@link TaintJob}). The business logic is all in {@link TaintLogic}.
 */
public class TaintStage extends KeyedProcessFunction<String, TaintEvent, Keyed> {

	/** Taint sent on, keyed by the receiving account. */
	public static final OutputTag<Keyed> MOVES = new OutputTag<>("moves", TypeInformation.of(Keyed.class));

	private static final AtomicLong LEGS = new AtomicLong();

	private static final AtomicLong MOVES_IN = new AtomicLong();

	private static final AtomicLong LATE = new AtomicLong();

	private final TaintLogic.Settings settings;

	private transient ValueState<byte[]> account;

	private transient TaintLogic logic;

	private transient Emit emit;

	private transient Counter late;

	public TaintStage(TaintLogic.Settings settings) {
		this.settings = settings;
	}

	/**
	 * Transfers' legs booked in this JVM (the test waits for all of them before it waits
	 * for the loop to settle).
	 */
	public static long legsBooked() {
		return LEGS.get();
	}

	/**
	 * Events dropped in this JVM as older than an account's kept history (also the metric
	 * {@code lateTaint}).
	 */
	public static long lateDropped() {
		return LATE.get();
	}

	/** Taint moves applied in this JVM. */
	public static long movesApplied() {
		return MOVES_IN.get();
	}

	@Override
	public void open(OpenContext context) {
		account = getRuntimeContext()
			.getState(new ValueStateDescriptor<>("taint", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
		logic = new TaintLogic(settings);
		emit = new Emit();
		late = getRuntimeContext().getMetricGroup().counter("lateTaint");
	}

	@Override
	public void processElement(TaintEvent e, Context ctx, Collector<Keyed> out) throws Exception {
		byte[] b = account.value();
		TaintLogic.Account a = b == null ? new TaintLogic.Account() : TaintLogic.Account.decode(b);
		String self = ctx.getCurrentKey();
		long lateBefore = a.late;
		emit.ctx = ctx;
		emit.out = out;
		if (e.kind == TaintEvent.MOVE) {
			logic.move(a, self, e.transferId, e.caseNumber, e.traced, e.level, e.until, e.time, emit);
			MOVES_IN.incrementAndGet();
		}
		else {
			logic.transfer(a, self, e.kind == TaintEvent.OUT, e.transferId, e.time, e.amountFen, e.party, emit);
			LEGS.incrementAndGet();
		}
		if (a.late != lateBefore) {
			late.inc(a.late - lateBefore);
			LATE.addAndGet(a.late - lateBefore);
		}
		account.update(a.encode());
	}

	/** Sends the logic's results to the stage's outputs. */
	private static final class Emit implements TaintLogic.Sink {

		Context ctx;

		Collector<Keyed> out;

		@Override
		public void move(String to, String transferId, String caseNumber, long traced, int level, long until,
				long time) {
			ctx.output(MOVES, new Keyed(to,
					TaintMessages.moveJson(TaintEvent.move(to, transferId, caseNumber, traced, level, until, time))));
		}

		@Override
		public void holding(String account, String caseNumber, long held, int level, long asOf) {
			out.collect(new Keyed(account, TaintMessages.holdingJson(caseNumber, account, held, level, asOf)));
		}

	}

}
