package org.fanzha.telecom;

import java.time.Instant;
import java.util.List;

/**
 * A SIM was restricted or suspended (or reported as part of a SIM box, art. 14). Warnings
 * take the numbers it called as potential victims; case linking takes the number;
 * card-cutting takes its holder.
 */
public record SimRestricted(String phone, String operator, String measure, boolean simBox, List<String> reasons,
		Instant at) {
}
