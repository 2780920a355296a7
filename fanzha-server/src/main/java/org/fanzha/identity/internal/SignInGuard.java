package org.fanzha.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fanzha.audit.AuditTrail;
import org.fanzha.identity.IdentityProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in throttling: failed passwords are counted per user name and per address over a
 * window; past the limit that name or address is locked for the window's length (the
 * console says so, the API answers 429 with Retry-After), without a BCrypt check being
 * spent on it, and the lock is written to the audit trail. A successful sign-in clears
 * the user's count. State is in memory: a restart clears locks, which an attacker gains
 * nothing from that a wait would not give.
 */
@Component
class SignInGuard extends OncePerRequestFilter {

	private static final class Count {

		int failures;

		long windowStart;

		long lockedUntil;

	}

	private final ConcurrentHashMap<String, Count> users = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Count> addresses = new ConcurrentHashMap<>();

	private final IdentityProperties properties;

	private final Clock clock;

	private final AuditTrail audit;

	SignInGuard(IdentityProperties properties, Clock clock, AuditTrail audit) {
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = attemptedUser(request);
		if (user != null) {
			long until = Math.max(lockedUntil(users, user.toLowerCase(Locale.ROOT)),
					lockedUntil(addresses, request.getRemoteAddr()));
			long now = clock.millis();
			if (until > now) {
				long seconds = Math.max(1, (until - now + 999) / 1000);
				if (request.getRequestURI().startsWith("/api/")) {
					response.setStatus(429);
					response.setHeader("Retry-After", Long.toString(seconds));
					response.setContentType("application/problem+json");
					response.getWriter()
						.write("{\"type\":\"https://fanzha.org/problems/too-many-sign-ins\",\"title\":"
								+ "\"Too many failed sign-ins\",\"status\":429,\"detail\":\"Sign-in is locked for "
								+ seconds + " more seconds after repeated wrong passwords\"}");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?locked=" + ((seconds + 59) / 60));
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The user name a request tries to sign in as: the login form's, or HTTP basic's;
	 * null for anything else.
	 */
	static String attemptedUser(HttpServletRequest request) {
		if ("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI())) {
			return request.getParameter("username");
		}
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = pair.indexOf(':');
				return colon < 0 ? null : pair.substring(0, colon);
			}
			catch (IllegalArgumentException e) {
				return null;
			}
		}
		return null;
	}

	private long lockedUntil(ConcurrentHashMap<String, Count> counts, String key) {
		Count c = key == null ? null : counts.get(key);
		if (c == null) {
			return 0;
		}
		synchronized (c) {
			return c.lockedUntil;
		}
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String user = String.valueOf(event.getAuthentication().getPrincipal()).toLowerCase(Locale.ROOT);
		String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
				? d.getRemoteAddress() : null;
		if (count(users, user, properties.maxFailuresPerUser())) {
			audit.changed("SIGN_IN", user.length() > 100 ? user.substring(0, 100) : user, null,
					"user name locked for " + properties.lockout().toMinutes() + " min after "
							+ properties.maxFailuresPerUser() + " wrong passwords");
		}
		if (address != null && count(addresses, address, properties.maxFailuresPerAddress())) {
			audit.changed("SIGN_IN", address, null, "address locked for " + properties.lockout().toMinutes()
					+ " min after " + properties.maxFailuresPerAddress() + " wrong passwords");
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		users.remove(event.getAuthentication().getName().toLowerCase(Locale.ROOT));
	}

	/** Counts one failure; true when this one locks the key. */
	private boolean count(ConcurrentHashMap<String, Count> counts, String key, int max) {
		long now = clock.millis();
		long window = properties.lockout().toMillis();
		if (counts.size() > 100_000) {
			counts.entrySet().removeIf(e -> e.getValue().windowStart + window < now && e.getValue().lockedUntil < now);
		}
		Count c = counts.computeIfAbsent(key, k -> new Count());
		synchronized (c) {
			if (now - c.windowStart > window) {
				c.windowStart = now;
				c.failures = 0;
			}
			if (++c.failures >= max && c.lockedUntil <= now) {
				c.lockedUntil = now + window;
				c.failures = 0;
				c.windowStart = now;
				return true;
			}
			return false;
		}
	}

}
