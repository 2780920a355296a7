package org.fanzha.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A smoke run of the bench harness on a tiny feed: it runs and reports; no time is
 * asserted.
 */
class StreamBenchTest {

	@Test
	void theThroughputRunDecidesATinyFeedAndReportsItsRate() throws Exception {
		SimFeed.Feed feed = SimFeed.simulate(1_000, 1, 5);
		StreamBench.Run run = StreamBench.throughput(feed, 1);
		assertThat(run.transfers()).isEqualTo(feed.transfers().size()).isPositive();
		assertThat(run.perSecond()).isPositive();
	}

}
