package org.fanzha.funds;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fanzha.cases.CaseFunds;
import org.fanzha.funds.Workflows.FreezeStatus;
import org.fanzha.funds.Workflows.StopStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stop and freeze state of each case on a page of the case list (at most a page: one
 * read per case).
 */
@Component
class CaseFundStates implements CaseFunds {

	private final Instructions instructions;

	private final Freezes freezes;

	CaseFundStates(Instructions instructions, Freezes freezes) {
		this.instructions = instructions;
		this.freezes = freezes;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, State> of(Collection<String> caseNumbers) {
		Map<String, State> out = new LinkedHashMap<>();
		for (String n : caseNumbers) {
			int issued = 0, executed = 0, frozen = 0;
			for (InstructionView i : instructions.forCase(n)) {
				if (i.status() == StopStatus.ISSUED) {
					issued++;
				}
				else if (i.status() == StopStatus.EXECUTED || i.status() == StopStatus.PARTIALLY_EXECUTED) {
					executed++;
				}
			}
			for (FreezeView f : freezes.forCase(n)) {
				if (f.status() == FreezeStatus.FROZEN) {
					frozen++;
				}
			}
			out.put(n, new State(issued, executed, frozen));
		}
		return out;
	}

}
