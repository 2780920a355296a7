package org.fanzha.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracing pipeline on a local MiniCluster against an in-process Kafka (parallelism 2,
 * checkpoints every 200 ms, the taint loop through the {@code taint} topic): on the
 * simulated feed of {@link StreamJobTest}, its reports seeding the cases, the
 * {@code holdings} topic read with read_committed (the last message per case and account)
 * equals the engine's in-process FIFO trace of each case: 0 differences. The loop never
 * ends by itself; the test waits until every transfer is booked and the committed ends of
 * {@code taint} and {@code holdings} stand still for 2 s, then cancels the job.
 */
class TaintJobTest {

	static final AtomicBoolean FAILED = new AtomicBoolean();

	static final AtomicInteger CHECKPOINTS = new AtomicInteger();

	static final AtomicInteger OPENED = new AtomicInteger();

	/**
	 * Slows the read a little and throws once, on the first transfer after the second
	 * completed checkpoint.
	 */
	static final class FailOnce extends RichMapFunction<Transfer, Transfer> implements CheckpointListener {

		@Override
		public void open(OpenContext context) {
			OPENED.incrementAndGet();
		}

		@Override
		public Transfer map(Transfer t) throws Exception {
			if (!FAILED.get()) {
				Thread.sleep(1);
				if (CHECKPOINTS.get() >= 2 && FAILED.compareAndSet(false, true)) {
					System.out.println("killing the tracing task at " + t.transferId);
					throw new IllegalStateException("killed mid-stream by the test");
				}
			}
			return t;
		}

		@Override
		public void notifyCheckpointComplete(long checkpointId) {
			CHECKPOINTS.incrementAndGet();
		}

	}

	@Test
	void theJobsHoldingsEqualTheInProcessTrace(@TempDir Path dir) throws Exception {
		SimFeed.Feed feed = SimFeed.simulateFraudulent(2_000, 3, 11, 20_000);
		TaintLogic.Settings s = TaintLogic.Settings.defaults();
		try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"))) {
			kafka.createTopics(2);
			kafka.fill(feed);
			StreamJob.Options o = StreamJob.Options
				.defaults(kafka.bootstrapServers(), dir.resolve("checkpoints").toUri().toString())
				.withParallelism(2)
				.withCheckpointMillis(200)
				.withTap(new FailOnce());
			StreamExecutionEnvironment env = StreamJob.local(o);
			env.enableCheckpointing(o.checkpointMillis(), CheckpointingMode.EXACTLY_ONCE);
			long movesBefore = TaintStage.movesApplied();
			long lateBefore = TaintStage.lateDropped();
			long started = System.nanoTime();
			TaintJob.build(env, o, s);
			JobClient job = env.executeAsync("fanzha-stream tracing test");
			long deadline = started + 150_000_000_000L;
			long read;
			long settled;
			try {
				// every transfer and report read, as far as a completed checkpoint says
				// (the
				// sources commit their offsets on it)
				while (!consumed(kafka) && System.nanoTime() < deadline) {
					Thread.sleep(200);
				}
				read = System.nanoTime();
				assertThat(read).as("the inputs were read in time").isLessThan(deadline);
				// then the loop has settled when nothing new is committed for 10
				// checkpoint
				// intervals
				List<Long> last = ends(kafka);
				long still = System.nanoTime();
				while (System.nanoTime() - still < 2_000_000_000L && System.nanoTime() < deadline) {
					Thread.sleep(250);
					List<Long> now = ends(kafka);
					if (!now.equals(last)) {
						last = now;
						still = System.nanoTime();
					}
				}
				settled = still;
				assertThat(System.nanoTime()).as("the loop settled in time").isLessThan(deadline);
			}
			finally {
				job.cancel().get();
			}
			assertThat(FAILED).as("the task was killed").isTrue();
			assertThat(OPENED.get()).as("the tasks were restarted after the kill").isGreaterThan(o.parallelism());

			List<String> messages = kafka.readCommitted(TaintJob.HOLDINGS);
			Map<String, Map<String, Long>> held = new TreeMap<>();
			int repeated = 0;
			for (String m : messages) {
				TaintMessages.Holding h = TaintMessages.holding(m);
				Map<String, Long> c = held.computeIfAbsent(h.caseNumber(), k -> new TreeMap<>());
				// a holding is sent only when it changes: the same value twice in a row
				// is
				// a duplicate
				if (Long.valueOf(h.heldFen()).equals(c.get(h.accountId()))
						|| h.heldFen() == 0 && !c.containsKey(h.accountId())) {
					repeated++;
				}
				if (h.heldFen() == 0) {
					c.remove(h.accountId());
				}
				else {
					c.put(h.accountId(), h.heldFen());
				}
			}
			held.values().removeIf(Map::isEmpty);
			assertThat(repeated).as("holdings messages duplicated").isZero();
			Map<String, Map<String, Long>> inProcess = TaintReference.inProcess(feed, s);
			long pairs = inProcess.values().stream().mapToLong(Map::size).sum();
			long payees = feed.reports().stream().map(SimFeed.Report::account).distinct().count();
			assertThat(pairs).as("money followed beyond the level-1 accounts").isGreaterThan(payees);
			assertThat(TaintReference.differences(inProcess, held)).as("differences from the in-process trace")
				.isEmpty();
			long moves = TaintStage.movesApplied() - movesBefore;
			assertThat(TaintStage.lateDropped() - lateBefore).as("taint older than the kept history").isZero();
			assertThat(moves).as("taint moved through the loop").isGreaterThan(feed.reports().size());
			System.out.printf(
					"tracing job: %d transfers, %d reports, %d cases holding, %d (case, account) holdings, %d holdings messages, %d moves applied (seeds and loop); inputs read after %.1f s, settled %.1f s later%n",
					feed.transfers().size(), feed.reports().size(), held.size(), pairs, messages.size(), moves,
					(read - started) / 1e9, (settled - read) / 1e9);
		}
	}

	/**
	 * Whether the tracing sources' committed offsets (committed when a checkpoint
	 * completes) reached the ends of {@code transfers} and {@code reports}.
	 */
	private static boolean consumed(LocalKafka kafka) throws Exception {
		Properties p = new Properties();
		p.setProperty("bootstrap.servers", kafka.bootstrapServers());
		try (Admin admin = Admin.create(p);
				KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
						new StringDeserializer())) {
			Map<TopicPartition, OffsetAndMetadata> at = admin.listConsumerGroupOffsets("fanzha-stream-tracing")
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, Long> all = new HashMap<>();
			for (String topic : List.of(StreamJob.TRANSFERS, StreamJob.REPORTS)) {
				c.partitionsFor(topic).forEach(i -> all.put(new TopicPartition(topic, i.partition()), 0L));
			}
			for (var e : c.endOffsets(all.keySet()).entrySet()) {
				OffsetAndMetadata o = at.get(e.getKey());
				if (o == null || o.offset() < e.getValue()) {
					return false;
				}
			}
			return true;
		}
	}

	/**
	 * The committed (read_committed) end offsets of the loop's and the output's topic.
	 */
	private static List<Long> ends(LocalKafka kafka) {
		Properties p = new Properties();
		p.setProperty("bootstrap.servers", kafka.bootstrapServers());
		p.setProperty("isolation.level", "read_committed");
		try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
				new StringDeserializer())) {
			Map<TopicPartition, Long> all = new HashMap<>();
			for (String topic : List.of(TaintJob.TAINT, TaintJob.HOLDINGS)) {
				c.partitionsFor(topic).forEach(i -> all.put(new TopicPartition(topic, i.partition()), 0L));
			}
			return c.endOffsets(all.keySet())
				.entrySet()
				.stream()
				.sorted((a, b) -> a.getKey().toString().compareTo(b.getKey().toString()))
				.map(Map.Entry::getValue)
				.toList();
		}
	}

}
