package org.fanzha.kafka.internal;

import org.fanzha.platform.InvalidFieldsException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * A message that no retry can fix: not JSON, another schema version, a missing key field.
 */
class BadMessage extends RuntimeException {

	BadMessage(String reason) {
		super(reason);
	}

	/**
	 * The reason a dead letter carries: the innermost message that says something, with
	 * its invalid fields.
	 */
	static String reason(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && (t instanceof ListenerExecutionFailedException
				|| t instanceof BatchListenerFailedException || t.getMessage() == null)) {
			t = t.getCause();
		}
		if (t instanceof InvalidFieldsException f) {
			return "invalid fields: " + f.errors();
		}
		return t.getClass().getSimpleName() + ": " + t.getMessage();
	}

}
