package org.fanzha.engine.returns;

import java.util.ArrayList;
import java.util.List;

/** TEMPORARY placeholder until helper's version lands. */
public final class ReturnRounds {
	public record Claim(String victimId, long lossFen, long returnedFen, long tracedFen, String addedReason) {}
	public record Plan(ReturnAllocator.Basis basis, long[] returnFen, long remainderFen, boolean noticeRequired, List<String> ineligible) {
		public long totalFen() { long s = 0; for (long r : returnFen) s += r; return s; }
	}
	public static Plan plan(long availableFen, List<ReturnAllocator.Deposit> deposits, long[] heldPerVictim, List<Claim> claims) {
		List<ReturnAllocator.Victim> v = new ArrayList<>();
		List<String> inel = new ArrayList<>();
		for (Claim c : claims) { v.add(new ReturnAllocator.Victim(c.victimId(), c.lossFen(), c.returnedFen())); if (c.tracedFen()==0 && c.addedReason()==null) inel.add(c.victimId()); }
		ReturnAllocator.Allocation a = ReturnAllocator.allocate(availableFen, deposits, heldPerVictim, v);
		return new Plan(a.basis(), a.returnFen(), a.remainderFen(), a.basis()==ReturnAllocator.Basis.PRO_RATA && a.totalFen()>0, inel);
	}
}
