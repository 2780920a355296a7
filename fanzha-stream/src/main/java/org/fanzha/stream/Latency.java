package org.fanzha.stream;

import org.HdrHistogram.ConcurrentHistogram;

/**
 * Event-to-decision latency for the bench: milliseconds from a transfer's Kafka record
 * timestamp (when it was produced) to its decision leaving the decision stage, recorded
 * only while {@link #start} has switched it on. Static because the bench runs the job in
 * a MiniCluster in its own JVM; on a real cluster it stays off. The decision is visible
 * to a read_committed consumer only when the checkpoint that covers it commits, i.e. up
 * to one checkpoint interval later (docs/stream.md).
 */
public final class Latency {

	private static volatile ConcurrentHistogram histogram;

	private Latency() {
	}

	public static void start() {
		histogram = new ConcurrentHistogram(3_600_000L, 3);
	}

	public static ConcurrentHistogram stop() {
		ConcurrentHistogram h = histogram;
		histogram = null;
		return h;
	}

	static void record(long producedAt) {
		ConcurrentHistogram h = histogram;
		if (h != null && producedAt > 0) {
			h.recordValue(Math.max(0, Math.min(3_600_000L, System.currentTimeMillis() - producedAt)));
		}
	}

}
