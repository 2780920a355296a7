/**
 * The transfer ledger (资金流水台账): every transfer the platform learns of, from whichever
 * door it came — a bank's decision request or bulk feed, a statement (流水) a bank returns
 * with a stop or a fund query, an uploaded statement file — written once
 * ({@code ledger_transfer}) with its source, and kept in memory as the temporal graph the
 * tracing engines read (rows that come out of time order wait in a reorder window; see
 * {@code TransferLedger}). Monitoring writes here what it decides on, through its
 * group-commit journal; funds traces here.
 */
@ApplicationModule(displayName = "Ledger")
package org.fanzha.ledger;

import org.springframework.modulith.ApplicationModule;
