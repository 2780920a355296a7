package org.fanzha.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Group commit for decisions: request threads hand their transfers and fresh decisions to
 * one writer thread, which stores what has queued up since its last write (many requests)
 * in one transaction, and each request waits until its own entry is committed. Under load
 * a commit serves many requests; alone, a request waits for one write, as before. A group
 * that fails is written again entry by entry, so one bad entry fails only its own
 * request.
 *
 * <p>
 * Entries are appended in decision order (under the monitor's lock), so a retry answered
 * from memory waits for the write of the decision it repeats: an answer given is a row
 * committed.
 */
final class DecisionJournal {

	/** Rows per group at most: a bank's batch is up to a thousand. */
	static final int GROUP_ROWS = 5_000;

	/** One request's share of a group. */
	static final class Entry {

		final String bank;

		final List<TransferScreening.TransferIn> transfers;

		final List<Decisions.Stored> fresh;

		final Instant now;

		private final CountDownLatch done = new CountDownLatch(1);

		private volatile RuntimeException failure;

		Entry(String bank, List<TransferScreening.TransferIn> transfers, List<Decisions.Stored> fresh, Instant now) {
			this.bank = bank;
			this.transfers = transfers;
			this.fresh = fresh;
			this.now = now;
		}

		/** Waits until the entry is committed; throws what its write threw. */
		void await() {
			boolean interrupted = false;
			while (true) {
				try {
					done.await();
					break;
				}
				catch (InterruptedException e) {
					interrupted = true; // the answer depends on the write: wait it out,
										// keep the flag
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			if (failure != null) {
				throw failure;
			}
		}

		private void finish(RuntimeException e) {
			failure = e;
			done.countDown();
		}

	}

	private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();

	private final Consumer<List<Entry>> writer;

	private final Thread thread;

	private volatile boolean closed;

	/**
	 * @param writer stores a group in one transaction, or throws
	 */
	DecisionJournal(Consumer<List<Entry>> writer) {
		this.writer = writer;
		this.thread = new Thread(this::run, "decision-journal");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	Entry append(String bank, List<TransferScreening.TransferIn> transfers, List<Decisions.Stored> fresh, Instant now) {
		if (closed) {
			throw new IllegalStateException("the decision journal is closed (the server is stopping)");
		}
		Entry e = new Entry(bank, transfers, fresh, now);
		queue.add(e);
		return e;
	}

	/** Writes what is queued, then stops. */
	void close() {
		closed = true;
		try {
			thread.join(10_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		List<Entry> group = new ArrayList<>();
		while (!closed || !queue.isEmpty()) {
			Entry first;
			try {
				first = queue.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				continue; // only close() ends the writer, after the queue is empty
			}
			if (first == null) {
				continue;
			}
			group.add(first);
			int rows = first.transfers.size();
			for (Entry e = queue.peek(); e != null && rows + e.transfers.size() <= GROUP_ROWS; e = queue.peek()) {
				group.add(queue.poll());
				rows += e.transfers.size();
			}
			write(group);
			group.clear();
		}
	}

	private void write(List<Entry> group) {
		RuntimeException failure = attempt(group);
		if (failure == null) {
			group.forEach(e -> e.finish(null));
			return;
		}
		if (group.size() == 1) {
			group.get(0).finish(failure);
			return;
		}
		for (Entry e : group) {
			e.finish(attempt(List.of(e)));
		}
	}

	private RuntimeException attempt(List<Entry> group) {
		try {
			writer.accept(group);
			return null;
		}
		catch (RuntimeException e) {
			return e;
		}
		catch (Error e) {
			return new IllegalStateException("decisions not stored: " + e, e);
		}
	}

}
