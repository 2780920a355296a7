package org.fanzha.monitoring;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.fanzha.ledger.TransferLedger;
import org.fanzha.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The asynchronous path for a bank's transfer feed (e.g. the day's batch file, or a
 * stream cut into parts): the feed is validated whole, stored whole, acknowledged with
 * 202 and its id, then scored in order by one worker through the same monitor as the
 * synchronous API. A feed that was stored but not finished when the platform stopped is
 * scored again at the next start; decisions are idempotent by transfer id, so nothing is
 * counted twice and nothing accepted is lost.
 */
@Service
public class FeedIntake {

	private static final Logger log = LoggerFactory.getLogger(FeedIntake.class);

	public static final int MAX_TRANSFERS = 100_000;

	public record FeedView(long id, String bank, Instant receivedAt, int transfers, String status, int processed,
			Map<String, Long> decisions, Instant finishedAt) {
	}

	private final Feeds feeds;

	private final TransferScreening decisions;

	private final Clock clock;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "fanzha-feeds");
		t.setDaemon(true);
		return t;
	});

	FeedIntake(Feeds feeds, TransferScreening decisions, Clock clock) {
		this.feeds = feeds;
		this.decisions = decisions;
		this.clock = clock;
	}

	/** Validates and stores the feed, then queues it; returns it as stored. */
	public FeedView submit(String bank, List<TransferScreening.TransferIn> transfers) {
		decisions.validate(transfers, MAX_TRANSFERS);
		StringBuilder payload = new StringBuilder(transfers.size() * 64);
		for (TransferScreening.TransferIn t : transfers) {
			payload.append(t.transferId())
				.append(',')
				.append(t.fromAccount())
				.append(',')
				.append(t.toAccount() == null ? "" : t.toAccount())
				.append(',')
				.append(t.amountFen())
				.append(',')
				.append(t.time() == null ? "" : Long.toString(t.time().getEpochSecond()))
				.append(',')
				.append(t.deviceId() == null ? "" : URLEncoder.encode(t.deviceId(), StandardCharsets.UTF_8))
				.append(',')
				.append(t.channel() == null ? "" : t.channel())
				.append(',')
				.append(t.region() == null ? "" : t.region())
				.append('\n');
		}
		long id = feeds.insert(bank, clock.instant(), transfers.size(), payload.toString());
		worker.submit(() -> process(id));
		return feeds.byId(id).orElseThrow();
	}

	/** A bank sees its own feeds only. */
	public FeedView get(long id, String bank) {
		return feeds.byId(id)
			.filter(f -> bank == null || bank.equals(f.bank()))
			.orElseThrow(() -> new NotFoundException("no feed " + id));
	}

	/**
	 * The restricted and reviewed decisions of a finished (or running) feed, in feed
	 * order.
	 */
	public List<Decision> restricted(long id, String bank, int limit) {
		FeedView feed = get(id, bank);
		List<Decision> out = new ArrayList<>();
		for (String line : feeds.payload(id).split("\n")) {
			if (out.size() >= limit || line.isEmpty()) {
				break;
			}
			Decision d = decisions.known(feed.bank(), line.substring(0, line.indexOf(',')));
			if (d != null && !"ALLOW".equals(d.decision())) {
				out.add(d);
			}
		}
		return out;
	}

	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		for (long id : feeds.unfinished()) {
			log.info("Transfer feed {} was not finished: scoring it again", id);
			worker.submit(() -> process(id));
		}
	}

	private void process(long id) {
		try {
			FeedView feed = feeds.byId(id).orElseThrow();
			Instant now = clock.instant();
			feeds.progress(id, "RUNNING", 0, null, null);
			Map<String, Long> counts = new TreeMap<>();
			int done = 0;
			List<TransferScreening.TransferIn> transfers = new ArrayList<>(feed.transfers());
			for (String line : feeds.payload(id).split("\n")) {
				if (line.isEmpty()) {
					continue;
				}
				String[] f = line.split(",", -1);
				transfers.add(new TransferScreening.TransferIn(f[0], f[1], f[2].isEmpty() ? null : f[2],
						Long.parseLong(f[3]), f[4].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(f[4])),
						f[5].isEmpty() ? null : URLDecoder.decode(f[5], StandardCharsets.UTF_8),
						f.length > 6 && !f[6].isEmpty() ? f[6] : null, f.length > 7 && !f[7].isEmpty() ? f[7] : null));
			}
			// into the ledger first (a replayed feed finds its rows there and adds
			// nothing), then scored
			decisions.record(TransferLedger.Source.FEED, feed.bank(), "feed-" + id, transfers, now);
			for (TransferScreening.TransferIn t : transfers) {
				Decision d = decisions.decideOne(feed.bank(), t, now);
				counts.merge(d.decision(), 1L, Long::sum);
				if (++done % 10_000 == 0) {
					feeds.progress(id, "RUNNING", done, format(counts), null);
				}
			}
			feeds.progress(id, "DONE", done, format(counts), clock.instant());
		}
		catch (RuntimeException e) {
			log.error("Transfer feed {} failed; it stays queued for the next start", id, e);
		}
	}

	static String format(Map<String, Long> counts) {
		StringBuilder b = new StringBuilder();
		counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(v));
		return b.toString();
	}

	static Map<String, Long> counts(String text) {
		Map<String, Long> m = new TreeMap<>();
		if (text != null && !text.isEmpty()) {
			for (String kv : text.split(";")) {
				int eq = kv.indexOf('=');
				m.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
			}
		}
		return m;
	}

}
