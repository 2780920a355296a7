package org.fanzha.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt once per password and stored hash, not once per request: HTTP basic sends the
 * password with every call, and at about 80 ms a check a handful of requests a second
 * would fill the CPU. A match is remembered for five minutes under SHA-256(stored hash,
 * password) — never the password itself; a changed password has another stored hash, so
 * it misses. Failures are never remembered: they go through BCrypt and count toward the
 * sign-in lock.
 */
final class CachingPasswordEncoder implements PasswordEncoder {

	static final long REMEMBER_NANOS = 5 * 60 * 1_000_000_000L;

	private final PasswordEncoder delegate;

	private final ConcurrentHashMap<String, Long> matched = new ConcurrentHashMap<>();

	CachingPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return delegate.matches(rawPassword, encodedPassword);
		}
		String key = key(rawPassword, encodedPassword);
		long now = System.nanoTime();
		Long until = matched.get(key);
		if (until != null && now - until < 0) {
			return true;
		}
		boolean ok = delegate.matches(rawPassword, encodedPassword);
		if (ok) {
			if (matched.size() > 10_000) {
				matched.clear();
			}
			matched.put(key, now + REMEMBER_NANOS);
		}
		return ok;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	private static String key(CharSequence raw, String encoded) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(encoded.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(raw.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
