package org.fanzha.funds;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param autoIssue NONE: an officer confirms every plan; EXTENDED: extended stops (level
 * 2 and deeper) are issued at once under the centre's policy; ALL: every instruction is
 * issued at once (the demo)
 * @param holidays public holidays (no working days) from the State Council's notice for
 * the year
 * @param workingWeekendDays weekend days made working days by the same notice (调休)
 * @param trace how far a case's money is followed, for the plan and for returns alike
 * @param deadlines how long a bank has to answer each type of instruction (returns: 3
 * working days, art. 12)
 */
@ConfigurationProperties("fanzha.funds")
public record FundsProperties(@DefaultValue("NONE") AutoIssue autoIssue, @DefaultValue( {
	}) List<LocalDate> holidays, @DefaultValue({}) List<LocalDate> workingWeekendDays, @DefaultValue Trace trace,
		@DefaultValue Deadlines deadlines){

	public enum AutoIssue {

		NONE, EXTENDED, ALL

	}

	/**
	 * @param hops how many levels of accounts beyond the victim's payment
	 * @param minAmountFen traced money below this in an account is not worth an
	 * instruction
	 * @param horizon how long after the payment transfers are followed
	 */
	public record Trace(@DefaultValue("8") int hops, @DefaultValue("100") long minAmountFen,
			@DefaultValue("30d") Duration horizon) {
	}

	/**
	 * Answer deadlines per instruction type. Assumptions, configurable: banks execute a
	 * stop at once (DOMAIN §3 gives no number; one hour here), answer a query and carry
	 * out a freeze the same day.
	 */
	public record Deadlines(@DefaultValue("1h") Duration stop, @DefaultValue("24h") Duration query,
			@DefaultValue("24h") Duration freeze) {
	}
}
