package org.fanzha.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachingPasswordEncoderTest {

	/** Counts the expensive checks; "hash:" + password is its encoding. */
	static final class Counting implements PasswordEncoder {

		final AtomicInteger checks = new AtomicInteger();

		@Override
		public String encode(CharSequence raw) {
			return "hash:" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checks.incrementAndGet();
			return encoded.equals("hash:" + raw);
		}

	}

	@Test
	void aMatchIsCheckedOnceAFailureEveryTime() {
		Counting slow = new Counting();
		PasswordEncoder encoder = new CachingPasswordEncoder(slow);
		for (int i = 0; i < 100; i++) {
			assertThat(encoder.matches("right-password1", "hash:right-password1")).isTrue();
		}
		assertThat(slow.checks).hasValue(1);
		for (int i = 0; i < 3; i++) {
			assertThat(encoder.matches("wrong-password1", "hash:right-password1")).isFalse();
		}
		assertThat(slow.checks).hasValue(4);
		// a changed password has another stored hash: the old password no longer matches
		assertThat(encoder.matches("right-password1", "hash:new-password2")).isFalse();
	}

}
