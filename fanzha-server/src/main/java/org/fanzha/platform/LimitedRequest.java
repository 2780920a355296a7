package org.fanzha.platform;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body stream fails once more than the limit has been read. */
class LimitedRequest extends HttpServletRequestWrapper {

	private final long maxBytes;

	LimitedRequest(HttpServletRequest request, long maxBytes) {
		super(request);
		this.maxBytes = maxBytes;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		ServletInputStream in = super.getInputStream();
		return new ServletInputStream() {
			long read;

			@Override
			public int read() throws IOException {
				int b = in.read();
				if (b >= 0) {
					count(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buf, int off, int len) throws IOException {
				int n = in.read(buf, off, len);
				if (n > 0) {
					count(n);
				}
				return n;
			}

			private void count(int n) throws IOException {
				read += n;
				if (read > maxBytes) {
					throw new PayloadTooLargeException(maxBytes);
				}
			}

			@Override
			public boolean isFinished() {
				return in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}
		};
	}

}
