package org.fanzha.cases;

import java.util.Collection;
import java.util.Map;

/**
 * Where the money of each case stands, for the case list: fund tracing implements it (it
 * depends on cases, so cases asks through this interface instead of depending back).
 */
public interface CaseFunds {

	/**
	 * @param stopsIssued stop instructions the banks still have to answer
	 * @param stopsExecuted stop instructions executed, fully or partly
	 * @param frozen freezes in force
	 */
	record State(int stopsIssued, int stopsExecuted, int frozen) {

		public static final State NONE = new State(0, 0, 0);

	}

	Map<String, State> of(Collection<String> caseNumbers);

}
