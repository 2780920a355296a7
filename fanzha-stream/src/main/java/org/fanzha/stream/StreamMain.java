package org.fanzha.stream;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fanzha stream}: runs the monitoring job. Started with {@code java -jar} (what
 * the launcher does) the environment is a local Flink MiniCluster in this JVM; submitted
 * with {@code flink run} the same main builds the same job on that cluster
 * (docs/stream.md).
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
		description = "Runs the transfer and SIM monitors as a Flink job over the Kafka topics (transfers, reports -> decisions, flags; calls -> measures).")
public final class StreamMain implements Callable<Integer> {

	@Option(names = "--kafka-servers", defaultValue = "localhost:9092",
			description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
	String servers;

	@Option(names = "--parallelism", defaultValue = "1",
			description = "task slots per operator (default: ${DEFAULT-VALUE})")
	int parallelism;

	@Option(names = "--checkpoint-interval", defaultValue = "1000",
			description = "milliseconds between checkpoints; decisions are committed to the topic on each (default: ${DEFAULT-VALUE})")
	long checkpointMillis;

	@Option(names = "--checkpoint-dir", defaultValue = "data/stream/checkpoints",
			description = "where checkpoints go, a path or a URI (default: ${DEFAULT-VALUE})")
	String checkpointDir;

	@Option(names = "--bounded", description = "read what the topics hold now, decide it and stop")
	boolean bounded;

	@Option(names = "--create-topics", negatable = true, defaultValue = "true", fallbackValue = "true",
			description = "create transfers, reports, decisions and flags (3 partitions) when missing (default: ${DEFAULT-VALUE})")
	boolean createTopics;

	@Option(names = "--trace",
			description = "also trace reported cases' money live (taint through the taint topic, holdings out); the job then runs until stopped, even with --bounded")
	boolean trace;

	@Override
	public Integer call() throws Exception {
		String dir = checkpointDir.contains("://") ? checkpointDir
				: Path.of(checkpointDir).toAbsolutePath().toUri().toString();
		StreamJob.Options o = StreamJob.Options.defaults(servers, dir)
			.withParallelism(parallelism)
			.withCheckpointMillis(checkpointMillis)
			.withBounded(bounded);
		if (createTopics) {
			LocalKafka.createMissingTopics(servers, 3);
		}
		StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(StreamJob.configuration(o));
		StreamJob.build(env, o);
		if (trace) {
			TaintJob.build(env, o, TaintLogic.Settings.defaults());
		}
		env.execute("fanzha-stream");
		return 0;
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new StreamMain()).execute(args));
	}

}
