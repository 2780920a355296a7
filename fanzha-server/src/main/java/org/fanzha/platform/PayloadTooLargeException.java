package org.fanzha.platform;

import java.io.IOException;

/** Thrown while reading a chunked body that turns out larger than the limit. */
public class PayloadTooLargeException extends IOException {

	private final long maxBytes;

	public PayloadTooLargeException(long maxBytes) {
		super("Request body exceeds the limit of " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

}
