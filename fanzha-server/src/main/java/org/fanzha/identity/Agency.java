package org.fanzha.identity;

import org.fanzha.core.RegionCode;

/**
 * An organisation on the platform.
 *
 * @param code short unique code, e.g. {@code ICBC-SN}; banks use it in API paths and
 * instructions
 * @param regionCode GB/T 2260 code of the area it serves, used for routing and
 * jurisdiction
 */
public record Agency(long id, String code, String name, AgencyType type, RegionCode regionCode) {
}
