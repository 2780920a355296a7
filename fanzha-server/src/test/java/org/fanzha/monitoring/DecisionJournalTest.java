package org.fanzha.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/**
 * Group commit: every entry is written once, a request returns after its own write, one
 * bad entry fails alone.
 */
class DecisionJournalTest {

	private static List<TransferScreening.TransferIn> one(String id) {
		return List.of(new TransferScreening.TransferIn(id, "A1", "A2", 100L, Instant.EPOCH));
	}

	@Test
	void manyRequestsShareWritesAndEachReturnsAfterItsOwn() throws Exception {
		List<String> written = Collections.synchronizedList(new ArrayList<>());
		List<Integer> groups = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch firstWrite = new CountDownLatch(1);
		DecisionJournal journal = new DecisionJournal(group -> {
			try {
				firstWrite.await(); // hold the first write so that the others queue up
									// behind it
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
			groups.add(group.size());
			group.forEach(e -> written.add(e.transfers.get(0).transferId()));
		});
		List<Thread> threads = new ArrayList<>();
		List<String> returned = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 20; i++) {
			String id = "T" + i;
			Thread t = new Thread(() -> {
				DecisionJournal.Entry e = journal.append("ICBC", one(id), List.of(), Instant.EPOCH);
				e.await();
				assertThat(written).contains(id); // stored before the answer
				returned.add(id);
			});
			threads.add(t);
			t.start();
		}
		firstWrite.countDown();
		for (Thread t : threads) {
			t.join();
		}
		journal.close();
		assertThat(returned).hasSize(20);
		assertThat(written).doesNotHaveDuplicates().hasSize(20);
		assertThat(groups.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
	}

	@Test
	void aGroupThatFailsIsWrittenEntryByEntrySoOnlyTheBadOneFails() {
		List<String> written = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch hold = new CountDownLatch(1);
		DecisionJournal journal = new DecisionJournal(group -> {
			try {
				hold.await();
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
			if (group.stream().anyMatch(e -> e.transfers.get(0).transferId().equals("BAD"))) {
				throw new IllegalStateException("constraint violated"); // the whole
																		// transaction
																		// rolls back
			}
			group.forEach(e -> written.add(e.transfers.get(0).transferId()));
		});
		DecisionJournal.Entry a = journal.append("ICBC", one("A"), List.of(), Instant.EPOCH);
		DecisionJournal.Entry bad = journal.append("ICBC", one("BAD"), List.of(), Instant.EPOCH);
		DecisionJournal.Entry b = journal.append("ICBC", one("B"), List.of(), Instant.EPOCH);
		hold.countDown();
		a.await();
		b.await();
		assertThatThrownBy(bad::await).hasMessage("constraint violated");
		assertThat(written).containsExactlyInAnyOrder("A", "B");
		journal.close();
	}

}
