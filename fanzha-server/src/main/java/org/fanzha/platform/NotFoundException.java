package org.fanzha.platform;

/**
 * Something the request names does not exist (unknown user, account, case). Answered with
 * 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
