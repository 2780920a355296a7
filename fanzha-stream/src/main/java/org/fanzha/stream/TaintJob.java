package org.fanzha.stream;

import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Live tracing as taint propagation, added to the monitoring job's environment:
 * {@code transfers} and {@code reports} in, {@code holdings} out, and a feedback edge
 * through the {@code taint} topic.
 *
 * <pre>
 * transfers ─┬─ legs: out (key payer), in (key payee) ─────────────────────────────┐
 *            └─ payments (key transfer id) ─┐                                      ├─ TaintStage (key account) ─ holdings topic
 * reports ──── named transfers ─────────────┴─ SeedIndex: seeds, level 1 (key payee) ┤      │ moves (key receiver)
 * taint topic (read_committed) ────────────────────────────────────────────────────┘      └─ taint topic (transactions)
 * </pre>
 *
 * <p>
 * Why a topic. Taint leaves account A's key with a transfer out of A and must reach B's
 * key, upstream of the operator that sent it: a cycle. Flink 2 has no DataStream
 * iterations (removed with the DataSet API), and an in-job loop would not be in the
 * checkpoint anyway (records in flight on a back edge are lost on failure). The job
 * writes moves to {@code taint} (key: the receiving account) with the same exactly-once
 * Kafka sink as {@code decisions} (transactions committed when a checkpoint completes)
 * and reads it back read_committed, unbounded: a move is in the checkpoint once, either
 * as state of the sender (not yet committed: re-sent after a restore) or as an offset of
 * the {@code taint} source. Each hop therefore costs up to one checkpoint interval plus a
 * poll. Moves are absolute (this transfer carries this much of the case), so a re-sent or
 * corrected one is harmless. The price: the job never finishes by itself, even with
 * bounded inputs, because the loop's source cannot know that no more taint is coming.
 *
 * <p>
 * Time: the stages order an account's transfers by their own event time (time, then
 * transfer id) and keep 72 h of it; they do not wait for watermarks, because taint
 * arrives late by design (a checkpoint per hop) and is replayed into the kept history
 * instead ({@link TaintLogic}). The sources here therefore carry no watermarks.
 */
public final class TaintJob {

	/** The feedback edge: taint moved onto a transfer, keyed by the receiving account. */
	public static final String TAINT = "taint";

	/** Traced fen held per case and account, keyed by the account. */
	public static final String HOLDINGS = "holdings";

	private TaintJob() {
	}

	/** Adds the tracing pipeline to {@code env}. */
	public static void build(StreamExecutionEnvironment env, StreamJob.Options o, TaintLogic.Settings s) {
		DataStream<Transfer> transfers = env.fromSource(
				source(o, StreamJob.TRANSFERS, new StreamJob.TransferReader(), o.bounded()),
				WatermarkStrategy.noWatermarks(), "transfers (tracing)");
		if (o.tap() != null) {
			transfers = transfers.map(o.tap(), Compact.TRANSFER).name("tap (tracing)");
		}
		DataStream<TaintEvent> legs = transfers.flatMap(TaintJob::legs, TypeInformation.of(TaintEvent.class))
			.name("tracing legs");
		DataStream<TaintEvent> paid = transfers.filter(t -> !t.cash())
			.map(t -> TaintEvent.leg(TaintEvent.PAID, t.toAccount, t.fromAccount, t),
					TypeInformation.of(TaintEvent.class))
			.name("payments");
		DataStream<TaintEvent> named = env
			.fromSource(source(o, StreamJob.REPORTS, new StreamJob.ReportReader(), o.bounded()),
					WatermarkStrategy.noWatermarks(), "reports (tracing)")
			.flatMap(TaintJob::named, TypeInformation.of(TaintEvent.class))
			.name("named payments");
		DataStream<TaintEvent> seeds = paid.union(named)
			.keyBy(e -> e.transferId)
			.process(new SeedIndex(s), TypeInformation.of(TaintEvent.class))
			.name("seeds");
		// the loop's source is never bounded: it cannot know that no more taint is coming
		DataStream<TaintEvent> fed = env.fromSource(source(o, TAINT, new MoveReader(), false),
				WatermarkStrategy.noWatermarks(), "taint");
		SingleOutputStreamOperator<Keyed> holdings = legs.union(seeds, fed)
			.keyBy(e -> e.account)
			.process(new TaintStage(s), Compact.KEYED)
			.name("tracing");
		holdings.sinkTo(StreamJob.sink(o, HOLDINGS)).name("holdings topic");
		holdings.getSideOutput(TaintStage.MOVES).sinkTo(StreamJob.sink(o, TAINT)).name("taint topic");
	}

	static void legs(Transfer t, Collector<TaintEvent> out) {
		out.collect(TaintEvent.leg(TaintEvent.OUT, t.fromAccount, t.cash() ? null : t.toAccount, t));
		if (!t.cash()) {
			out.collect(TaintEvent.leg(TaintEvent.IN, t.toAccount, t.fromAccount, t));
		}
	}

	static void named(Messages.Report r, Collector<TaintEvent> out) {
		if (r.caseNumber() == null) {
			return; // a case is what a trace follows; a report without one seeds nothing
		}
		for (String id : r.transferIds()) {
			TaintEvent e = new TaintEvent();
			e.kind = TaintEvent.NAMED;
			e.transferId = id;
			e.caseNumber = r.caseNumber();
			e.time = r.reportedAt();
			out.collect(e);
		}
	}

	/**
	 * A source of its own consumer group (the monitoring pipeline's sources read the same
	 * topics).
	 */
	private static <T> KafkaSource<T> source(StreamJob.Options o, String topic,
			KafkaRecordDeserializationSchema<T> reader, boolean bounded) {
		var b = KafkaSource.<T>builder()
			.setBootstrapServers(o.bootstrapServers())
			.setTopics(topic)
			.setGroupId(o.groupId() + "-tracing")
			.setStartingOffsets(OffsetsInitializer.earliest())
			.setProperty("isolation.level", "read_committed")
			.setDeserializer(reader);
		if (bounded) {
			b.setBounded(OffsetsInitializer.latest());
		}
		return b.build();
	}

	/** Reads {@code taint}; a message that cannot be read is counted and skipped. */
	static final class MoveReader implements KafkaRecordDeserializationSchema<TaintEvent> {

		@Override
		public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TaintEvent> out) {
			TaintEvent e;
			try {
				e = TaintMessages.move(new String(record.value(), StandardCharsets.UTF_8));
			}
			catch (RuntimeException x) {
				StreamJob.Refused.count();
				return;
			}
			out.collect(e);
		}

		@Override
		public TypeInformation<TaintEvent> getProducedType() {
			return TypeInformation.of(TaintEvent.class);
		}

	}

}
