package org.fanzha.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RiskSignalsTest {

	static final long T0 = 1_772_323_200L;

	@Test
	void proximityFollowsTheMoneyUpToThreeHopsAndFades() {
		RiskSignals r = new RiskSignals(4);
		assertThat(r.hops(1, T0)).isEqualTo(RiskSignals.FAR);
		r.confirm(1, T0);
		r.onTransfer(1, 2, T0 + 60); // confirmed -> 2 is one hop away
		r.onTransfer(2, 3, T0 + 120);
		r.onTransfer(3, 4, T0 + 180);
		r.onTransfer(4, 5, T0 + 240); // beyond three hops: not marked
		assertThat(r.hops(1, T0 + 300)).isZero();
		assertThat(r.hops(2, T0 + 300)).isEqualTo(1);
		assertThat(r.hops(3, T0 + 300)).isEqualTo(2);
		assertThat(r.hops(4, T0 + 300)).isEqualTo(3);
		assertThat(r.hops(5, T0 + 300)).isEqualTo(RiskSignals.FAR);
		// a shorter path wins; a longer one does not overwrite
		r.onTransfer(1, 4, T0 + 400);
		r.onTransfer(3, 4, T0 + 500);
		assertThat(r.hops(4, T0 + 600)).isEqualTo(1);
		// learned proximity fades after seven days, confirmation does not
		long later = T0 + 400 + RiskSignals.PROXIMITY_TTL + 1;
		assertThat(r.hops(4, later)).isEqualTo(RiskSignals.FAR);
		assertThat(r.hops(1, later)).isZero();
		// a verified appeal lifts the confirmation
		r.lift(1);
		assertThat(r.hops(1, later)).isEqualTo(RiskSignals.FAR);
		r.onTransfer(1, 6, later);
		assertThat(r.hops(6, later)).isEqualTo(RiskSignals.FAR);
	}

	@Test
	void cashLeavesNoMarkAndUnknownAccountsAreFar() {
		RiskSignals r = new RiskSignals(2);
		r.confirm(0, T0);
		r.onTransfer(0, -1, T0);
		assertThat(r.hops(-1, T0)).isEqualTo(RiskSignals.FAR);
		assertThat(r.hops(1_000_000, T0)).isEqualTo(RiskSignals.FAR);
	}

	@Test
	void flaggedContactIsTheLatestAndMeasuredAtTheInjectedTime() {
		RiskSignals r = new RiskSignals(2);
		assertThat(r.minutesSinceFlaggedContact(0, T0)).isEqualTo(-1);
		r.contactedByFlagged(0, T0 + 600);
		r.contactedByFlagged(0, T0); // older, late: does not move it back
		assertThat(r.minutesSinceFlaggedContact(0, T0 + 3_600)).isEqualTo(50.0);
		r.flagged(0, T0);
		assertThat(r.flaggedRecently(0, T0 + RiskSignals.PROXIMITY_TTL)).isTrue();
		assertThat(r.flaggedRecently(0, T0 + RiskSignals.PROXIMITY_TTL + 1)).isFalse();
	}

	@Test
	void sharedDevicesCountDistinctAccountsAndIgnoreUnknownDevices() {
		SharedDevices d = new SharedDevices(2);
		long phone = SharedDevices.key("IMEI-86000000000001");
		assertThat(SharedDevices.key(null)).isZero();
		assertThat(d.record(0, 7)).isZero();
		assertThat(d.record(phone, 1)).isEqualTo(1);
		assertThat(d.record(phone, 1)).isEqualTo(1);
		assertThat(d.record(phone, 2)).isEqualTo(2);
		assertThat(d.accountsOn(phone)).isEqualTo(2);
		assertThat(d.accountsOn(SharedDevices.key("other"))).isZero();
	}

	/**
	 * Against a plain map of sets: exact while a device has at most eight accounts, never
	 * lower after.
	 */
	@Property(tries = 200)
	void sharedDevicesAgreeWithAModel(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 40) Integer> devices,
			@ForAll @IntRange(min = 1, max = 12) int accountsPerDevice) {
		SharedDevices d = new SharedDevices(2);
		Map<Long, Set<Integer>> model = new HashMap<>();
		int i = 0;
		for (int dev : devices) {
			long key = dev + 1L;
			int account = (i++ * 31 + dev) % (accountsPerDevice + dev % 3);
			model.computeIfAbsent(key, k -> new HashSet<>()).add(account);
			int n = d.record(key, account);
			int exact = model.get(key).size();
			if (exact <= SharedDevices.REMEMBERED) {
				assertThat(n).isEqualTo(exact);
			}
			else {
				assertThat(n).isGreaterThanOrEqualTo(exact);
			}
		}
		assertThat(d.devices()).isEqualTo(model.size());
	}

}
