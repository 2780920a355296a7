package org.fanzha.funds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param autoIssue NONE: an officer confirms every plan; EXTENDED: extended stops (level 2 and deeper) are
 * issued at once under the centre's policy; ALL: every instruction is issued at once (the demo)
 */
@ConfigurationProperties("fanzha.funds")
public record FundsProperties(@DefaultValue("NONE") AutoIssue autoIssue) {

	public enum AutoIssue {
		NONE, EXTENDED, ALL
	}
}
