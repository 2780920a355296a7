package org.fanzha.engine.trace;

/**
 * How traced money is told apart from an account's own money when it leaves.
 *
 * <ul>
 * <li>FIFO (default): first money in is first out; the opening balance came first.</li>
 * <li>LIFO: last money in is first out.</li>
 * <li>HAIRCUT: every outgoing transfer carries victims' money in proportion to the
 * account's balance.</li>
 * <li>POISON: once an account holds any victim's money, everything that leaves it is
 * traced; the widest net, for finding accounts, not for sharing money out.</li>
 * </ul>
 * See Anderson et al., "Bitcoin redux" (WEIS 2018) and Möser, Böhme and Breuker, "Towards
 * risk scoring of Bitcoin transactions" (FC 2014) for the policies in money-laundering
 * analysis.
 */
public enum Policy {

	FIFO, LIFO, HAIRCUT, POISON

}
