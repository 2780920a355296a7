/**
 * Fund control (资金管控): the transfer ledger the engines trace over, stop-payment
 * instructions from a trace (紧急止付 at level 1, 延伸止付 beyond) with their status history, and
 * the bank gateway through which banks receive instructions and answer them. Rules:
 * 48-hour stops, at most two per account, the four fields the bank checks (银发〔2016〕86号,
 * secondary; DOMAIN §3).
 */
@ApplicationModule(displayName = "Funds")
package org.fanzha.funds;

import org.springframework.modulith.ApplicationModule;
