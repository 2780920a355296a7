package org.fanzha.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.fanzha.engine.graph.TransferGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingesting a simulated province's transfers (prepared in {@code @Setup}) into the
 * engine's {@link TransferGraph}, against the object graph a Java developer would write
 * first: a record per transfer and a HashMap of ArrayLists per account for outgoing and
 * incoming transfers. One operation ingests every transfer of the world, so the ratio of
 * scores is the ratio of transfers per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = { "-Xmx6g" })
public class IngestBenchmark {

	@Param("100000")
	public int persons;

	@Param("3")
	public int days;

	RecordedTransfers rec;

	@Setup(Level.Trial)
	public void setUp() {
		rec = RecordedTransfers.simulate(persons, days);
	}

	@Benchmark
	public int fanzhaTransferGraph() {
		return TraceBench.ingest(rec).transfers();
	}

	record Transfer(int id, long time, int from, int to, long amount, byte channel) {
	}

	@Benchmark
	public int peerObjectGraph() {
		Map<Integer, List<Transfer>> out = new HashMap<>();
		Map<Integer, List<Transfer>> in = new HashMap<>();
		Map<Integer, Transfer> byId = new HashMap<>();
		for (int i = 0; i < rec.n; i++) {
			Transfer t = new Transfer(rec.id[i], rec.time[i], rec.from[i], rec.to[i], rec.amount[i], rec.channel[i]);
			byId.put(t.id(), t);
			out.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t);
			if (t.to() >= 0) {
				in.computeIfAbsent(t.to(), k -> new ArrayList<>()).add(t);
			}
		}
		return byId.size();
	}

}
