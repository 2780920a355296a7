package org.fanzha.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokens {

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long userId, String digest, String label, Instant now, Instant expiresAt) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO api_token (user_id, token_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(userId, digest, label, Timestamp.from(now), Timestamp.from(expiresAt))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The user id of a live token with this digest. */
	Optional<Long> activeUser(String digest, Instant now) {
		return jdbc.sql("""
				SELECT user_id FROM api_token
				WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""")
			.params(digest, Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/** Revokes the user's live tokens with this label; how many. */
	int revokeLabel(long userId, String label, Instant now) {
		return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND label = ? AND revoked_at IS NULL")
			.params(Timestamp.from(now), userId, label)
			.update();
	}

	boolean revoke(long id, Instant now) {
		return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(now), id)
			.update() == 1;
	}

}
