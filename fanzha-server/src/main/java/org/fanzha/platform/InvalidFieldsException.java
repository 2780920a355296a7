package org.fanzha.platform;

import java.util.Map;
import java.util.TreeMap;

/**
 * A request with one or more invalid fields; answered with 400 and an {@code errors} map
 * of field path to message, so a form can show every problem at once.
 */
public class InvalidFieldsException extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidFieldsException(Map<String, String> errors) {
		super(errors.size() == 1 ? errors.keySet().iterator().next() + ": " + errors.values().iterator().next()
				: errors.size() + " fields are invalid: " + String.join(", ", new TreeMap<>(errors).keySet()));
		this.errors = new TreeMap<>(errors);
	}

	public Map<String, String> errors() {
		return errors;
	}

}
