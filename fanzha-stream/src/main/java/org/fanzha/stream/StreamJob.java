package org.fanzha.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fanzha.engine.monitor.Action;
import org.fanzha.engine.telecom.SimMonitor;

/**
 * The monitoring job: topics {@code transfers} and {@code reports} in, {@code decisions}
 * and {@code flags} out, exactly once; and SIM monitoring, {@code calls} in,
 * {@code measures} out ({@link SimStage}, keyed by caller).
 *
 * <pre>
 * transfers ─┬─ split: payer's leg (key payer), payee's leg (key payee) ──┐
 *            └─ payee by transfer id ─┐                                   ├─ AccountStage (key account) ─ DecisionStage (key transfer id) ─ decisions
 * reports ──── transfer ids ──────────┴─ ReportIndex (key transfer id) ───┘     (event-time order per account)     (both halves → rules)
 *                                                                                          acting decisions ─ FlagStage (key payee, first one) ─ flags
 * calls ─┬─── SimStage (key caller: the engine's SimMonitor on one phone's state; first restriction) ─┬─ measures
 *         └─── HandsetStage (key IMEI: SIMs in the handset, its calls; SIM-box rules) ────────────────────┘
 *
 * with --trace ({@link TaintJob}: live tracing as taint propagation, a feedback edge through a topic):
 * transfers ─┬─ legs (key payer, key payee) ───────────────────────┐
 *            └─ payments (key transfer id) ─┐                       ├─ TaintStage (key account: 72 h kept, FIFO lots per case) ─ holdings
 * reports ──── named payments ──────────────┴─ SeedIndex: seeds ───┤         │ taint moved on (key receiver, Kafka transactions)
 * taint (read_committed) ◄─────────────────────────────────────────┴─────────┘
 * </pre>
 *
 * Event time is the transfer's {@code time} with a bounded out-of-orderness; idle
 * partitions are skipped after a few seconds so that a quiet {@code reports} topic does
 * not hold the watermark. State lives in RocksDB (incremental checkpoints); the sink
 * writes in Kafka transactions committed on each checkpoint
 * ({@link DeliveryGuarantee#EXACTLY_ONCE}), so a read_committed consumer of
 * {@code decisions} sees each decision once even across failures and restarts from a
 * checkpoint.
 */
public final class StreamJob {

	/** What the job is run with; {@link #defaults} for a local run. */
	public record Options(String bootstrapServers, String groupId, int parallelism, long checkpointMillis,
			String checkpointDir, boolean bounded, Duration outOfOrder, String transactionalIdPrefix,
			MapFunction<Transfer, Transfer> tap, MapFunction<Call, Call> callTap) {

		public static Options defaults(String bootstrapServers, String checkpointDir) {
			return new Options(bootstrapServers, "fanzha-stream", 1, 1_000, checkpointDir, false, Duration.ofSeconds(5),
					"fanzha-stream", null, null);
		}

		public Options withParallelism(int p) {
			return new Options(bootstrapServers, groupId, p, checkpointMillis, checkpointDir, bounded, outOfOrder,
					transactionalIdPrefix, tap, callTap);
		}

		public Options withBounded(boolean b) {
			return new Options(bootstrapServers, groupId, parallelism, checkpointMillis, checkpointDir, b, outOfOrder,
					transactionalIdPrefix, tap, callTap);
		}

		public Options withCheckpointMillis(long ms) {
			return new Options(bootstrapServers, groupId, parallelism, ms, checkpointDir, bounded, outOfOrder,
					transactionalIdPrefix, tap, callTap);
		}

		/**
		 * A map applied to every transfer read (the failure test kills a task from it).
		 */
		public Options withTap(MapFunction<Transfer, Transfer> t) {
			return new Options(bootstrapServers, groupId, parallelism, checkpointMillis, checkpointDir, bounded,
					outOfOrder, transactionalIdPrefix, t, callTap);
		}

		/**
		 * A map applied to every call record read (the failure test slows the SIM stage's
		 * input with it).
		 */
		public Options withCallTap(MapFunction<Call, Call> t) {
			return new Options(bootstrapServers, groupId, parallelism, checkpointMillis, checkpointDir, bounded,
					outOfOrder, transactionalIdPrefix, tap, t);
		}

		public Options withTransactionalIdPrefix(String prefix) {
			return new Options(bootstrapServers, groupId, parallelism, checkpointMillis, checkpointDir, bounded,
					outOfOrder, prefix, tap, callTap);
		}
	}

	public static final String TRANSFERS = "transfers";

	public static final String REPORTS = "reports";

	public static final String DECISIONS = "decisions";

	public static final String FLAGS = "flags";

	public static final String CALLS = "calls";

	public static final String MEASURES = "measures";

	private StreamJob() {
	}

	/**
	 * The configuration of the environment: RocksDB state, checkpoints to
	 * {@code checkpointDir}, restarts.
	 */
	public static Configuration configuration(Options o) {
		Configuration c = new Configuration();
		c.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
		c.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
		// timers (one per account and second with legs parked) on the heap, snapshotted
		// with the checkpoint: a
		// RocksDB write and delete per timer otherwise
		c.setString("state.backend.rocksdb.timer-service.factory", "HEAP");
		c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
		c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, o.checkpointDir());
		c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
		c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
		c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
		return c;
	}

	/**
	 * A local MiniCluster environment for these options (./fanzha stream, the tests, the
	 * bench).
	 */
	public static StreamExecutionEnvironment local(Options o) {
		return StreamExecutionEnvironment.createLocalEnvironment(o.parallelism(), configuration(o));
	}

	/** Adds the job to {@code env}. */
	public static void build(StreamExecutionEnvironment env, Options o) {
		env.setParallelism(o.parallelism());
		// a decision waits for the watermark to pass its second, and for the network
		// buffer it sits in to be sent:
		// both every few milliseconds rather than Flink's defaults (200 ms and 100 ms),
		// for event-to-decision latency
		env.getConfig().setAutoWatermarkInterval(20);
		env.setBufferTimeout(10);
		// the functions never modify a record after emitting it, so chained operators may
		// pass it on without a copy
		env.getConfig().enableObjectReuse();
		env.enableCheckpointing(o.checkpointMillis(), CheckpointingMode.EXACTLY_ONCE);

		KafkaSource<Transfer> transferSource = source(o, TRANSFERS, new TransferReader());
		KafkaSource<Messages.Report> reportSource = source(o, REPORTS, new ReportReader());
		WatermarkStrategy<Transfer> tw = WatermarkStrategy.<Transfer>forBoundedOutOfOrderness(o.outOfOrder())
			.withTimestampAssigner((t, ts) -> t.time * 1000)
			.withIdleness(Duration.ofSeconds(5));
		WatermarkStrategy<Messages.Report> rw = WatermarkStrategy.<Messages.Report>forBoundedOutOfOrderness(
				o.outOfOrder())
			.withTimestampAssigner((r, ts) -> r.reportedAt() * 1000)
			.withIdleness(Duration.ofSeconds(5));

		DataStream<Transfer> transfers = env.fromSource(transferSource, tw, "transfers");
		if (o.tap() != null) {
			transfers = transfers.map(o.tap()).name("tap");
		}
		// every record type between operators and in state has a hand-written serializer
		// (Compact), not Flink's reflective POJO one
		DataStream<Leg> legs = transfers.flatMap(StreamJob::legs, Compact.LEG).name("legs");
		DataStream<Leg> payees = transfers.filter(t -> !t.cash())
			.map(t -> new Leg(Leg.IN, t.toAccount, t.fromAccount, t), Compact.LEG)
			.name("payees");
		DataStream<Leg> named = env.fromSource(reportSource, rw, "reports")
			.flatMap(StreamJob::named, Compact.LEG)
			.name("named transfers");
		DataStream<Leg> confirms = payees.union(named)
			.keyBy(l -> l.transferId, Types.STRING)
			.process(new ReportIndex(), Compact.LEG)
			.name("report index");

		DataStream<DecisionMessage> decisions = legs.union(confirms)
			.keyBy(l -> l.account, Types.STRING)
			.transform("accounts", Compact.HALF, new AccountStage())
			.keyBy(h -> h.transferId, Types.STRING)
			.process(new DecisionStage(), Compact.DECISION)
			.name("decisions");
		decisions.map(d -> new Keyed(d.fromAccount, d.json), Compact.KEYED)
			.sinkTo(sink(o, DECISIONS))
			.name("decisions topic");
		decisions.filter(d -> d.toAccount != null && Action.valueOf(d.action).compareTo(Action.REVIEW) >= 0)
			.keyBy(d -> d.toAccount, Types.STRING)
			.process(new FlagStage(), Compact.KEYED)
			.name("flags")
			.sinkTo(sink(o, FLAGS))
			.name("flags topic");

		// SIM monitoring: no watermarks needed, each phone's records come in order from
		// one partition (SimStage)
		DataStream<Call> calls = env.fromSource(source(o, CALLS, new CallReader()), WatermarkStrategy.noWatermarks(),
				"calls");
		if (o.callTap() != null) {
			calls = calls.map(o.callTap(), Compact.CALL).name("call tap");
		}
		DataStream<Keyed> byPhone = calls.keyBy(c -> c.caller, Types.LONG)
			.process(new SimStage(), Compact.KEYED)
			.name("sims");
		// the handset signals (SIM boxes) keyed by IMEI, beside the phone's own
		DataStream<Keyed> byHandset = calls.filter(c -> c.imei != SimMonitor.UNKNOWN)
			.keyBy(c -> c.imei, Types.LONG)
			.process(new HandsetStage(), Compact.KEYED)
			.name("handsets");
		byPhone.union(byHandset).sinkTo(sink(o, MEASURES)).name("measures topic");
	}

	static void legs(Transfer t, Collector<Leg> out) {
		out.collect(new Leg(Leg.OUT, t.fromAccount, t.cash() ? null : t.toAccount, t));
		if (!t.cash()) {
			out.collect(new Leg(Leg.IN, t.toAccount, t.fromAccount, t));
		}
	}

	static void named(Messages.Report r, Collector<Leg> out) {
		for (String id : r.transferIds()) {
			Leg l = new Leg(Leg.CONFIRM, null, null, null);
			l.transferId = id;
			l.time = r.reportedAt();
			out.collect(l);
		}
	}

	private static <T> KafkaSource<T> source(Options o, String topic, KafkaRecordDeserializationSchema<T> reader) {
		var b = KafkaSource.<T>builder()
			.setBootstrapServers(o.bootstrapServers())
			.setTopics(topic)
			.setGroupId(o.groupId())
			.setStartingOffsets(OffsetsInitializer.earliest())
			.setProperty("isolation.level", "read_committed")
			.setDeserializer(reader);
		if (o.bounded()) {
			b.setBounded(OffsetsInitializer.latest());
		}
		return b.build();
	}

	static KafkaSink<Keyed> sink(Options o, String topic) {
		Properties p = new Properties();
		// below the broker's transaction.max.timeout.ms (15 minutes by default); a
		// checkpoint commits well before
		p.setProperty("transaction.timeout.ms", "600000");
		return KafkaSink.<Keyed>builder()
			.setBootstrapServers(o.bootstrapServers())
			.setKafkaProducerConfig(p)
			.setRecordSerializer(new TopicWriter(topic))
			.setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
			.setTransactionalIdPrefix(o.transactionalIdPrefix() + "-" + topic)
			.build();
	}

	/**
	 * Writes keyed messages to one topic (decisions keyed by the payer, flags by the
	 * account, as the server does).
	 */
	static final class TopicWriter implements KafkaRecordSerializationSchema<Keyed> {

		private final String topic;

		TopicWriter(String topic) {
			this.topic = topic;
		}

		@Override
		public ProducerRecord<byte[], byte[]> serialize(Keyed m, KafkaSinkContext context, Long timestamp) {
			return new ProducerRecord<>(topic, m.key.getBytes(StandardCharsets.UTF_8),
					m.json.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** Reads {@code transfers}; a message that cannot be read is counted and skipped. */
	static final class TransferReader implements KafkaRecordDeserializationSchema<Transfer> {

		@Override
		public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Transfer> out) {
			Transfer t;
			try {
				t = Messages.transfer(record.value(), record.timestamp());
			}
			catch (RuntimeException e) {
				Refused.count();
				return;
			}
			// outside the try: collect runs the chained operators, whose failures must
			// fail the task
			out.collect(t);
		}

		@Override
		public TypeInformation<Transfer> getProducedType() {
			return Compact.TRANSFER;
		}

	}

	/** Reads {@code reports}; a message that cannot be read is counted and skipped. */
	static final class ReportReader implements KafkaRecordDeserializationSchema<Messages.Report> {

		@Override
		public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Messages.Report> out) {
			Messages.Report r;
			try {
				r = Messages.report(new String(record.value(), StandardCharsets.UTF_8));
			}
			catch (RuntimeException e) {
				Refused.count();
				return;
			}
			out.collect(r);
		}

		@Override
		public TypeInformation<Messages.Report> getProducedType() {
			return TypeInformation.of(Messages.Report.class);
		}

	}

	/** Reads {@code calls}; a message that cannot be read is counted and skipped. */
	static final class CallReader implements KafkaRecordDeserializationSchema<Call> {

		@Override
		public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Call> out) {
			Call c;
			try {
				c = Messages.call(new String(record.value(), StandardCharsets.UTF_8));
			}
			catch (RuntimeException e) {
				Refused.count();
				return;
			}
			out.collect(c);
		}

		@Override
		public TypeInformation<Call> getProducedType() {
			return Compact.CALL;
		}

	}

	/**
	 * Messages refused as unreadable, in this JVM (the server's intake dead-letters them
	 * instead).
	 */
	public static final class Refused {

		private static final AtomicLong COUNT = new AtomicLong();

		private Refused() {
		}

		static void count() {
			COUNT.incrementAndGet();
		}

		public static long total() {
			return COUNT.get();
		}

	}

}
