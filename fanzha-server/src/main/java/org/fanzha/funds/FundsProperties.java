package org.fanzha.funds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param autoIssue NONE: an officer confirms every plan; EXTENDED: extended stops (level 2 and deeper) are
 * issued at once under the centre's policy; ALL: every instruction is issued at once (the demo)
 * @param holidays public holidays (no working days) from the State Council's notice for the year
 * @param workingWeekendDays weekend days made working days by the same notice (调休)
 */
@ConfigurationProperties("fanzha.funds")
public record FundsProperties(@DefaultValue("NONE") AutoIssue autoIssue,
		@DefaultValue({}) java.util.List<java.time.LocalDate> holidays,
		@DefaultValue({}) java.util.List<java.time.LocalDate> workingWeekendDays) {

	public enum AutoIssue {
		NONE, EXTENDED, ALL
	}
}
