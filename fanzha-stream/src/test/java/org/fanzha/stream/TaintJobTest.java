package org.fanzha.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
				.withCheckpointMillis(200);
			StreamExecutionEnvironment env = StreamJob.local(o);
			env.enableCheckpointing(o.checkpointMillis(), CheckpointingMode.EXACTLY_ONCE);
			long legsBefore = TaintStage.legsBooked();
			long movesBefore = TaintStage.movesApplied();
			TaintJob.build(env, o, s);
			JobClient job = env.executeAsync("fanzha-stream tracing test");
			long legs = feed.transfers().stream().mapToLong(t -> t.cash() ? 1 : 2).sum();
			long deadline = System.nanoTime() + 120_000_000_000L;
			try {
				while (TaintStage.legsBooked() - legsBefore < legs && System.nanoTime() < deadline) {
					Thread.sleep(100);
				}
				assertThat(TaintStage.legsBooked() - legsBefore).as("legs booked").isEqualTo(legs);
				// the loop has settled when nothing new is committed for 10 checkpoint
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
				assertThat(System.nanoTime()).as("the loop settled in time").isLessThan(deadline);
			}
			finally {
				job.cancel().get();
			}

			List<String> messages = kafka.readCommitted(TaintJob.HOLDINGS);
			Map<String, Map<String, Long>> held = new TreeMap<>();
			for (String m : messages) {
				TaintMessages.Holding h = TaintMessages.holding(m);
				Map<String, Long> c = held.computeIfAbsent(h.caseNumber(), k -> new TreeMap<>());
				if (h.heldFen() == 0) {
					c.remove(h.accountId());
				}
				else {
					c.put(h.accountId(), h.heldFen());
				}
			}
			held.values().removeIf(Map::isEmpty);
			Map<String, Map<String, Long>> inProcess = TaintReference.inProcess(feed, s);
			long pairs = inProcess.values().stream().mapToLong(Map::size).sum();
			long payees = feed.reports().stream().map(SimFeed.Report::account).distinct().count();
			assertThat(pairs).as("money followed beyond the level-1 accounts").isGreaterThan(payees);
			assertThat(TaintReference.differences(inProcess, held)).as("differences from the in-process trace")
				.isEmpty();
			long moves = TaintStage.movesApplied() - movesBefore;
			assertThat(moves).as("taint moved through the loop").isGreaterThan(feed.reports().size());
			System.out.printf(
					"tracing job: %d transfers, %d reports, %d cases holding, %d (case, account) holdings, %d holdings messages, %d moves applied (seeds and loop)%n",
					feed.transfers().size(), feed.reports().size(), held.size(), pairs, messages.size(), moves);
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
