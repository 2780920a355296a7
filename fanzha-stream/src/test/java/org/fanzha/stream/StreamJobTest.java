package org.fanzha.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink job on a local MiniCluster against an in-process Kafka, on a small simulated
 * feed (topics filled before the job starts, bounded read): a task is killed mid-stream
 * once (after a checkpoint completed), the job restarts from that checkpoint, and the
 * {@code decisions} topic read with read_committed must hold every transfer's decision
 * exactly once, equal to the job's logic run without Flink ({@link Reference#split}: 0
 * differences) and to the engine's in-process monitor except where a cross-account signal
 * differs; the {@code measures} topic, written by the SIM stage (restarted from the same
 * checkpoint: the whole job restarts), must hold each phone's first restriction exactly
 * once, equal to {@link SimReference#split}.
 */
class StreamJobTest {

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
				Thread.sleep(3); // slow enough that two checkpoints complete before the
									// input ends, even on a busy machine
				if (CHECKPOINTS.get() >= 2 && FAILED.compareAndSet(false, true)) {
					System.out.println("killing the task at " + t.transferId + " after " + CHECKPOINTS.get()
							+ " checkpoint notifications");
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

	static final AtomicInteger CALL_TAPS_OPENED = new AtomicInteger();

	static final AtomicInteger CALLS_BEFORE_KILL = new AtomicInteger();

	/**
	 * Slows the calls' read until the kill, so that the SIM stage is mid-stream when the
	 * job restarts.
	 */
	static final class SlowCalls extends RichMapFunction<Call, Call> {

		@Override
		public void open(OpenContext context) {
			CALL_TAPS_OPENED.incrementAndGet();
		}

		@Override
		public Call map(Call c) throws Exception {
			if (!FAILED.get()) {
				CALLS_BEFORE_KILL.incrementAndGet();
				Thread.sleep(1);
			}
			return c;
		}

	}

	@Test
	void aTaskKilledMidStreamLosesAndDuplicatesNoDecisionAndTheDecisionsEqualTheReference(@TempDir Path dir)
			throws Exception {
		SimFeed.Feed feed = SimFeed.simulateFraudulent(2_000, 3, 11, 20_000);
		try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"))) {
			kafka.createTopics(2);
			kafka.fill(feed);
			kafka.fillCalls(feed);
			StreamJob.Options o = StreamJob.Options
				.defaults(kafka.bootstrapServers(), dir.resolve("checkpoints").toUri().toString())
				.withParallelism(2)
				.withBounded(true)
				.withCheckpointMillis(200)
				.withTap(new FailOnce())
				.withCallTap(new SlowCalls());
			// the whole job restarts from the checkpoint (not only the failed region), so
			// that the SIM stage, which
			// shares no edge with the transfer pipeline the kill is in, is restored from
			// it too, mid-stream (SlowCalls)
			Configuration conf = StreamJob.configuration(o);
			conf.setString("jobmanager.execution.failover-strategy", "full");
			StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(o.parallelism(), conf);
			StreamJob.build(env, o);
			env.execute("fanzha-stream test");

			List<String> messages = kafka.readCommitted(StreamJob.DECISIONS);
			Map<String, String> actions = new HashMap<>();
			Map<String, Integer> copies = new HashMap<>();
			for (String m : messages) {
				Messages.DecisionView d = Messages.decisionView(m);
				actions.put(d.transferId(), d.decision());
				copies.merge(d.transferId(), 1, Integer::sum);
			}
			List<String> missing = feed.transfers()
				.stream()
				.filter(t -> !actions.containsKey(t.transferId))
				.map(t -> t.transferId + " " + t.fromAccount + "->" + t.toAccount + " at " + t.time)
				.toList();
			assertThat(missing).as("transfers without a decision").isEmpty();
			assertThat(FAILED).as("the task was killed").isTrue();
			assertThat(OPENED.get()).as("the tasks were restarted after the kill").isGreaterThan(o.parallelism());
			assertThat(copies.values()).as("no decision duplicated").allMatch(c -> c == 1);
			assertThat(messages).as("one decision per transfer").hasSize(feed.transfers().size());

			Map<String, Reference.Outcome> split = Reference.split(feed);
			long differences = split.entrySet()
				.stream()
				.filter(e -> !e.getValue().action().equals(actions.get(e.getKey())))
				.count();
			assertThat(differences).as("differences from the job's logic without Flink").isZero();
			Map<String, Reference.Outcome> inProcess = Reference.inProcess(feed);
			assertThat(Reference.unexplained(inProcess, actions, split)).isEmpty();
			long acted = actions.values().stream().filter(a -> !a.equals("ALLOW")).count();
			long crossAccount = inProcess.entrySet()
				.stream()
				.filter(e -> !e.getValue().action().equals(actions.get(e.getKey())))
				.count();
			assertThat(acted).isPositive();

			// flags: the first acting decision on a payment into each account, once
			List<String> flagged = kafka.readCommitted(StreamJob.FLAGS).stream().map(Messages::flaggedAccount).toList();
			Set<String> expected = new LinkedHashSet<>();
			for (Transfer t : feed.transfers()) {
				String a = split.get(t.transferId).action();
				if (!t.cash() && !a.equals("ALLOW") && !a.equals("WARN_PAYER")) {
					expected.add(t.toAccount);
				}
			}
			assertThat(flagged).as("no account flagged twice").doesNotHaveDuplicates();
			assertThat(flagged).as("flagged accounts").containsExactlyInAnyOrderElementsOf(expected);
			// measures: the SIM stage ran beside, through the same kill and restart; each
			// phone's first restriction once
			List<String> measures = kafka.readCommitted(StreamJob.MEASURES);
			Map<String, String> byPhone = new HashMap<>();
			for (String m : measures) {
				assertThat(byPhone.put(Messages.measuredPhone(m), m)).as("no phone measured twice").isNull();
			}
			assertThat(byPhone).as("measures equal the SIM stage's logic without Flink")
				.isEqualTo(SimReference.split(feed.calls()));
			assertThat(CALL_TAPS_OPENED.get()).as("the SIM stage's input restarted too").isGreaterThan(o.parallelism());
			System.out.printf("stream job: %d calls and texts (%d read before the kill), %d measures%n",
					feed.calls().size(), CALLS_BEFORE_KILL.get(), measures.size());
			System.out.printf(
					"stream job: %d transfers, %d reports, %d decisions, %d acted on, %d differ from in-process (cross-account signals), %d accounts flagged%n",
					feed.transfers().size(), feed.reports().size(), messages.size(), acted, crossAccount,
					flagged.size());
		}
	}

}
