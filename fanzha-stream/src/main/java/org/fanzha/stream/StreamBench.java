package org.fanzha.stream;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import org.HdrHistogram.Histogram;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The job's figures on this machine (docs/benchmarks.md, issue 17): a simulated feed, an
 * in-process Kafka (KRaft) and the job on a local MiniCluster with RocksDB state and
 * exactly-once checkpoints every second.
 *
 * <ul>
 * <li>Throughput: the topics are filled first, then the job reads them bounded at
 * parallelism 1 and 2; transfers per second of the job's net run time (task start to the
 * last decision committed).</li>
 * <li>Latency: the job runs unbounded and the transfers are produced at a fixed rate; per
 * transfer, milliseconds from its Kafka record timestamp to its decision leaving the
 * decision stage ({@link Latency}). A read_committed consumer sees the decision when the
 * checkpoint covering it commits: add up to one checkpoint interval.</li>
 * </ul>
 *
 * Usage:
 * {@code StreamBench [persons] [days] [parallelisms, e.g. 1,2] [latency rate/s, 0: none]}.
 */
public final class StreamBench {

	/**
	 * {@code cpuSeconds}: this JVM's CPU time over the job's run (the job, the broker
	 * serving it, Flink's runtime), less sensitive than wall time to other processes
	 * sharing the cores.
	 */
	public record Run(int parallelism, int transfers, double seconds, double perSecond, double cpuSeconds,
			double perCpuSecond) {
	}

	public record LatencyRun(int parallelism, int rate, long decisions, long p50, long p99, long max) {
	}

	/**
	 * Checkpoint interval of the runs: 1 s unless -Dfanzha.checkpoint.ms says otherwise.
	 */
	static final long CHECKPOINT_MILLIS = Long.getLong("fanzha.checkpoint.ms", 1_000);

	private StreamBench() {
	}

	public static void main(String[] args) throws Exception {
		int persons = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
		int days = args.length > 1 ? Integer.parseInt(args[1]) : 14;
		String ps = args.length > 2 ? args[2] : "1,2";
		int rate = args.length > 3 ? Integer.parseInt(args[3]) : 0;
		long g0 = System.nanoTime();
		SimFeed.Feed feed = SimFeed.simulate(persons, days, 42);
		System.out.printf("feed: %d persons, %d days: %d transfers, %d reports (simulated in %.1f s)%n", persons, days,
				feed.transfers().size(), feed.reports().size(), (System.nanoTime() - g0) / 1e9);
		for (String p : ps.split(",")) {
			System.out.println(throughput(feed, Integer.parseInt(p.trim())));
		}
		if (rate > 0) {
			for (String p : ps.split(",")) {
				System.out.println(latency(feed, Integer.parseInt(p.trim()), rate));
			}
		}
	}

	/** Fills the topics, then runs the job bounded over them. */
	public static Run throughput(SimFeed.Feed feed, int parallelism) throws Exception {
		Path dir = Files.createTempDirectory("fanzha-stream-bench");
		try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"))) {
			kafka.createTopics(Math.max(2, parallelism));
			kafka.fill(feed);
			StreamJob.Options o = StreamJob.Options
				.defaults(kafka.bootstrapServers(), dir.resolve("cp").toUri().toString())
				.withParallelism(parallelism)
				.withCheckpointMillis(CHECKPOINT_MILLIS)
				.withBounded(true);
			StreamExecutionEnvironment env = StreamJob.local(o);
			StreamJob.build(env, o);
			long cpu0 = cpuNanos();
			JobExecutionResult r = env.execute("fanzha-stream bench p" + parallelism);
			double cpu = (cpuNanos() - cpu0) / 1e9;
			double seconds = r.getNetRuntime() / 1000.0;
			int n = feed.transfers().size();
			return new Run(parallelism, n, seconds, n / seconds, cpu, n / cpu);
		}
	}

	private static long cpuNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * Runs the job unbounded and produces the feed's transfers at {@code rate} per
	 * second.
	 */
	public static LatencyRun latency(SimFeed.Feed feed, int parallelism, int rate) throws Exception {
		Path dir = Files.createTempDirectory("fanzha-stream-latency");
		try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"))) {
			kafka.createTopics(Math.max(2, parallelism));
			StreamJob.Options o = StreamJob.Options
				.defaults(kafka.bootstrapServers(), dir.resolve("cp").toUri().toString())
				.withParallelism(parallelism)
				.withCheckpointMillis(CHECKPOINT_MILLIS);
			StreamExecutionEnvironment env = StreamJob.local(o);
			StreamJob.build(env, o);
			Latency.start();
			JobClient job = env.executeAsync("fanzha-stream latency p" + parallelism);
			Thread.sleep(5_000); // the job's sources are up and polling
			List<Transfer> transfers = feed.transfers();
			try (KafkaProducer<String, byte[]> producer = kafka.binaryProducer()) {
				long start = System.nanoTime();
				for (int i = 0; i < transfers.size(); i++) {
					long due = start + (long) (i * 1e9 / rate);
					while (System.nanoTime() < due) {
						Thread.onSpinWait();
					}
					Transfer t = transfers.get(i);
					producer.send(new ProducerRecord<>(StreamJob.TRANSFERS, t.fromAccount, Messages.transferBytes(t)));
				}
				producer.flush();
			}
			// the last seconds of event time wait for a watermark past them; what is
			// decided by then is counted
			Thread.sleep(10_000);
			job.cancel().get();
			Histogram h = Latency.stop();
			// the first second's decisions include the sources' start; the figures are
			// over everything recorded
			return new LatencyRun(parallelism, rate, h.getTotalCount(), h.getValueAtPercentile(50),
					h.getValueAtPercentile(99), h.getMaxValue());
		}
	}

}
