package org.fanzha.funds;

import java.time.Instant;

/**
 * An instruction to a bank moved from one state to another (PROPOSED to ISSUED, ISSUED to
 * EXECUTED, ...); published by the gateway for every transition, through the event
 * publication registry.
 *
 * @param from the state before, null for a new instruction
 * @param deadline when the bank must have acted, while the instruction waits for it
 */
public record InstructionTransitioned(BankGateway.Type type, long instructionId, String caseNumber, String institution,
		String from, String to, boolean awaitsBank, Instant at, Instant deadline) {
}
