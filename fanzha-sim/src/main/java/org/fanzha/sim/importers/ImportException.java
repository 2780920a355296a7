package org.fanzha.sim.importers;

/**
 * An input that cannot be imported as a whole: a missing file, a wrong or missing header,
 * too many malformed rows (more than 1%), no valid rows, or an output directory that is
 * in the way. The message is one line. When it is thrown, the output directory has not
 * been created (nor changed).
 */
public class ImportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ImportException(String message) {
		super(message);
	}

	public ImportException(String message, Throwable cause) {
		super(message, cause);
	}

}
