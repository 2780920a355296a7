package org.fanzha.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects oversized API bodies with 413 before anything reads them. Bodies without a
 * declared length (chunked) are counted while read by {@link LimitedRequest}.
 */
class PayloadLimitFilter extends OncePerRequestFilter {

	/**
	 * Bulk transfer feeds are scored asynchronously and may be larger than an ordinary
	 * request.
	 */
	static final String BULK_PATH = "/api/v1/transfers/feeds";

	private final long defaultMax;

	private final long bulkMax;

	PayloadLimitFilter(long maxBytes, long bulkMaxBytes) {
		this.defaultMax = maxBytes;
		this.bulkMax = bulkMaxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long maxBytes = request.getRequestURI().startsWith(BULK_PATH) ? bulkMax : defaultMax;
		long length = request.getContentLengthLong();
		if (length > maxBytes) {
			Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
					"Request body of " + length + " bytes exceeds the limit of " + maxBytes + " bytes");
			return;
		}
		chain.doFilter(length < 0 ? new LimitedRequest(request, maxBytes) : request, response);
	}

}
