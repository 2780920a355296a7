package org.fanzha.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.TimeUnit;

import org.fanzha.sim.world.SimConfig;
import org.fanzha.sim.world.Simulator;
import org.fanzha.sim.world.World;
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
 * Generation speed of the simulator (one day of a world of {@code persons}, events into
 * memory) against the peer writing the same number of random transfer rows with Datafaker
 * and Commons CSV. Both score operations per second, and one operation is the same number
 * of events, so the ratio of the scores is the ratio of events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = { "-Xmx4g" })
public class SimulationBenchmark {

	@Param("100000")
	public int persons;

	World world;

	long eventsPerDay;

	@Setup(Level.Trial)
	public void setUp() {
		world = new World(SimConfig.preset("small", 42).withSize(persons, 1));
		CountingSink probe = new CountingSink();
		new Simulator(world).run(probe);
		eventsPerDay = probe.events;
	}

	@Benchmark
	public long fanzhaSimulator() {
		CountingSink sink = new CountingSink();
		new Simulator(world).run(sink);
		return sink.checksum;
	}

	@Benchmark
	public long peerDatafakerCommonsCsv() throws IOException {
		return PeerGenerator.write(Writer.nullWriter(), eventsPerDay, 42, world.population.accounts());
	}

}
