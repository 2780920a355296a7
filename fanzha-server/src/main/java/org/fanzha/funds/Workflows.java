package org.fanzha.funds;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.fanzha.platform.ConflictException;

/**
 * The four instruction types a bank receives through the gateway and, in one place, the
 * states of each and the transitions allowed between them (docs/workflows.md draws them).
 * Repositories move a row only with {@code WHERE status = <from>} after {@link #require}
 * accepted the step, so two answers racing cannot both win.
 */
public final class Workflows {

	private Workflows() {
	}

	/** A state that says whether the bank has something to do in it. */
	public interface State {

		/** The bank must act (answer, freeze, pay out). */
		boolean awaitsBank();

		String name();

	}

	/** 紧急止付 / 延伸止付. */
	public enum StopStatus implements State {

		PROPOSED, ISSUED, EXECUTED, PARTIALLY_EXECUTED, REJECTED, EXPIRED;

		@Override
		public boolean awaitsBank() {
			return this == ISSUED;
		}

		/** The stop holds money now. */
		public boolean inForce() {
			return this == EXECUTED || this == PARTIALLY_EXECUTED;
		}

	}

	/** 资金查询. */
	public enum QueryStatus implements State {

		REQUESTED, ANSWERED;

		@Override
		public boolean awaitsBank() {
			return this == REQUESTED;
		}

	}

	/** 冻结 / 续冻 / 解冻. */
	public enum FreezeStatus implements State {

		REQUESTED, FROZEN, REJECTED, UNFROZEN, LAPSED;

		@Override
		public boolean awaitsBank() {
			return this == REQUESTED;
		}

	}

	/** 资金返还, one round. */
	public enum ReturnStatus implements State {

		/**
		 * Allocated on a direct basis (art. 8 (1)-(2)): no notice, the centre may decide
		 * at once.
		 */
		PROPOSED,
		/** Allocated pro rata: 30-day public notice for objections first. */
		NOTICE, DECIDED, EXECUTED;

		@Override
		public boolean awaitsBank() {
			return this == DECIDED;
		}

	}

	private static final Map<Enum<?>, Set<? extends Enum<?>>> NEXT = Map.ofEntries(
			Map.entry(StopStatus.PROPOSED, EnumSet.of(StopStatus.ISSUED)),
			Map.entry(StopStatus.ISSUED,
					EnumSet.of(StopStatus.EXECUTED, StopStatus.PARTIALLY_EXECUTED, StopStatus.REJECTED)),
			Map.entry(StopStatus.EXECUTED, EnumSet.of(StopStatus.EXPIRED)),
			Map.entry(StopStatus.PARTIALLY_EXECUTED, EnumSet.of(StopStatus.EXPIRED)),
			Map.entry(StopStatus.REJECTED, EnumSet.noneOf(StopStatus.class)),
			Map.entry(StopStatus.EXPIRED, EnumSet.noneOf(StopStatus.class)),
			Map.entry(QueryStatus.REQUESTED, EnumSet.of(QueryStatus.ANSWERED)),
			Map.entry(QueryStatus.ANSWERED, EnumSet.noneOf(QueryStatus.class)),
			Map.entry(FreezeStatus.REQUESTED, EnumSet.of(FreezeStatus.FROZEN, FreezeStatus.REJECTED)),
			// FROZEN -> FROZEN is a renewal: a new expiry, same state
			Map.entry(FreezeStatus.FROZEN, EnumSet.of(FreezeStatus.FROZEN, FreezeStatus.UNFROZEN, FreezeStatus.LAPSED)),
			Map.entry(FreezeStatus.REJECTED, EnumSet.noneOf(FreezeStatus.class)),
			Map.entry(FreezeStatus.UNFROZEN, EnumSet.noneOf(FreezeStatus.class)),
			Map.entry(FreezeStatus.LAPSED, EnumSet.noneOf(FreezeStatus.class)),
			Map.entry(ReturnStatus.PROPOSED, EnumSet.of(ReturnStatus.DECIDED)),
			Map.entry(ReturnStatus.NOTICE, EnumSet.of(ReturnStatus.DECIDED)),
			Map.entry(ReturnStatus.DECIDED, EnumSet.of(ReturnStatus.EXECUTED)),
			Map.entry(ReturnStatus.EXECUTED, EnumSet.noneOf(ReturnStatus.class)));

	public static boolean allowed(Enum<?> from, Enum<?> to) {
		Set<? extends Enum<?>> next = NEXT.get(from);
		return next != null && next.contains(to);
	}

	/** The states reachable from {@code from} in one step. */
	public static Set<? extends Enum<?>> next(Enum<?> from) {
		return NEXT.getOrDefault(from, Set.of());
	}

	/**
	 * Refuses (409) a step the workflow does not allow, naming where the instruction is.
	 */
	public static void require(BankGateway.Type type, long id, Enum<?> from, Enum<?> to) {
		if (!allowed(from, to)) {
			throw new ConflictException(type.label + " " + id + " is " + from + "; it cannot become " + to);
		}
	}

}
