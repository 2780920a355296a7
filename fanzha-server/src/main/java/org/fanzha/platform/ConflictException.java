package org.fanzha.platform;

/**
 * The request contradicts stored state (duplicate key, second stop beyond the limit).
 * Answered with 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
