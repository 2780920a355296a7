package org.fanzha.identity;

/**
 * An agency joined the platform (a station, a centre, a bank …): whoever keeps a table of
 * agencies refreshes it.
 */
public record AgencyRegistered(String code, AgencyType type, String regionCode) {
}
