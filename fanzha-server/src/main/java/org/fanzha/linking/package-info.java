/**
 * Case linking (串并案), the whole chain and jurisdiction: cases that share identifiers are
 * linked with the evidence and the merge grounds (Opinion (II) art. 2); a group's chain
 * shows every role from technical help to the mule levels with amounts and the
 * per-suspect thresholds; its connection points give the competent units, a
 * recommendation and whether a common superior must designate, on a printable sheet; the
 * centre refers a group to the procuratorate.
 */
@ApplicationModule(displayName = "Linking")
package org.fanzha.linking;

import org.springframework.modulith.ApplicationModule;
